"""`/activities/export.iati.xml`: published records as IATI 2.03 activities, valid and streamed."""

import datetime

import pytest
from django.test import override_settings
from lxml import etree

from iati import codelists, export, services
from iati.export import split_percentages
from iati.models import AreaMapping
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

URL = "/activities/export.iati.xml"


def document(response):
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    return etree.fromstring(b"".join(response.streaming_content))


def identifiers(doc):
    return [e.text for e in doc.iter("iati-identifier")]


@override_settings(
    IATI_REPORTING_ORG_REF="XM-DAC-99999",
    IATI_REPORTING_ORG_TYPE="40",
    IATI_REPORTING_ORG_NAME="Org",
)
def test_each_record_is_one_activity_named_from_the_reporting_org_and_the_record(client, schema):
    vienna = ActivityFactory(
        title="Training in Vienna",
        summary="Two days & more <on> labour migration.",
        start_date=datetime.date(2011, 5, 17),
        end_date=datetime.date(2011, 5, 18),
        country="AT",
        participants_total=24,
        participants_women=20,
        participants_men=3,
    )
    doc = document(client.get(URL))
    assert schema.validate(doc), schema.error_log.last_error
    (activity,) = doc.findall("iati-activity")
    assert activity.findtext("iati-identifier") == f"XM-DAC-99999-{vienna.pk}"
    org = activity.find("reporting-org")
    assert (org.get("ref"), org.get("type"), org.findtext("narrative")) == (
        "XM-DAC-99999",
        "40",
        "Org",
    )
    assert activity.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert activity.findtext("title/narrative") == "Training in Vienna"
    assert activity.findtext("description/narrative") == "Two days & more <on> labour migration."
    assert activity.find("activity-status").get("code") == codelists.STATUS_CLOSED
    dates = {d.get("type"): d.get("iso-date") for d in activity.findall("activity-date")}
    assert dates == {"2": "2011-05-17", "4": "2011-05-18"}
    assert activity.find("recipient-country").get("code") == "AT"
    actuals = activity.findall("result/indicator/period/actual")
    assert [
        (a.get("value"), a.find("dimension") is not None and a.find("dimension").get("value"))
        for a in actuals
    ] == [
        ("24", False),
        ("20", "female"),
        ("3", "male"),
    ]
    assert activity.find("result").get("type") == codelists.RESULT_OUTPUT


def test_unpublished_records_never_reach_the_file_whoever_asks(client, manager, schema):
    public = ActivityFactory(title="Public record")
    ActivityFactory(title="Confidential record", visibility="confidential")
    ActivityFactory(title="Internal record", visibility="internal")
    ActivityFactory(title="Draft record", review_state="draft", visibility="public")
    client.force_login(manager)
    doc = document(client.get(URL))
    assert [t.text for t in doc.iter("narrative") if t.text.endswith(" record")] == [
        "Public record"
    ]
    assert identifiers(doc) == [f"XM-DAC-47066-{public.pk}"]


def test_the_lists_filters_choose_the_records(client):
    in_2011 = ActivityFactory(start_date=datetime.date(2011, 3, 1))
    ActivityFactory(start_date=datetime.date(2010, 3, 1))
    doc = document(client.get(URL, {"year": "2011"}))
    assert identifiers(doc) == [f"XM-DAC-47066-{in_2011.pk}"]


def test_a_wrong_filter_is_a_400_naming_it(client):
    response = client.get(URL, {"year": "abc"})
    assert response.status_code == 400
    assert b"year" in response.content


def test_partner_roles_become_iati_organisation_roles_and_types(client, schema):
    activity = ActivityFactory()
    ActivityPartnerFactory(
        activity=activity, partner=PartnerFactory(name="Funder", kind="government"), role="funder"
    )
    ActivityPartnerFactory(
        activity=activity, partner=PartnerFactory(name="Host", kind="academic"), role="host"
    )
    ActivityPartnerFactory(
        activity=activity, partner=PartnerFactory(name="Helped", kind="other"), role="beneficiary"
    )
    doc = document(client.get(URL))
    assert schema.validate(doc), schema.error_log.last_error
    orgs = [
        (o.findtext("narrative"), o.get("role"), o.get("type"))
        for o in doc.iter("participating-org")
    ]
    assert orgs == [
        ("International Organization for Migration", "2", "40"),
        ("Funder", "1", "10"),
        ("Host", "4", "80"),
    ]


