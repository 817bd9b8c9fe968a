"""A long list's export and a report's Word or PDF file, made in the background."""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from activities.models import ActivityType
from jobs.models import Job, JobKind, JobStatus
from tests.factories import ActivityFactory, make_user
from tests.reports.conftest import small_report  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db

LIST = reverse("activities:list")
EXPORT_JOB = reverse("activities:export-job")


def body(response):
    return b"".join(response.streaming_content)


def test_a_long_list_offers_its_files_in_the_background_and_a_short_one_does_not(
    manager_client, settings
):
    ActivityFactory.create_batch(3, title="Listed", visibility="public", review_state="approved")
    settings.GCU_EXPORT_IN_BACKGROUND_ROWS = 5
    assert EXPORT_JOB not in manager_client.get(LIST).content.decode()
    settings.GCU_EXPORT_IN_BACKGROUND_ROWS = 2
    page = manager_client.get(LIST + "?q=listed").content.decode()
    assert f'action="{EXPORT_JOB}"' in page
    assert 'name="query" value="q=listed"' in page
    assert "export.xlsx" in page, "the direct download stays"


def test_the_background_export_has_the_lists_rows_for_its_owner_alone(manager, manager_client):
    ActivityFactory(title="Wanted row", visibility="public", review_state="approved")
    ActivityFactory(title="Filtered out", visibility="public", review_state="approved")
    answer = manager_client.post(EXPORT_JOB, {"format": "xlsx", "query": "q=wanted"})
    job = Job.objects.get(kind=JobKind.EXPORT)
    assert answer["Location"] == reverse("jobs:detail", args=[job.pk])
    assert (job.status, job.owner, job.rows_total) == (JobStatus.DONE, manager, 1)
    page = manager_client.get(answer["Location"]).content.decode()
    download = reverse("jobs:download", args=[job.pk])
    assert download in page
    got = manager_client.get(download)
    sheet = load_workbook(io.BytesIO(body(got)), read_only=True).active
    titles = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert titles[1:] == ["Wanted row"]
    assert got["Content-Disposition"].startswith('attachment; filename="activities-wanted-')

    other = Client()
    other.force_login(make_user(None, username="someone-else"))
    assert other.get(download).status_code == 404
    assert Client().get(download).status_code == 404


def test_a_csv_export_in_the_background_is_the_one_streamed(manager_client):
    ActivityFactory(title="Same either way", visibility="public", review_state="approved")
    streamed = body(manager_client.get(reverse("activities:export-csv")))
    manager_client.post(EXPORT_JOB, {"format": "csv", "query": ""})
    job = Job.objects.get(kind=JobKind.EXPORT)
    assert body(manager_client.get(reverse("jobs:download", args=[job.pk]))) == streamed


def test_a_background_export_is_written_in_the_language_its_list_asked_for(manager_client):
    """The same file as the streamed one with the same `lang`, whatever the reader's."""
    kind = ActivityType.objects.create(slug="workshop", name_en="Workshop", name_fr="Atelier")
    ActivityFactory(title="Named", activity_type=kind, visibility="public", review_state="approved")
    streamed = body(manager_client.get(reverse("activities:export-csv"), {"lang": "fr"}))
    manager_client.post(EXPORT_JOB, {"format": "csv", "query": "lang=fr"})
    job = Job.objects.get(kind=JobKind.EXPORT)
    made = body(manager_client.get(reverse("jobs:download", args=[job.pk])))
    assert made == streamed
    assert "Atelier" in made.decode("utf-8-sig")


@pytest.mark.parametrize(
    "data",
    [
        {"format": "pdf"},
        {"format": "xlsx", "query": "year=abc"},
        {},
        {"format": ["x", "y"]},
        {"format": "csv", "query": "lang=de"},
    ],
)
def test_a_wrong_background_export_is_a_400_and_no_job(manager_client, data):
    assert manager_client.post(EXPORT_JOB, data).status_code == 400
    assert not Job.objects.exists()


def test_a_visitor_who_is_not_signed_in_gets_no_job(client):
    assert client.post(EXPORT_JOB, {"format": "csv"}).status_code == 302
    assert client.post(reverse("reports:build", args=[2011]), {"format": "docx"}).status_code in (
        302,
        404,
    )
    assert not Job.objects.exists()


def test_a_reports_word_file_is_built_in_the_background(small_report, manager_client):  # noqa: F811
    client = manager_client  # a draft: managers see it
    detail = client.get(reverse("reports:detail", args=[small_report.year])).content.decode()
    assert reverse("reports:build", args=[small_report.year]) in detail
    answer = client.post(reverse("reports:build", args=[small_report.year]), {"format": "docx"})
    job = Job.objects.get(kind=JobKind.REPORT)
    assert job.status == JobStatus.DONE, job.error
    got = client.get(reverse("jobs:download", args=[job.pk]))
    document = zipfile.ZipFile(io.BytesIO(body(got))).read("word/document.xml").decode()
    assert "information sheets" in document
    assert answer["Location"] == reverse("jobs:detail", args=[job.pk])
    assert (
        client.post(reverse("reports:build", args=[small_report.year]), {"format": "x"}).status_code
        == 400
    )
    assert client.post(reverse("reports:build", args=[1900]), {"format": "pdf"}).status_code == 404
