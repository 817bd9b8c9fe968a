"""What changed in an issued report's records since it was issued, record by record.

An issued report is frozen; the records it was built from are not. A manager reading an
issued report is told which records of its period changed afterwards in what the report
prints (or whether they came into it or left it), and may issue a corrected version.
Two queries, whatever the size of the history.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ReviewState, Visibility

# What the report prints of a record, and whether it prints it at all.
PRINTED_FIELDS = (
    "title",
    "summary",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "participants_total",
    "report_section_id",
    "prominence",
    "report_order",
    "initiative_id",
)

OUTCOMES = {
    "changed": _("changed"),
    "added": _("now printed"),
    "removed": _("no longer printed"),
}


@dataclass(frozen=True)
class Change:
    pk: int
    title: str
    outcome: str  # a key of OUTCOMES
    fields: tuple[str, ...] = ()

    @property
    def label(self):
        return OUTCOMES[self.outcome]

    @property
    def admin_url(self):
        return reverse("admin:activities_activity_change", args=[self.pk])


def _printed(version):
    """Whether a version of a record would be in a report of its period."""
    return (
        version is not None
        and getattr(version, "history_type", "~") != "-"
        and version.review_state == ReviewState.APPROVED
        and version.visibility == Visibility.PUBLIC
        and version.report_section_id is not None
    )


def _in_period(report):
    start, end = report.period_start, report.period_end
    return Q(start_date__lte=end) & (
        Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start)
    )


def changes_since_issue(report):
    """Records of an issued report's period that changed what it prints since its issue."""
    if not report.is_final or report.frozen_at is None:
        return ()
    history = Activity.history.model
    since = report.frozen_at
    touched = set(
        history.objects.filter(_in_period(report), history_date__gt=since).values_list(
            "id", flat=True
        )
    )
    if not touched:
        return ()
    before, now = {}, {}
    for version in history.objects.filter(id__in=touched).order_by("history_date", "history_id"):
        (now if version.history_date > since else before)[version.id] = version
    names = {field.attname: field.verbose_name for field in Activity._meta.concrete_fields}
    changes = []
    for pk in sorted(touched, key=lambda pk: (now[pk].start_date, pk)):
        old, new = before.get(pk), now[pk]
        was, is_ = _printed(old), _printed(new)
        if was and is_:
            fields = tuple(
                str(names[name])
                for name in PRINTED_FIELDS
                if getattr(old, name) != getattr(new, name)
            )
            if fields:
                changes.append(Change(pk, new.title, "changed", fields))
        elif is_:
            changes.append(Change(pk, new.title, "added"))
        elif was:
            changes.append(Change(pk, old.title, "removed"))
    return tuple(changes)
