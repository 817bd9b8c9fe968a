"""Writes on reports: issuing, reopening, a new year's report from the last, default headings."""

import re
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from activities import roles
from activities.models import ReportSection
from reports.export import render_all
from reports.models import LAYOUT_FIELDS, AnnualReport, ReportHeading, ReportIssue, ReportState


def can_issue(user):
    """Only managers mark reports final and reopen them."""
    return roles.is_manager(user)


def _check(user):
    # `user` None is a command run on the server itself (load_sample_data).
    if user is not None and not can_issue(user):
        raise PermissionDenied


@transaction.atomic
def mark_final(*, report, user):
    """Issue the report: its HTML, Word and PDF are stored and served as issued from now on.

    Issuing again after a reopening adds a new issue; earlier ones are kept.
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
        issued_at=now,
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


def a_year_on(value):
    if value is None:
        return None
    try:
        return value.replace(year=value.year + 1)
    except ValueError:  # 29 February
        return value.replace(year=value.year + 1, day=28)


def next_symbol(symbol):
    """CRP/36 → CRP/37: the last number in the symbol, one on."""
    match = re.search(r"(\d+)(?!.*\d)", symbol)
    if match is None:
        return symbol
    return symbol[: match.start()] + str(int(match.group(1)) + 1) + symbol[match.end() :]


@transaction.atomic
def start_from(*, previous, user):
    """A draft of the next year's report, prefilled from `previous`: all of it editable."""
    _check(user)
    year = previous.year + 1
    while AnnualReport.objects.filter(year=year).exists():
        year += 1
    shift = year - previous.year
    report = AnnualReport(
        year=year,
        title=previous.title.replace(str(previous.year), str(year)),
        symbol=next_symbol(previous.symbol),
        period_start=previous.period_start.replace(year=previous.period_start.year + shift)
        if shift == 1
        else date(year, 1, 1),
        period_end=a_year_on(previous.period_end) if shift == 1 else date(year, 12, 31),
        **{name: getattr(previous, name) for name in LAYOUT_FIELDS},
    )
    for name in ("issue_date", "session_start", "session_end"):
        setattr(report, name, a_year_on(getattr(previous, name)))
    report._history_user = user
    report._change_reason = f"Started from the {previous.year} report"
    report.full_clean()
    report.save()
    for heading in previous.headings.prefetch_related("sections"):
        copy = ReportHeading.objects.create(report=report, order=heading.order, title=heading.title)
        copy.sections.set(heading.sections.all())
    return report
