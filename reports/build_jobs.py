"""A report's Word or PDF file built in the background, for the person who asked.

The download links build the file while the browser waits (seconds for a year); a period
of thousands of activities takes longer, so the report's page also offers to build it in
the background: a job page shows when it is ready, with a download for its owner only.
"""

from django.contrib.auth.decorators import login_required
from django.core.files.base import ContentFile
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks import task

from activities import notifications
from jobs import services as jobs
from jobs.models import JobKind
from reports import export
from reports.models import AnnualReport
from reports.views import get_report

BUILT = ("docx", "pdf")


@require_POST
@login_required
def build_in_background(request, year):
    report = get_report(request.user, year)
    fmt = request.POST.get("format")
    if fmt not in BUILT:
        return HttpResponseBadRequest("format: docx or pdf.\n")
    job = jobs.create(
        kind=JobKind.REPORT,
        owner=request.user,
        params={
            "year": report.year,
            "format": fmt,
            "language": translation.get_language(),
            "name": export.filename(report, fmt),
        },
    )
    jobs.enqueue(job, build_report_file)
    return redirect(job)


@task()
def build_report_file(job_id):
    notifications.job_ended(jobs.run(job_id, _build))


def _build(job, progress):
    params = job.params
    # Read again as its owner may see it now: a report withdrawn since is not built.
    report = AnnualReport.objects.visible_to(job.owner).filter(year=params["year"]).first()
    if report is None:
        raise jobs.JobRefused(_("This report is not there any more."))
    with translation.override(params.get("language")):
        content = export.export_file(report, params["format"])
    if content is None:
        raise jobs.JobRefused(_("This issue was made before Word and PDF files were kept."))
    jobs.finish(job, {}, result=ContentFile(bytes(content)), result_name=params["name"])
    return None
