"""Background jobs: the upload kept privately for a day, progress, the outcome, the email."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activities import import_jobs
from activities.models import Activity
from activities.review import NotificationSetting
from jobs import services as jobs
from jobs.models import Job, JobKind, JobStatus, private_storage
from tests.activities.test_import import GOOD, csv_file, preview

pytestmark = pytest.mark.django_db


def test_the_upload_is_kept_privately_between_preview_and_import(
    data_entry_client,
    registries,
):
    shown = preview(data_entry_client, csv_file([GOOD]))
    job = shown.context["job"]
    assert job.kind == JobKind.IMPORT_CHECK and job.status == JobStatus.DONE
    stored = private_storage.path(job.upload.name)
    with open(stored, "rb") as file:
        assert GOOD[0].encode() in file.read()
    # Not under any served folder: neither static nor media.
    assert "static" not in stored and "/media" not in stored
    assert data_entry_client.get(f"/{job.upload.name}").status_code == 404
    # The import refers to the same stored file, not to a copy sent back.
    saved = data_entry_client.post(
        reverse("admin:activities_activity_import_confirm", args=[job.pk])
    )
    saving = Job.objects.get(source=job)
    assert saving.upload.name == job.upload.name
    assert saved["Location"] == reverse("admin:activities_activity_import_job", args=[saving.pk])
    assert (saving.status, saving.summary["saved"]) == (JobStatus.DONE, 1)


def test_jobs_and_their_files_are_removed_after_a_day(data_entry_client, registries):
    job = preview(data_entry_client, csv_file([GOOD])).context["job"]
    stored = private_storage.path(job.upload.name)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=23)):
        assert jobs.purge_expired() == 0
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=25)):
        assert jobs.purge_expired() == 1
    assert not Job.objects.filter(pk=job.pk).exists()
    assert not private_storage.exists(job.upload.name)
    assert not private_storage.exists(f"jobs/{job.pk}")
    assert not (Path(private_storage.location) / "jobs" / str(job.pk)).exists()
    del stored


def test_the_purge_command_removes_what_has_expired(data_entry, capsys):
    old = jobs.create(
        kind=JobKind.EXPORT, owner=data_entry, upload=ContentFile(b"x"), upload_name="a.csv"
    )
    Job.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=2))
    fresh = jobs.create(kind=JobKind.EXPORT, owner=data_entry)
    from django.core.management import call_command

    call_command("purge_jobs")
    assert list(Job.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not private_storage.exists(old.upload.name)
    assert "1 jobs removed" in capsys.readouterr().out


def test_a_running_job_shows_rows_done_of_rows_with_and_without_script(
    data_entry, data_entry_client
):
    job = jobs.create(kind=JobKind.IMPORT_SAVE, owner=data_entry, upload_name="log.csv")
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, rows_done=3000, rows_total=100000, heartbeat=timezone.now()
    )
    page = data_entry_client.get(reverse("admin:activities_activity_import_job", args=[job.pk]))
    text = page.content.decode()
    assert "<span data-job-done>3,000</span> of <span data-job-total>100,000</span> rows" in text
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in text
    assert "js/job-progress.js" in text
    status = data_entry_client.get(reverse("jobs:status", args=[job.pk])).json()
    assert status["rows_done"] == 3000 and status["rows_total"] == 100000
    assert status["percent"] == 3 and status["over"] is False


def test_a_stalled_job_is_offered_to_run_again_and_then_runs(
    data_entry,
    data_entry_client,
    registries,
):
    job = preview(data_entry_client, csv_file([GOOD])).context["job"]
    saving = import_jobs.start_save(check=job, look_alikes=(), language="en", page=lambda j: "/")
    # As a killed worker leaves it: running, its last sign of life long ago, nothing saved.
    Activity.objects.all().delete()
    Job.objects.filter(pk=saving.pk).update(
        status=JobStatus.RUNNING, heartbeat=timezone.now() - datetime.timedelta(hours=2)
    )
    page = data_entry_client.get(reverse("admin:activities_activity_import_job", args=[saving.pk]))
    assert "Run it again" in page.content.decode()
    again = reverse("admin:activities_activity_import_again", args=[saving.pk])
    data_entry_client.post(again)
    saving.refresh_from_db()
    assert saving.status == JobStatus.DONE
    assert Activity.objects.count() == 1
    # Done: running it again is refused, and saves nothing twice.
    data_entry_client.post(again)
    assert Activity.objects.count() == 1


def test_a_long_job_ends_with_an_email_in_the_owners_language(
    data_entry,
    data_entry_client,
    registries,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.GCU_JOB_EMAIL_AFTER_SECONDS = 0
    data_entry.email = "clerk@example.org"
    data_entry.save()
    NotificationSetting.objects.create(user=data_entry, language="fr")
    shown = preview(data_entry_client, csv_file([GOOD]))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        data_entry_client.post(
            reverse("admin:activities_activity_import_confirm", args=[shown.context["job"].pk])
        )
    (letter,) = mail.outbox
    assert letter.to == ["clerk@example.org"]
    assert letter.subject.startswith("[GCU Tracker] Terminé") or "Terminé" in letter.subject
    assert "1 activité importée" in letter.body
    saving = Job.objects.get(kind=JobKind.IMPORT_SAVE)
    assert saving.get_absolute_url() in letter.body


def test_a_short_job_sends_no_email(data_entry, data_entry_client, registries):
    data_entry.email = "clerk@example.org"
    data_entry.save()
    preview(data_entry_client, csv_file([GOOD]))
    assert mail.outbox == []


def test_a_long_file_previews_the_rows_that_need_a_look_and_counts_the_rest(
    data_entry_client,
    registries,
    monkeypatch,
):
    monkeypatch.setattr(import_jobs, "PREVIEW_ROWS", 20)
    rows = [[f"Training {n}", *GOOD[1:5], f"City {n}", *GOOD[6:]] for n in range(60)]
    rows[45][3] = "not a date"
    result = preview(data_entry_client, csv_file(rows)).context["result"]
    assert result.total == 60
    assert not result.complete
    assert result.errors == 1
    # Only the rows that need a look are held; the 59 new ones are counted, not kept.
    assert [(row.number, row.status) for row in result.rows] == [(47, "error")]
    assert result.new == 59


def test_only_the_owner_reaches_a_job(data_entry, data_entry_client, manager, viewer):
    job = jobs.create(kind=JobKind.EXPORT, owner=data_entry)
    jobs.finish(job, {}, result=ContentFile(b"owner's rows"), result_name="list.csv")
    for path in ("detail", "status", "download"):
        url = reverse(f"jobs:{path}", args=[job.pk])
        assert data_entry_client.get(url).status_code == 200
        for other in (manager, viewer):
            client = Client()
            client.force_login(other)
            assert client.get(url).status_code == 404
        assert Client().get(url).status_code == 404
    download = data_entry_client.get(reverse("jobs:download", args=[job.pk]))
    assert b"".join(download.streaming_content) == b"owner's rows"
    assert 'filename="list.csv"' in download["Content-Disposition"]
