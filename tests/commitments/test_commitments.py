"""Commitments followed to completion: visibility, progress, reminders and the report."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from rest_framework.test import APIClient

from activities.models import NotificationSetting
from commitments import services
from commitments.models import Commitment, ProgressUpdate, Source
from reports.builder import build_report
from reports.models import AnnualReport, ReportHeading
from tests.factories import ActivityFactory, ReportSectionFactory, make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def source():
    return Source.objects.create(title="Nine special measures", kind="announcement")


def commitment(source, title, status="on_track", state="approved", visibility="public", **more):
    return services.save_commitment(
        commitment=Commitment(
            title=title,
            source=source,
            owner_unit="HRMD",
            announced_on=datetime.date(2011, 3, 8),
            status=status,
            review_state=state,
            visibility=visibility,
            **more,
        ),
        user=None,
    )


def test_commitments_follow_the_activities_visibility_rule(source, viewer, data_entry):
    commitment(source, "Public one")
    commitment(source, "Internal one", visibility="internal")
    commitment(source, "Draft one", state="draft", visibility="internal")
    commitment(source, "Confidential one", visibility="confidential")
    api = APIClient()

    def titles():
        return sorted(c["title"] for c in api.get("/api/commitments/").json()["results"])

    assert titles() == ["Public one"]
    api.force_authenticate(viewer)
    assert titles() == ["Internal one", "Public one"]
    api.force_authenticate(data_entry)
    assert titles() == ["Draft one", "Internal one", "Public one"]


def test_only_managers_publish_a_commitment(source, data_entry, manager):
    draft = commitment(source, "Draft", state="draft", visibility="internal")
    draft.visibility = "public"
    with pytest.raises(PermissionDenied):
        services.save_commitment(commitment=draft, user=data_entry)
    assert Commitment.objects.get().visibility == "internal"
    services.save_commitment(commitment=draft, user=manager)
    assert Commitment.objects.get().visibility == "public"


def test_a_progress_update_moves_status_and_keeps_its_evidence(source, manager):
    measure = commitment(source, "Measure")
    activity = ActivityFactory()
    services.add_update(
        commitment=measure,
        author=manager,
        text="Done.",
        evidence=[activity],
        status="done",
        progress=100,
    )
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == ("done", 100)
    update = ProgressUpdate.objects.get()
    assert (update.author, list(update.evidence.all())) == (manager, [activity])


def test_overdue_commitments_are_listed_for_managers_only(client, source, manager, data_entry):
    commitment(source, "Late measure", due_on=TODAY - datetime.timedelta(days=1))
    commitment(source, "Update owed", next_update_on=TODAY)
    commitment(source, "Finished late", status="done", due_on=TODAY - datetime.timedelta(days=9))
    client.force_login(manager)
    page = client.get("/admin/").content.decode()
    assert "Late measure" in page and "Update owed" in page
    assert "Finished late" not in page
    client.force_login(data_entry)
    assert "Late measure" not in client.get("/admin/").content.decode()


def test_the_responsible_person_is_emailed_what_is_overdue_or_due(source):
    person = make_user(None, username="owner", email="owner@example.org")
    quiet = make_user(None, username="quiet", email="quiet@example.org")
    NotificationSetting.objects.create(user=quiet, email=False)
    commitment(
        source, "Late measure", due_on=TODAY - datetime.timedelta(days=1), responsible=person
    )
    commitment(source, "Update owed", next_update_on=TODAY, responsible=person)
    commitment(source, "Not yet", due_on=TODAY + datetime.timedelta(days=30), responsible=person)
    commitment(source, "Quiet one", due_on=TODAY - datetime.timedelta(days=1), responsible=quiet)
    call_command("remind_commitments", stdout=io.StringIO())
    (message,) = mail.outbox
    assert message.to == ["owner@example.org"]
    assert "Late measure" in message.body and "Update owed" in message.body
    assert "Not yet" not in message.body
    assert "overdue since" in message.body


def test_data_entry_saving_an_update_keeps_evidence_they_may_not_see(client, source, data_entry):
    measure = commitment(source, "Measure", state="draft", visibility="internal")
    secret = ActivityFactory(title="Secret evidence", visibility="confidential")
    update = services.add_update(commitment=measure, author=None, text="Begun.", evidence=[secret])
    client.force_login(data_entry)
    url = f"/admin/commitments/commitment/{measure.pk}/change/"
    assert "Secret evidence" not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "Measure, renamed",
            "source": source.pk,
            "owner_unit": "HRMD",
            "announced_on": "08/03/2011",
            "status": "on_track",
            "updates-TOTAL_FORMS": "1",
            "updates-INITIAL_FORMS": "1",
            "updates-0-id": str(update.pk),
            "updates-0-commitment": str(measure.pk),
            "updates-0-written_on": "01/04/2011",
            "updates-0-text": "Begun, and going on.",
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert Commitment.objects.get().title == "Measure, renamed"
    assert list(ProgressUpdate.objects.get().evidence.all()) == [secret]


def test_the_report_counts_published_commitments_under_their_heading(
    source, django_assert_num_queries
):
    for status in ["on_track"] * 6 + ["delayed"] * 2 + ["done"]:
        commitment(source, f"Measure {status} {Commitment.objects.count()}", status=status)
    commitment(source, "Internal measure", status="dropped", visibility="internal")
    report = AnnualReport.objects.create(
        year=2011,
        title="Report",
        symbol="CRP/36",
        period_start=datetime.date(2010, 10, 1),
        period_end=datetime.date(2011, 11, 30),
    )
    section = ReportSectionFactory()
    heading = ReportHeading.objects.create(
        report=report,
        title="Gender in human resources",
        commitments_source=source,
        commitments_sentence="Of the {total} measures announced, {on_track} are on track, "
        "{delayed} delayed and {done} done.",
    )
    heading.sections.add(section)
    ActivityFactory(
        summary="The Unit followed the measures.",
        report_section=section,
        prominence="paragraph",
        start_date=datetime.date(2011, 5, 1),
    )
    # The seven queries of every build, and one for the commitments by status.
    with django_assert_num_queries(8):
        built = build_report(report)
    assert [str(p.text) for p in built.paragraphs] == [
        "The Unit followed the measures. "
        "Of the 9 measures announced, 6 are on track, 2 delayed and 1 done."
    ]
