"""Reads that several surfaces share: the registries as the visibility rule lets each user see them.

Partners, events and countries have no visibility of their own. Staff in a role see the
whole registry of partners and events (they need it to enter records without making
duplicates); anyone else knows one only where an activity they may see refers to it, so
that a partner or a place named only on a confidential record stays unknown to them.
"""

from django.db.models import Exists, OuterRef, Prefetch
from django_countries import countries

from activities import roles
from activities.models import Activity, ActivityPartner, Event
from core.caching import for_page
from partners.models import Partner


def partners_visible_to(user):
    """Partners `user` may know of."""
    if roles.is_member(user):
        return Partner.objects.all()
    referred = ActivityPartner.objects.filter(
        partner=OuterRef("pk"), activity__in=Activity.objects.visible_to(user)
    )
    return Partner.objects.filter(Exists(referred))


def events_visible_to(user):
    """Events `user` may know of."""
    if roles.is_member(user):
        return Event.objects.all()
    return Event.objects.filter(
        Exists(Activity.objects.visible_to(user).filter(event=OuterRef("pk")))
    )


def visible_or_none(queryset, record):
    """`record` when it is in `queryset` (a registry as one user sees it), otherwise None.

    For a record page naming another record: an event's organiser, a partner's parent body.
    """
    if record is None or not queryset.filter(pk=record.pk).exists():
        return None
    return record


def country_choices(user):
    """(code, name) of the countries of the activities `user` may see, by name."""

    def compute():
        codes = (
            Activity.objects.visible_to(user)
            .exclude(country="")
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        )
        return sorted(((code, countries.name(code)) for code in codes), key=lambda c: c[1])

    return for_page(compute, "country-choices", roles.scope(user))


def with_relations(activities):
    """Foreign keys joined; areas, partner roles with their partners, and outputs in one query each."""
    return activities.select_related(
        "activity_type", "event", "initiative", "report_section"
    ).prefetch_related(
        "thematic_areas",
        Prefetch("roles", queryset=ActivityPartner.objects.select_related("partner")),
        "outputs",
    )
