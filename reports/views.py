from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from reports import completeness, corrections, export, services
from reports.models import AnnualReport


def get_report(user, year):
    return get_object_or_404(AnnualReport.objects.visible_to(user), year=year)


class ReportListView(ListView):
    template_name = "reports/report_list.html"
    context_object_name = "reports"

    def get_queryset(self):
        """The list never shows the issued HTML, so it is not read."""
        return AnnualReport.objects.visible_to(self.request.user).defer("frozen_html")


def report_detail(request, year):
    """The report in the site's layout: a draft built live (with what it leaves out), a
    final one as issued, with every issued version."""
    report = get_report(request.user, year)
    can_issue = services.can_issue(request.user)
    context = {
        "report": report,
        "can_issue": can_issue,
        "issues": list(
            report.issues.defer("html", "docx", "pdf").annotate(
                has_docx=ExpressionWrapper(Q(docx__isnull=False), output_field=BooleanField()),
                has_pdf=ExpressionWrapper(Q(pdf__isnull=False), output_field=BooleanField()),
            )
        ),
    }
    if report.is_final:
        context["issued_body"] = export.report_body(report.frozen_html)
        latest = context["issues"][0] if context["issues"] else None
        context["issued_at"] = latest.issued_at if latest else report.frozen_at
        if can_issue:
            # Which records changed since the issue is the managers' to know: a record
            # that is no longer public must not be named to the public.
            context["changes"] = corrections.changes_since_issue(report)
    else:
        # Shown as it will be issued: in the report's language, whoever reads it.
        context["document"] = export.build(report)
        context["trace"] = can_issue
        if can_issue:
            context["check"] = completeness.check(report)
    return render(request, "reports/report_detail.html", context)


def file_response(content, fmt, name):
    response = HttpResponse(content, content_type=export.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if fmt == "html":
        # The file's own policy: exactly its inline style, nothing else.
        response["Content-Security-Policy"] = export.content_security_policy(content.decode())
    return response


def report_export(request, year, fmt="html"):
    """The report as a file (HTML, Word or PDF): as issued, or as the records stand."""
    report = get_report(request.user, year)
    content = export.export_file(report, fmt)
    if content is None:
        raise Http404(_("This issue was made before Word and PDF files were kept."))
    return file_response(content, fmt, export.filename(report, fmt))


def issue_export(request, year, number, fmt):
    """An earlier issue of the report, exactly as it went out."""
    if fmt not in export.FORMATS:
        raise Http404
    report = get_report(request.user, year)
    issue = get_object_or_404(report.issues, number=number)
    content = issue.html.encode("utf-8") if fmt == "html" else getattr(issue, fmt)
    if content is None:
        raise Http404(_("This issue was made before Word and PDF files were kept."))
    name = f"gcu-report-{report.year}-issue-{issue.number}.{fmt}"
    return file_response(bytes(content), fmt, name)


def mark_final(request, year):
    """Issuing: first the completeness check and a question, then the report is issued."""
    if not services.can_issue(request.user):
        raise PermissionDenied
    report = get_report(request.user, year)
    if request.method != "POST" or "confirm" not in request.POST:
        return render(
            request,
            "reports/confirm_issue.html",
            {"report": report, "check": completeness.check(report)},
        )
    services.mark_final(report=report, user=request.user)
    messages.success(request, _("The report is final: it is now served as issued."))
    return redirect(report)


@require_POST
def reopen(request, year):
    if not services.can_issue(request.user):
        raise PermissionDenied
    report = get_report(request.user, year)
    services.reopen(report=report, user=request.user)
    messages.success(request, _("The report is a draft again and follows the records."))
    return redirect(report)


@require_POST
def issue_correction(request, year):
    """A corrected version of an issued report, built from the records as they stand."""
    if not services.can_issue(request.user):
        raise PermissionDenied
    report = get_report(request.user, year)
    if not report.is_final:
        return redirect(report)
    services.issue_correction(report=report, user=request.user)
    messages.success(
        request, _("A corrected version is issued; the earlier issues stay downloadable.")
    )
    return redirect(report)
