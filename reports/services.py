"""Writes on reports: issuing, reopening, a new year's report from the last, default headings."""

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from activities import roles
from activities.models import ReportSection
from reports.export import render_all
from reports.models import (
    LAYOUT_FIELDS,
    OWN_TEXTS,
    YEAR_TEXTS,
    AnnualReport,
    InitiativeText,
    ReportHeading,
    ReportIssue,
    ReportState,
)


def can_issue(user):
    """Only managers mark reports final and reopen them."""
    return roles.is_manager(user)


def _check(user):
    # `user` None is a command run on the server itself (load_sample_data).
    if user is not None and not can_issue(user):
        raise PermissionDenied


@transaction.atomic
def mark_final(*, report, user, at=None):
    """Issue the report: its HTML, Word and PDF are stored and served as issued from now on.

    Issuing again after a reopening adds a new issue; earlier ones are kept. `at` is the
    date the issue bears, for the sample data only (issued in its own year); the report's
    `frozen_at` is always the moment it was frozen, from which later changes are told.
    """
    _check(user)
    if report.is_final:
        return report
    files = render_all(report)
    now = timezone.now()
    number = (report.issues.aggregate(last=Max("number"))["last"] or 0) + 1
    ReportIssue.objects.create(
        report=report,
        number=number,
        issued_at=at or now,
        issued_by=user,
        html=files["html"],
        docx=files["docx"],
        pdf=files["pdf"],
    )
    report.frozen_html = files["html"]
    report.frozen_at = now
    report.state = ReportState.FINAL
    report._history_user = user
    report._change_reason = f"Issued (issue {number})"
    report.save()
    return report


@transaction.atomic
def reopen(*, report, user):
    """Back to a draft rendered from the records; every issued version stays in its issues."""
    _check(user)
    if not report.is_final:
        return report
    report.frozen_html = ""
    report.frozen_at = None
    report.state = ReportState.DRAFT
    report._history_user = user
    report._change_reason = "Reopened"
    report.save()
    return report


def default_headings(report):
    """A heading for every report section, in their order and under their titles."""
    for order, section in enumerate(ReportSection.objects.order_by("order"), start=1):
        heading = ReportHeading.objects.create(report=report, order=order * 10, title=section.title)
        heading.sections.add(section)


def years_on(value, years):
    """`value` moved by whole years (29 February becomes the 28th in a common year)."""
    if value is None:
        return None
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def a_year_on(value):
    return years_on(value, 1)


def next_symbol(symbol, step=1):
    """CRP/36 → CRP/37 (or CRP/38 two years on): the last number in the symbol, moved on."""
    match = re.search(r"(\d+)(?!.*\d)", symbol)
    if match is None:
        return symbol
    return symbol[: match.start()] + str(int(match.group(1)) + step) + symbol[match.end() :]


ORDINAL = re.compile(r"\b(\d+)(st|nd|rd|th)\b")


def ordinal(number):
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def next_session(session, step=1):
    """ "103rd Session of the Council" → "104th Session of the Council": the first ordinal
    in figures, moved on; a session written in words is left for the manager to edit."""
    match = ORDINAL.search(session)
    if match is None or step < 1:
        return session
    moved = ordinal(int(match.group(1)) + step)
    return session[: match.start()] + moved + session[match.end() :]


def free_year_after(previous):
    """The first year after `previous` with no report yet."""
    taken = set(AnnualReport.objects.values_list("year", flat=True))
    year = previous.year + 1
    while year in taken:
        year += 1
    return year


def suggestions(previous, year):
    """What a report for `year` would take from `previous` by its pattern: title, symbol,
    period, session and dates moved on by the years between them."""
    step = year - previous.year
    return {
        "year": year,
        "title": previous.title.replace(str(previous.year), str(year)),
        "symbol": next_symbol(previous.symbol, step),
        "period_start": years_on(previous.period_start, step),
        "period_end": years_on(previous.period_end, step),
        "issue_date": years_on(previous.issue_date, step),
        "session": next_session(previous.session, step),
        "session_start": years_on(previous.session_start, step),
        "session_end": years_on(previous.session_end, step),
    }


@transaction.atomic
def start_from(*, previous, user, **values):
    """A draft report started from `previous` (any earlier report, for any year): its layout,
    headings and texts copied, the year's own facts from `values` or suggested by pattern.

    The introduction, the closing text and the initiatives' paragraphs arrive marked as
    carried over: the completeness check lists them until the manager edits or checks them.
    """
    _check(user)
    year = values.get("year") or free_year_after(previous)
    fields = {**suggestions(previous, year), **values}
    layout = {name: getattr(previous, name) for name in LAYOUT_FIELDS}
    report = AnnualReport(
        **{**layout, **fields},
        started_from=previous,
        carried_over=[name for name in YEAR_TEXTS if getattr(previous, name).strip()],
        checked_texts=[],
    )
    report._history_user = user
    report._change_reason = f"Started from the {previous.year} report"
    report.full_clean()
    report.save()
    for heading in previous.headings.prefetch_related("sections"):
        copy = ReportHeading.objects.create(
            report=report,
            order=heading.order,
            title=heading.title,
            network_sentence=heading.network_sentence,
            commitments_source=heading.commitments_source,
            commitments_sentence=heading.commitments_sentence,
        )
        copy.sections.set(heading.sections.all())
    InitiativeText.objects.bulk_create(
        InitiativeText(
            report=report, initiative_id=text.initiative_id, text=text.text, carried_over=True
        )
        for text in previous.initiative_texts.exclude(text="")
    )
    return report


def note_text_changes(*, report, changed, checked):
    """After the manager saved the report's form: texts edited are no longer carried over,
    and `checked` (names) is what they have ticked as right for this year."""
    checked = [name for name in OWN_TEXTS if name in set(checked)]
    carried = [name for name in report.carried_over if name not in changed and name not in checked]
    if carried != report.carried_over or checked != report.checked_texts:
        AnnualReport.objects.filter(pk=report.pk).update(
            carried_over=carried, checked_texts=checked
        )
        report.carried_over, report.checked_texts = carried, checked


def note_initiative_text_changes(text, changed):
    """An initiative paragraph edited or ticked is no longer carried over."""
    if text.carried_over and ("text" in changed or text.checked):
        text.carried_over = False


def add_section_for(heading, title, *, order=None):
    """A new report section made with the heading that gathers it, ticked on that heading."""
    title = " ".join(title.split())
    section = ReportSection.objects.filter(title__iexact=title).first()
    if section is None:
        last = ReportSection.objects.aggregate(last=Max("order"))["last"] or 0
        base = slugify(title)[:190] or "section"
        slug, n = base, 1
        while ReportSection.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        section = ReportSection.objects.create(title=title, slug=slug, order=order or last + 10)
    heading.sections.add(section)
    return section


@transaction.atomic
def issue_correction(*, report, user):
    """Issue an issued report again, as a corrected version built from the records as they
    stand now; every earlier issue stays downloadable."""
    _check(user)
    if not report.is_final:
        return mark_final(report=report, user=user)
    files = render_all(report)
    now = timezone.now()
    number = (report.issues.aggregate(last=Max("number"))["last"] or 0) + 1
    ReportIssue.objects.create(
        report=report,
        number=number,
        issued_at=now,
        issued_by=user,
        correction=True,
        html=files["html"],
        docx=files["docx"],
        pdf=files["pdf"],
    )
    report.frozen_html = files["html"]
    report.frozen_at = now
    report._history_user = user
    report._change_reason = f"Corrected version issued (issue {number})"
    report.save()
    return report
