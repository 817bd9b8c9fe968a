"""Starting, running and clearing background jobs.

A job is a row (Job) the pages read, and a task (django-tasks) the worker runs with the job's
id. `run` wraps the work: it marks the job running, hands the work a `Progress` to report rows
done, stores the outcome or the reason it failed, and clears what has expired. Work that must
be all or nothing (an import) writes in one transaction and marks its job done inside it, so
that a worker killed halfway leaves the job to run again and nothing half-saved.
"""

import datetime
import logging

from django.conf import settings
from django.core.files.base import File
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_tasks_db.models import DBTaskResult

from jobs.models import Job, JobStatus, private_storage

logger = logging.getLogger(__name__)

# How long an upload, a result file and the job's row are kept.
KEPT_FOR = datetime.timedelta(days=1)


class JobRefused(Exception):
    """The work cannot be done as asked; the message says why, to the job's owner."""


def create(*, kind, owner, params=None, upload=None, upload_name="", source=None):
    """A queued job for `owner`; `upload` (a file) is copied into the private folder."""
    job = Job(kind=kind, owner=owner, params=params or {}, source=source)
    job.upload_name = upload_name[:255]
    if upload is not None:
        job.upload.save(_safe_name(upload_name), File(upload), save=False)
    elif source is not None and source.upload:
        # The same stored file: an import refers to the checked upload, never a copy.
        job.upload.name = source.upload.name
        job.upload_name = source.upload_name
    job.save()
    return job


def _safe_name(name):
    # The stored file keeps only its kind from the name it came with.
    return "upload.xlsx" if name.lower().endswith(".xlsx") else "upload.csv"


def enqueue(job, task):
    """Queue `task` for `job`, remembering which task, so that the job can be run again."""
    Job.objects.filter(pk=job.pk).update(params={**job.params, "task": task.module_path})
    job.params = {**job.params, "task": task.module_path}
    task.enqueue(str(job.pk))


def run_again(job):
    """Queue a failed or stalled job once more; refuses one that is done or going well."""
    if job.status == JobStatus.DONE or not (job.status == JobStatus.FAILED or stalled(job)):
        raise JobRefused(_("This job is not stopped; it needs no new start."))
    Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, error="", rows_done=0)
    task = import_string(job.params["task"])
    task.enqueue(str(job.pk))


def stalled(job, now=None):
    """Running, but with no sign of life for longer than a worker ever stays silent."""
    now = now or timezone.now()
    quiet = datetime.timedelta(seconds=settings.GCU_JOB_STALLED_AFTER_SECONDS)
    if connection.vendor != "postgresql":
        # SQLite lets no other connection write during an import's transaction, so no sign
        # of life comes until it ends: only a much longer silence means a stopped worker.
        quiet *= 12
    return job.status == JobStatus.RUNNING and (job.heartbeat or job.created) < now - quiet


class Progress:
    """Rows done of rows, written as the work goes.

    Outside a transaction a plain update; inside one (an import's), the update goes through a
    connection of its own so that the page sees it before the import commits. SQLite allows
    one writer at a time, so there the progress of a transaction is only seen at its end.
    """

    def __init__(self, job):
        self.job_id = job.pk
        self._side = None

    def __call__(self, done, total=None):
        now = timezone.now()
        if not connection.in_atomic_block:
            changes = {"rows_done": done, "heartbeat": now}
            if total is not None:
                changes["rows_total"] = total
            Job.objects.filter(pk=self.job_id).update(**changes)
        elif connection.vendor == "postgresql":
            if self._side is None:
                self._side = connections.create_connection(DEFAULT_DB_ALIAS)
            with self._side.cursor() as cursor:
                cursor.execute(
                    "UPDATE jobs_job SET rows_done = %s, rows_total = COALESCE(%s, rows_total),"
                    " heartbeat = %s WHERE id = %s",
                    [done, total, now, str(self.job_id)],
                )

    def close(self):
        if self._side is not None:
            self._side.close()
            self._side = None


def run(job_id, work):
    """Run `work(job, progress)` for the job; returns the job as it ended, or None.

    The work returns the outcome to store (a dict), or None when it marked the job done
    itself (inside its own transaction); JobRefused ends the job with its message.
    """
    job = Job.objects.filter(pk=job_id).select_related("owner").first()
    if job is None or job.status == JobStatus.DONE:
        return None
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, started=now, heartbeat=now, rows_done=0, error=""
    )
    job.status, job.started = JobStatus.RUNNING, now
    progress = Progress(job)
    try:
        summary = work(job, progress)
    except JobRefused as problem:
        fail(job, str(problem))
    except Exception:
        logger.exception("Background job %s failed", job.pk)
        fail(job, _("Something went wrong on the server; nothing was saved. Try again later."))
    else:
        if summary is not None:
            finish(job, summary)
    finally:
        progress.close()
    purge_expired()
    job.refresh_from_db()
    return job


def finish(job, summary, *, result=None, result_name=""):
    """Mark the job done with its outcome (and a result file, kept privately)."""
    job.summary = summary
    job.status = JobStatus.DONE
    job.finished = timezone.now()
    job.rows_total = summary.get("rows", job.rows_total)
    if job.rows_total is not None:
        job.rows_done = job.rows_total
    if result is not None:
        job.result_name = result_name[:255]
        job.result.save(result_name.rsplit("/", 1)[-1] or "result", File(result), save=False)
    Job.objects.filter(pk=job.pk).update(
        summary=job.summary,
        status=job.status,
        finished=job.finished,
        heartbeat=job.finished,
        rows_done=job.rows_done,
        rows_total=job.rows_total,
        result=job.result.name or "",
        result_name=job.result_name,
    )


def fail(job, message):
    job.status, job.error, job.finished = JobStatus.FAILED, message, timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=job.status, error=message, finished=job.finished, heartbeat=job.finished
    )


def purge_expired(now=None):
    """Remove the jobs made more than a day ago, with every file they kept; returns how many."""
    limit = (now or timezone.now()) - KEPT_FOR
    removed = 0
    for job in Job.objects.filter(created__lt=limit).order_by("created")[:500]:
        remove(job)
        removed += 1
    # The queue's own record of each run, once it is over and as old.
    DBTaskResult.objects.finished().filter(finished_at__lt=limit).delete()
    return removed


def remove(job):
    """The job and its folder of files."""
    folder = f"jobs/{job.pk}"
    if private_storage.exists(folder):
        _remove_folder(folder)
    job.delete()


def _remove_folder(folder):
    directories, files = private_storage.listdir(folder)
    for name in files:
        private_storage.delete(f"{folder}/{name}")
    for name in directories:
        _remove_folder(f"{folder}/{name}")
    private_storage.delete(folder)