def test_sectors_and_the_gender_marker_come_from_the_areas_unless_the_record_has_its_own(
    client, schema
):
    violence, remittances, unmapped = (
        ThematicAreaFactory(),
        ThematicAreaFactory(),
        ThematicAreaFactory(),
    )
    services.map_area(thematic_area=violence, sector_code="15180", gender_significance=2)
    services.map_area(thematic_area=remittances, sector_code="15190", gender_significance=1)
    both = ActivityFactory(title="Both")
    both.thematic_areas.add(violence, remittances, unmapped)
    own = ActivityFactory(title="Own")
    own.thematic_areas.add(violence)
    services.mark_activity(activity=own, gender_significance=0)
    ActivityFactory(title="Nothing")
    doc = document(client.get(URL))
    assert schema.validate(doc), schema.error_log.last_error
    by_title = {a.findtext("title/narrative"): a for a in doc.findall("iati-activity")}
    sectors = [(s.get("code"), s.get("percentage")) for s in by_title["Both"].findall("sector")]
    assert sorted(sectors) == [("15180", "50.00"), ("15190", "50.00")]
    assert by_title["Both"].find("policy-marker").get("significance") == "2"
    assert by_title["Own"].find("policy-marker").get("significance") == "0"
    assert by_title["Nothing"].find("policy-marker") is None
    assert by_title["Nothing"].find("sector") is None


def test_planned_and_ongoing_records_carry_planned_dates(client, schema):
    ActivityFactory(
        title="Planned",
        status="planned",
        start_date=datetime.date(2011, 9, 1),
        end_date=datetime.date(2011, 9, 2),
    )
    ActivityFactory(title="Ongoing", status="ongoing", start_date=datetime.date(2011, 1, 1))
    doc = document(client.get(URL))
    assert schema.validate(doc), schema.error_log.last_error
    dates = {
        a.findtext("title/narrative"): sorted(d.get("type") for d in a.findall("activity-date"))
        for a in doc.findall("iati-activity")
    }
    assert dates == {"Planned": ["1", "3"], "Ongoing": ["2"]}


def test_characters_xml_cannot_carry_are_dropped(client, schema):
    ActivityFactory(title="Bell\x07 and form\x0cfeed", summary="Tab\tstays")
    doc = document(client.get(URL))
    assert schema.validate(doc)
    assert doc.findtext("iati-activity/title/narrative") == "Bell and formfeed"


def test_the_file_goes_out_a_chunk_at_a_time(client, monkeypatch):
    monkeypatch.setattr(export, "CHUNK", 2)
    for _n in range(5):
        ActivityFactory()
    response = client.get(URL)
    blocks = list(response.streaming_content)
    # The opening, three chunks of at most two records, the closing.
    assert len(blocks) == 5
    assert etree.fromstring(b"".join(blocks)).findall("iati-activity")


@pytest.mark.parametrize(("count", "shares"), [(1, ["100.00"]), (3, ["33.33", "33.33", "33.34"])])
def test_sector_shares_add_up_to_100(count, shares):
    assert split_percentages(count) == shares


def test_managers_map_areas_in_the_admin_and_data_entry_cannot(client, manager, data_entry):
    area = ThematicAreaFactory()
    client.force_login(data_entry)
    add = "/admin/iati/areamapping/add/"
    data = {"thematic_area": area.pk, "sector_code": "15180", "gender_significance": "2"}
    assert client.post(add, data).status_code == 403
    client.force_login(manager)
    assert client.post(add, {**data, "sector_code": "151"}).status_code == 200  # shown again
    assert not AreaMapping.objects.exists()
    assert client.post(add, data).status_code == 302
    assert AreaMapping.objects.get().sector_code == "15180"
