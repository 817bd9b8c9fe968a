"""What a draft report leaves out or prints incompletely, and why.

Every activity of the period is looked at, whatever its state: a manager about to issue
the report sees what it will not say, before it is too late. So are the report's own
headings (one with nothing in the period is not printed) and its own texts (carried over
from an earlier report and not yet edited or checked, or naming a year before the
period's). Four queries.
"""

import re
from collections import Counter
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from activities import languages
from activities.models import (
    Activity,
    DatePrecision,
    PendingChange,
    Prominence,
    ReportSection,
    ReviewState,
)
from reports.models import OWN_TEXTS, AnnualReport

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
    "text_no_place": _("Its paragraph does not say where it took place"),
    "text_no_dates": _("Its paragraph does not say when it took place"),
    "text_no_count": _("Its paragraph does not say how many took part"),
    "untranslated": _(
        "Has no title or summary in the report's language: the report prints it as written"
    ),
}

TEXT_REASONS = {
    "carried_over": _("Carried over from an earlier report: not yet edited or checked"),
    "earlier_year": _("Names a year before this report's period"),
}

YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


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
class TextGap:
    """One of the report's own texts to look at again."""

    label: str
    reason: str
    years: tuple[int, ...] = ()
    admin_url: str = ""

    @property
    def why(self):
        return TEXT_REASONS[self.reason]


@dataclass(frozen=True)
class Check:
    gaps: tuple[Gap, ...]
    counts: dict
    empty_headings: tuple[str, ...] = ()
    texts: tuple[TextGap, ...] = ()

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
        return bool(self.gaps or self.empty_headings or self.texts)


# Reasons for records that are printed, but not wholly as they might be.
PRINTED = {
    "pending",
    "no_place",
    "year_only",
    "no_count",
    "text_no_place",
    "text_no_dates",
    "text_no_count",
    "untranslated",
}


def check(report):
    """Every record of the period the report leaves out or prints incompletely, its
    headings with nothing in the period and its texts to look at again."""
    rows = list(report.headings.values_list("pk", "title", "sections__pk")) if report.pk else []
    headed = {section for _pk, _title, section in rows if section is not None}
    if not rows:
        # With no headings of its own, a report prints every section (reports/builder.py).
        headed = set(ReportSection.objects.values_list("pk", flat=True))
    records = list(
        Activity.objects.in_period(report.period_start, report.period_end)
        .select_related("initiative")
        .only(
            "title",
            "summary",
            "original_language",
            f"title_{report.language}",
            f"summary_{report.language}",
            "review_state",
            "visibility",
            "report_section",
            "prominence",
            "city",
            "country",
            "start_date",
            "date_precision",
            "participants_total",
            "initiative__title",
            "initiative__cumulative_label",
        )
        .order_by("start_date", "pk")
    )
    pending = set(
        PendingChange.objects.filter(activity__in=[r.pk for r in records]).values_list(
            "activity_id", flat=True
        )
    )
    own_texts = {}
    if report.pk:
        own_texts = {
            text.initiative_id: text
            for text in report.initiative_texts.select_related("initiative")
        }
    gaps = []
    # A paragraph is read in the report's language, whoever runs the check: its country and
    # month names are looked for as the report writes them.
    with translation.override(report.language):
        for record in records:
            for reason in reasons(record, headed, pending, own_texts, report.language):
                gaps.append(Gap(record.pk, record.title, reason))
    printed = [r for r in records if printed_in(r, headed)]
    return Check(
        tuple(gaps),
        dict(Counter(gap.reason for gap in gaps)),
        empty_headings=_empty_headings(rows, {r.report_section_id for r in printed}),
        texts=tuple(_text_gaps(report, own_texts, {r.initiative_id for r in printed})),
    )


def printed_in(record, headed):
    return (
        record.review_state == ReviewState.APPROVED
        and record.visibility == "public"
        and record.report_section_id in headed
    )


def _empty_headings(rows, sections_printed):
    """Titles of the headings none of whose sections has a record the report prints."""
    titles, printing = {}, set()
    for pk, title, section in rows:
        titles[pk] = title
        if section in sections_printed:
            printing.add(pk)
    return tuple(title for pk, title in titles.items() if pk not in printing)


def earlier_years(text, report):
    """Years named in `text` before the year the report's period starts in."""
    first = report.period_start.year
    return tuple(sorted({int(y) for y in YEAR.findall(text or "") if int(y) < first}))


def _text_gaps(report, own_texts, initiatives_printed):
    url = reverse("admin:reports_annualreport_change", args=[report.pk]) if report.pk else ""
    labels = {name: AnnualReport._meta.get_field(name).verbose_name for name in OWN_TEXTS}
    for name in OWN_TEXTS:
        value = getattr(report, name) or ""
        if not value.strip() or name in report.checked_texts:
            continue
        label = str(labels[name]).capitalize()
        if name in report.carried_over:
            yield TextGap(label, "carried_over", admin_url=url)
        if years := earlier_years(value, report):
            yield TextGap(label, "earlier_year", years, url)
    for text in own_texts.values():
        if text.initiative_id not in initiatives_printed or text.checked or not text.text.strip():
            continue
        label = _("Paragraph for “%(initiative)s”") % {"initiative": text.initiative.title}
        if text.carried_over:
            yield TextGap(label, "carried_over", admin_url=url)
        if years := earlier_years(text.text, report):
            yield TextGap(label, "earlier_year", years, url)


def _mentions(text, words):
    folded = " ".join(text.split()).casefold()
    return any(word and " ".join(str(word).split()).casefold() in folded for word in words)


def paragraph_reasons(record, text):
    """What a paragraph built from `text` leaves unsaid of `record`: place, dates, count.

    Country and month names are those of the active language (check() sets the report's).
    """
    found = []
    if (record.city or record.country) and not _mentions(
        text, [record.city, record.country.name if record.country else ""]
    ):
        found.append("text_no_place")
    if record.date_precision != DatePrecision.YEAR:
        month = str(MONTHS[record.start_date.month])
        if not _mentions(text, [month]):
            found.append("text_no_dates")
    total = record.participants_total
    if total and not re.search(rf"(?<![\d,.]){total:,}(?![\d,])|(?<!\d){total}(?!\d)", text):
        found.append("text_no_count")
    return found


def reasons(record, headed, pending, own_texts=None, language="en"):
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
    if languages.lacks(record, language):
        found.append("untranslated")
    if record.prominence == Prominence.MINOR:
        if not record.city and not record.country:
            found.append("no_place")
        if record.date_precision == DatePrecision.YEAR:
            found.append("year_only")
    initiative = record.initiative
    if initiative is not None and initiative.cumulative_label and record.participants_total is None:
        found.append("no_count")
    if record.prominence != Prominence.MINOR:
        own = (own_texts or {}).get(record.initiative_id)
        summary, _language = languages.text_in(record, "summary", language)
        text = own.text if own is not None and own.text.strip() else summary
        found.extend(paragraph_reasons(record, text))
    return found
