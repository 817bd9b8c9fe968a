"""Previews and imports of spreadsheets, run by the worker.

The upload is stored once, privately (jobs.Job); the preview and the import are tasks that
take the job's id, so the file never travels back through a form and any size can be
imported. The import checks the stored file again, row by row, and writes it in chunks, all
in one transaction that also marks the job done: a worker killed halfway leaves nothing of
the file saved and the job ready to run again; run twice, it saves the file once.
"""

import pickle
import queue
import threading

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from activities import importing, notifications
from activities.bulk import create_in_bulk, writes_in_bulk
from activities.models import Activity
from core.bulk_copy import insert
from core.sheets import ImportFileError, estimate_rows
from jobs import services as jobs
from jobs.models import Job, JobKind, JobStatus, private_storage

# A file of up to this many rows is previewed whole; a larger one shows the rows that need a
# look (wrong ones and possible duplicates), up to as many, and counts the rest.
PREVIEW_ROWS = 2_000


def preview_path(job):
    return f"jobs/{job.pk}/preview.pickle"


def start_check(*, user, upload, filename, language, page):
    """Store the upload and queue its check; returns the job."""
    job = jobs.create(
        kind=JobKind.IMPORT_CHECK,
        owner=user,
        upload=upload,
        upload_name=filename,
        params={"language": language},
    )
    job.params["page"] = page(job)
    jobs.enqueue(job, check_upload)
    return job


def check_again(*, check, sheet, language, page):
    """Queue a new check of a checked upload (of `sheet`, or the first naming the columns)."""
    job = jobs.create(
        kind=JobKind.IMPORT_CHECK,
        owner=check.owner,
        source=check,
        params={"language": language, "sheet": sheet},
    )
    job.params["page"] = page(job)
    jobs.enqueue(job, check_upload)
    return job


def start_save(*, check, look_alikes, language, page, only_good=False):
    """Queue the import of a checked upload, the look-alikes ticked included; returns the job.

    With `only_good`, the rows that are wrong are left out instead of stopping it.
    """
    job = jobs.create(
        kind=JobKind.IMPORT_SAVE,
        owner=check.owner,
        source=check,
        params={
            "language": language,
            "look_alikes": sorted(look_alikes),
            "rows_total": check.summary.get("rows"),
            "sheet": check.summary.get("sheet"),
            "only_good": only_good,
        },
    )
    job.rows_total = check.summary.get("rows")
    job.params["page"] = page(job)
    Job.objects.filter(pk=job.pk).update(rows_total=job.rows_total)
    jobs.enqueue(job, save_upload)
    return job


def stored_preview(job):
    """The check of a job's upload, as its task stored it, or None."""
    name = preview_path(job)
    if job.status != JobStatus.DONE or not private_storage.exists(name):
        return None
    with private_storage.open(name, "rb") as file:
        # Written by `_check` below into the private folder; nothing from outside.
        return pickle.load(file)  # noqa: S301


@task()
def check_upload(job_id):
    notifications.job_ended(jobs.run(job_id, _check))


@task()
def save_upload(job_id):
    notifications.job_ended(jobs.run(job_id, _save))


def _check(job, progress):
    with translation.override(job.params.get("language")), _open(job) as file:
        progress(0, estimate_rows(file, job.upload_name))
        try:
            result = importing.check(
                file,
                job.upload_name,
                job.owner,
                sheet=job.params.get("sheet"),
                keep=PREVIEW_ROWS,
                progress=progress,
            )
        except ImportFileError as problem:
            raise jobs.JobRefused(str(problem)) from None
    private_storage.save(preview_path(job), ContentFile(pickle.dumps(result)))
    Job.objects.filter(pk=job.pk).update(rows_total=result.total)
    job.rows_total = result.total
    return {
        "rows": result.total,
        "new": result.new,
        "duplicates": result.duplicates,
        "errors": result.errors,
        "sheet": result.sheet,
    }


def _open(job):
    return open(private_storage.path(job.upload.name), "rb")  # noqa: SIM115 - closed by caller


