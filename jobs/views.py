"""A job's page, its progress as JSON for the page's script, and its result file.

Each answers the job's owner only; anyone else (another member of staff, a viewer, a visitor
who is not signed in) gets the same 404 as for a job that never was.
"""

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from jobs.models import Job, JobStatus, private_storage
from jobs.services import stalled


def _own(request, job_id):
    return get_object_or_404(Job.objects.of(request.user), pk=job_id)


@never_cache
def status(request, job_id):
    job = _own(request, job_id)
    return JsonResponse(
        {
            "status": job.status,
            "label": str(job.get_status_display()),
            "rows_done": job.rows_done,
            "rows_total": job.rows_total,
            "percent": job.percent,
            "over": job.over,
            "stalled": stalled(job),
            "error": job.error,
        }
    )


@never_cache
def detail(request, job_id):
    job = _own(request, job_id)
    return render(request, "jobs/job.html", {"job": job, "stalled": stalled(job)})


def download(request, job_id):
    job = _own(request, job_id)
    if (
        job.status != JobStatus.DONE
        or not job.result
        or not private_storage.exists(job.result.name)
    ):
        raise Http404
    return FileResponse(
        private_storage.open(job.result.name, "rb"),
        as_attachment=True,
        filename=job.result_name or job.result.name.rsplit("/", 1)[-1],
    )
