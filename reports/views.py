from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from reports import export, services
from reports.builder import build_report
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
    """The report in the site's layout: a draft built live, a final one as issued."""
    report = get_report(request.user, year)
    can_issue = services.can_issue(request.user)
    context = {"report": report, "can_issue": can_issue}
    if report.is_final:
        context["issued_body"] = export.report_body(report.frozen_html)
    else:
        context["document"] = build_report(report)
        context["trace"] = can_issue
    return render(request, "reports/report_detail.html", context)


def report_export(request, year):
    """The standalone file, as an attachment; its CSP allows only its own inline style."""
    report = get_report(request.user, year)
    html = export.export_html(report)
    response = HttpResponse(html.encode("utf-8"), content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.filename(report)}"'
    response["Content-Security-Policy"] = export.content_security_policy(html)
    return response


@require_POST
def mark_final(request, year):
    if not services.can_issue(request.user):
        raise PermissionDenied
    report = get_report(request.user, year)
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
