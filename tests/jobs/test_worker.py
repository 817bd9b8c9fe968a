"""A real worker process (`manage.py db_worker`) on PostgreSQL, as production runs it.

A file of thousands of rows is checked and imported in the background; a worker killed in
the middle of an import leaves nothing of the file saved, and the job, run again, saves
every row once.
"""

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from activities import import_jobs
from activities.models import Activity
from jobs import services as jobs
from jobs.models import Job, JobKind, JobStatus
from tests.factories import ActivityTypeFactory, PartnerFactory, ThematicAreaFactory

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="the worker shares the test database, which SQLite keeps in memory",
    ),
]


@pytest.fixture
def queue_in_database(settings):
    """Tasks go to the database's queue, for a worker to take, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def registries(db):
    ActivityTypeFactory(name="Training", slug="training")
    ThematicAreaFactory(name="Labour migration", slug="labour")
    PartnerFactory(name="International Labour Organization", acronym="ILO")


def log_file(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        ["Title", "Type", "Summary", "Start date", "City", "Thematic areas", "Partners and roles"]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"Training number {n}",
                "Training",
                f"Session {n} with community leaders.",
                f"{1 + n % 28:02d}/05/2011",
                f"Town {n}",
                "Labour migration",
                "ILO (Co-organiser)",
            ]
        )
    return buffer.getvalue().encode()


def start_worker(batch=True):
    """`manage.py db_worker` on the test database, with the production settings."""
    db = settings.DATABASES["default"]
    login = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gcu_tracker.settings",
        "DATABASE_URL": f"postgres://{login}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "worker-test-key-not-for-any-server-0123456789",
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DJANGO_PRIVATE_ROOT": str(settings.GCU_PRIVATE_ROOT),
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    command += ["--interval", "0.1", "--verbosity", "0"] + (["--batch"] if batch else [])
    return subprocess.Popen(command, cwd=ROOT, env=env)


def run_queue():
    worker = start_worker()
    assert worker.wait(timeout=300) == 0


def test_a_large_file_is_checked_then_imported_by_the_worker(
    data_entry_client, data_entry, registries, queue_in_database
):
    rows = 6_000
    upload = SimpleUploadedFile("log.csv", log_file(rows), "text/csv")
    answer = data_entry_client.post(reverse("admin:activities_activity_import"), {"file": upload})
    check = Job.objects.get(kind=JobKind.IMPORT_CHECK)
    assert answer["Location"] == check.get_absolute_url()
    assert check.status == JobStatus.QUEUED  # nothing checked in the request

    run_queue()
    check.refresh_from_db()
    assert (check.status, check.rows_done, check.rows_total) == (JobStatus.DONE, rows, rows)
    assert (check.summary["rows"], check.summary["new"], check.summary["errors"]) == (rows, rows, 0)
    preview = data_entry_client.get(check.get_absolute_url())
    assert preview.context["result"].total == rows

    confirm = reverse("admin:activities_activity_import_confirm", args=[check.pk])
    data_entry_client.post(confirm)
    saving = Job.objects.get(kind=JobKind.IMPORT_SAVE)
    assert not Activity.objects.exists()
    run_queue()
    saving.refresh_from_db()
    assert saving.status == JobStatus.DONE, saving.error
    assert saving.summary["saved"] == rows and saving.rows_done == rows
    assert Activity.objects.filter(created_by=data_entry, review_state="draft").count() == rows
    assert Activity.history.filter(history_type="+").count() == rows
    assert Activity.thematic_areas.through.objects.count() == rows
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM activities_activity WHERE search IS NULL")
        assert cursor.fetchone() == (0,)
    # Found by the words of its partner, as a record saved by hand would be.
    assert Activity.objects.filter(search="labour").count() == rows


def test_a_worker_killed_halfway_leaves_nothing_and_the_job_runs_again_once(
    data_entry, registries, queue_in_database, settings
):
    rows = 10_000
    check = jobs.create(
        kind=JobKind.IMPORT_CHECK,
        owner=data_entry,
        upload=io.BytesIO(log_file(rows)),
        upload_name="log.csv",
    )
    Job.objects.filter(pk=check.pk).update(status=JobStatus.DONE, summary={"rows": rows})
    check.refresh_from_db()
    saving = import_jobs.start_save(check=check, look_alikes=(), language="en", page=str)

    worker = start_worker(batch=False)
    try:
        deadline = time.monotonic() + 240
        while Job.objects.get(pk=saving.pk).rows_done == 0:
            assert worker.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.kill()
        worker.wait()
    saving.refresh_from_db()
    assert 0 < saving.rows_done < rows, "killed in the middle"
    assert saving.status == JobStatus.RUNNING
    assert not Activity.objects.exists(), "nothing of the file is saved"

    settings.GCU_JOB_STALLED_AFTER_SECONDS = 0
    saving.refresh_from_db()
    jobs.run_again(saving)
    run_queue()
    saving.refresh_from_db()
    assert saving.status == JobStatus.DONE, saving.error
    assert Activity.objects.count() == rows
    assert Activity.objects.values("title").distinct().count() == rows
    assert Activity.history.count() == rows
