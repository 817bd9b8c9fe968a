"""UN-SWAP 2.0: the indicators' table, tagged evidence per year, suggestions, the export."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from commitments.models import Commitment, Source
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    ActivityTypeFactory,
    OutputFactory,
    PartnerFactory,
)
from unswap import services
from unswap.evidence import year_evidence
from unswap.models import ActivityTag, Indicator

pytestmark = pytest.mark.django_db


def test_the_seventeen_indicators_in_six_areas_are_in_place():
    assert Indicator.objects.count() == 17
    assert len(set(Indicator.objects.values_list("area", flat=True))) == 6
    assert Indicator.objects.get(number=15).title == "Capacity development"


def test_a_years_evidence_per_indicator_as_the_reader_may_see_it(client, viewer, manager):
    capacity = Indicator.objects.get(number=15)
    public = ActivityFactory(title="Public workshop", start_date=datetime.date(2011, 5, 1))
    secret = ActivityFactory(
        title="Secret workshop", visibility="confidential", start_date=datetime.date(2011, 6, 1)
    )
    ActivityFactory(title="Workshop of 2010", start_date=datetime.date(2010, 6, 1))
    for activity in (public, secret):
        services.tag_activity(indicator=capacity, activity=activity, user=manager)
    source = Source.objects.create(title="Plan", kind="plan_of_action")
    measure = Commitment.objects.create(
        title="Train every manager",
        source=source,
        owner_unit="HRMD",
        announced_on=datetime.date(2011, 1, 1),
        review_state="approved",
        visibility="internal",
    )
    services.tag_commitment(indicator=capacity, commitment=measure, user=manager)
    client.force_login(viewer)
    page = client.get("/unswap/2011/").content.decode()
    assert "Public workshop" in page and "Train every manager" in page
    assert "Secret workshop" not in page
    rows = {r.indicator.number: r for r in year_evidence(manager, 2011)}
    assert rows[15].count == 3


def test_suggestions_are_offered_and_never_set_silently(client, data_entry):
    workshop = ActivityFactory(
        title="Training of trainers",
        activity_type=ActivityTypeFactory(name="Training", slug="training"),
        start_date=datetime.date(2011, 5, 1),
    )
    paper = ActivityFactory(
        title="A paper",
        activity_type=ActivityTypeFactory(name="Publication", slug="publication"),
        start_date=datetime.date(2011, 5, 2),
    )
    OutputFactory(activity=paper, kind="publication")
    ActivityPartnerFactory(activity=paper, partner=PartnerFactory(kind="un_entity"))
    client.force_login(data_entry)
    page = client.get("/unswap/2011/").content.decode()
    assert page.count("Give as evidence") == 3  # PI 15 for one, PI 16 and PI 17 for the other
    assert not ActivityTag.objects.exists()
    response = client.post("/unswap/2011/tag/", {"indicator": "15", "activity": str(workshop.pk)})
    assert response.status_code == 302
    tag = ActivityTag.objects.get()
    assert (tag.indicator.number, tag.activity, tag.tagged_by) == (15, workshop, tag.tagged_by)
    assert tag.tagged_by.username == data_entry.username


def test_viewers_read_but_cannot_tag(client, viewer):
    activity = ActivityFactory(start_date=datetime.date(2011, 5, 1))
    client.force_login(viewer)
    response = client.post("/unswap/2011/tag/", {"indicator": "15", "activity": str(activity.pk)})
    assert response.status_code == 403
    assert not ActivityTag.objects.exists()


def test_a_record_one_may_not_see_cannot_be_tagged(client, data_entry):
    secret = ActivityFactory(visibility="confidential", start_date=datetime.date(2011, 5, 1))
    client.force_login(data_entry)
    response = client.post("/unswap/2011/tag/", {"indicator": "15", "activity": str(secret.pk)})
    assert response.status_code == 404
    assert not ActivityTag.objects.exists()


def test_the_page_is_for_staff_in_a_role(client, no_role_user):
    assert client.get("/unswap/2011/").status_code == 302
    client.force_login(no_role_user)
    assert client.get("/unswap/2011/").status_code == 403


def test_the_export_lists_the_evidence_for_the_submission(client, viewer, manager):
    activity = ActivityFactory(title="Public workshop", start_date=datetime.date(2011, 5, 1))
    services.tag_activity(
        indicator=Indicator.objects.get(number=15), activity=activity, user=manager
    )
    client.force_login(viewer)
    response = client.get("/unswap/2011/export.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Indicator", "Area", "Indicator title", "Evidence")
    assert rows[1][:5] == (15, "Capacity", "Capacity development", "Activity", "Public workshop")