def _save(job, progress):
    wanted = set(job.params.get("look_alikes", ()))
    language = job.params.get("language")
    with translation.override(language), _open(job) as file, writes_in_bulk() as written:
        if connection.vendor == "postgresql":
            # Two workers given the same job: the second waits here, then finds it done.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(job)])
        if Job.objects.filter(pk=job.pk, status=JobStatus.DONE).exists():
            return None
        summary = save_file(
            file,
            job.upload_name,
            job.owner,
            written=written,
            wanted=wanted,
            progress=progress,
            sheet=job.params.get("sheet"),
            only_good=job.params.get("only_good", False),
        )
        # Done in the same transaction as the rows: both or neither.
        jobs.finish(job, summary)
    return None


def _lock_key(job):
    return job.pk.int >> 65  # a signed 64-bit key for PostgreSQL's advisory lock


def save_file(
    file, filename, user, *, written, wanted=(), progress=None, sheet=None, only_good=False
):
    """Check the file again and save its rows in chunks, inside `writes_in_bulk()`.

    Possible duplicates are saved only when their row number is in `wanted`. A wrong row
    stops it all (JobRefused): the caller's transaction then keeps nothing; with
    `only_good`, wrong rows are counted and left out instead.
    """
    try:
        reading = importing.checked_rows(file, filename, user, sheet=sheet)
        next(reading)
        chunk, saved, left_out, wrong, done = [], 0, 0, 0, 0
        for done, row in enumerate(_ahead(reading), start=1):
            if row.status == importing.ERROR:
                if not only_good:
                    raise jobs.JobRefused(
                        _(
                            "Row %(row)s is wrong (%(reason)s); it was not when the file was "
                            "checked. Nothing was imported: upload the file again."
                        )
                        % {"row": row.number, "reason": " ".join(row.errors.values())}
                    )
                wrong += 1
            elif row.status == importing.NEW or row.number in wanted:
                chunk.append(importing.entry(row, filename))
            else:
                left_out += 1
            if len(chunk) == importing.CHUNK:
                saved += _write(chunk, user, written)
                chunk = []
            if progress is not None and done % importing.CHUNK == 0:
                progress(done)
        saved += _write(chunk, user, written)
    except ImportFileError as problem:
        raise jobs.JobRefused(str(problem)) from None
    return {"rows": done, "saved": saved, "left_out": left_out, "wrong": wrong}


def _ahead(rows, depth=2 * importing.CHUNK):
    """The rows, checked in a thread of their own a little ahead of the caller.

    While the caller waits for the database to take a chunk, the next one is being checked:
    about a third less time for a large file on two cores. The checking queries nothing
    (checked_rows made its queries before its first row), and up to `depth` rows wait.
    """
    waiting, stop, end = queue.Queue(maxsize=depth), threading.Event(), object()
    language = translation.get_language()

    def check():
        try:
            with translation.override(language):
                for row in rows:
                    if not _put(waiting, row, stop):
                        return  # the caller stopped reading
            _put(waiting, end, stop)
        except Exception as problem:  # handed to the caller, who raises it
            _put(waiting, problem, stop)
        finally:
            connection.close()  # this thread's own, should anything have opened it

    worker = threading.Thread(target=check, name="import-check", daemon=True)
    worker.start()
    try:
        while (row := waiting.get()) is not end:
            if isinstance(row, Exception):
                raise row
            yield row
    finally:
        stop.set()
        worker.join()


def _put(waiting, item, stop):
    """Whether `item` was handed over before the caller stopped reading."""
    while not stop.is_set():
        try:
            waiting.put(item, timeout=0.1)
            return True
        except queue.Full:
            continue
    return False


def _write(chunk, user, written):
    if not chunk:
        return 0
    create_in_bulk(chunk, user=user, written=written)
    # The admin's own log of additions, as its form writes one per record.
    kind = ContentType.objects.get_for_model(Activity).pk
    insert(
        LogEntry,
        (
            LogEntry(
                user_id=user.pk,
                content_type_id=kind,
                object_id=str(activity.pk),
                object_repr=str(activity)[:200],
                action_flag=ADDITION,
                change_message='[{"added": {}}]',
            )
            for activity, *_rest in chunk
        ),
    )
    return len(chunk)
