"""Reads on commitments that several surfaces share."""

from django.utils import timezone

from commitments.models import Commitment


def due_for_managers(user, day=None, limit=50):
    """(overdue, updates due) among the open commitments `user` may see; two queries."""
    day = day or timezone.localdate()
    visible = Commitment.objects.visible_to(user).select_related("responsible", "source")
    overdue = list(visible.overdue(day).order_by("due_on", "pk")[:limit])
    updates = list(
        visible.update_due(day)
        .exclude(pk__in=[c.pk for c in overdue])
        .order_by("next_update_on", "pk")[:limit]
    )
    return overdue, updates


def reminders(day=None):
    """{responsible user: [(commitment, overdue?)]} for every open commitment that needs them."""
    day = day or timezone.localdate()
    owed = {}
    rows = (
        Commitment.objects.filter(responsible__isnull=False)
        .select_related("responsible", "source")
        .order_by("due_on", "pk")
    )
    overdue = set(rows.overdue(day).values_list("pk", flat=True))
    for commitment in rows.overdue(day) | rows.update_due(day):
        owed.setdefault(commitment.responsible, []).append((commitment, commitment.pk in overdue))
    return owed
