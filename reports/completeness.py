"""What a draft report leaves out or prints incompletely, record by record, and why.

Every activity of the period is looked at, whatever its state: a manager about to issue
the report sees what it will not say, before it is too late. Three queries.
"""

from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from activities.models import (
    Activity,
    DatePrecision,
    PendingChange,
    Prominence,
    ReportSection,
    ReviewState,
)

REASONS = {
    "no_section": _("Approved and public, but filed under no report section"),
    "no_heading": _(
        "Approved and public, but its report section is under no heading of this report"
    ),
    "internal": _("Internal: the report prints public records only"),
    "confidential": _("Confidential: never printed"),
    "draft": _("Still a draft"),
    "submitted": _("Submitted, not yet approved"),
    "returned": _("Returned to its author, not yet approved"),
    "pending": _("A change to it waits for approval: the report prints the approved text"),
    "no_place": _("Its bullet prints no place: the record has none"),
    "year_only": _("Its bullet prints no dates: the record is dated to the year only"),
    "no_count": _("Adds no participants to its initiative's total: the record has no count"),
}


@dataclass(frozen=True)
class Gap:
    pk: int
    title: str
    reason: str

    @property
    def label(self):
        return REASONS[self.reason]

    @property
    def admin_url(self):
        return reverse("admin:activities_activity_change", args=[self.pk])


@dataclass(frozen=True)
class Check:
    gaps: tuple[Gap, ...]
    counts: dict

    @property
    def left_out(self):
        return sum(n for reason, n in self.counts.items() if reason not in PRINTED)

    @property
    def incomplete(self):
        return sum(n for reason, n in self.counts.items() if reason in PRINTED)

    @property
    def summary(self):
        """(why, how many), in the order of REASONS."""
        return [
            (REASONS[reason], self.counts[reason]) for reason in REASONS if reason in self.counts
        ]

    def __bool__(self):
        return bool(self.gaps)


# Reasons for records that are printed, but not wholly as they might be.
PRINTED = {"pending", "no_place", "year_only", "no_count"}


def check(report):
    """Every record of the period the report leaves out or prints incompletely."""
    rows = list(report.headings.values_list("pk", "sections__pk")) if report.pk else []
    headed = {section for _heading, section in rows if section is not None}
    if not rows:
        # With no headings of its own, a report prints every section (reports/builder.py).
        headed = set(ReportSection.objects.values_list("pk", flat=True))
    records = list(
        Activity.objects.in_period(report.period_start, report.period_end)
        .select_related("initiative")
        .only(
            "title",
            "review_state",
            "visibility",
            "report_section",
            "prominence",
            "city",
            "country",
            "date_precision",
            "participants_total",
            "initiative__cumulative_label",
        )
        .order_by("start_date", "pk")
    )
    pending = set(
        PendingChange.objects.filter(activity__in=[r.pk for r in records]).values_list(
            "activity_id", flat=True
        )
    )
    gaps = []
    for record in records:
        for reason in reasons(record, headed, pending):
            gaps.append(Gap(record.pk, record.title, reason))
    return Check(tuple(gaps), dict(Counter(gap.reason for gap in gaps)))


def reasons(record, headed, pending):
    if record.review_state != ReviewState.APPROVED:
        return [record.review_state]
    if record.visibility != "public":
        return [record.visibility]
    if record.report_section_id is None:
        return ["no_section"]
    if record.report_section_id not in headed:
        return ["no_heading"]
    found = []
    if record.pk in pending:
        found.append("pending")
    if record.prominence == Prominence.MINOR:
        if not record.city and not record.country:
            found.append("no_place")
        if record.date_precision == DatePrecision.YEAR:
            found.append("year_only")
    initiative = record.initiative
    if initiative is not None and initiative.cumulative_label and record.participants_total is None:
        found.append("no_count")
    return found
