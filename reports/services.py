"""Issuing reports: marking one final freezes its HTML; reopening makes it a live draft again."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from activities import roles
from reports.export import render_export
from reports.models import ReportState


def can_issue(user):
    """Only managers mark reports final and reopen them."""
    return roles.is_manager(user)


@transaction.atomic
def mark_final(*, report, user):
    """Store the report's export as issued; later changes to records leave it as it is."""
    if not can_issue(user):
        raise PermissionDenied
    if report.is_final:
        return report
    report.frozen_html = render_export(report)
    report.frozen_at = timezone.now()
    report.state = ReportState.FINAL
    report._history_user = user
    report._change_reason = "Marked final"
    report.save()
    return report


@transaction.atomic
def reopen(*, report, user):
    """Back to a draft rendered from the records; the issued HTML stays in the history."""
    if not can_issue(user):
        raise PermissionDenied
    if not report.is_final:
        return report
    report.frozen_html = ""
    report.frozen_at = None
    report.state = ReportState.DRAFT
    report._history_user = user
    report._change_reason = "Reopened"
    report.save()
    return report
