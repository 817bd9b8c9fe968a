"""Bad writes get 400 with a message per field, by the same rules as the admin."""

from unittest import mock

import pytest
from django.db import IntegrityError

from activities.models import Activity, ActivityPartner
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    ActivityTypeFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def payload(db):
    ActivityTypeFactory()
    return {
        "title": "Workshop for diaspora women",
        "slug": "workshop-for-diaspora-women",
        "summary": "The Unit trained 21 diaspora women.",
        "activity_type": "workshop",
        "start_date": "2011-05-17",
    }


def refused(client, payload, url="/api/activities/", method="post"):
    response = getattr(client, method)(url, payload)
    assert response.status_code == 400, response.content
    return response.json()


def test_an_end_before_the_start_is_refused_on_the_end_date(manager_api, payload):
    payload["end_date"] = "2011-05-16"
    assert refused(manager_api, payload) == {
        "end_date": ["The end date cannot be before the start date."]
    }


def test_women_and_men_above_the_total_are_refused_on_the_total(manager_api, payload):
    payload.update(participants_total=20, participants_women=15, participants_men=6)
    assert refused(manager_api, payload) == {
        "participants_total": ["Women and men together (21) cannot exceed the total (20)."]
    }


def test_women_without_a_total_are_refused_on_the_total(manager_api, payload):
    payload["participants_women"] = 5
    assert refused(manager_api, payload) == {
        "participants_total": ["Give the total number of participants when you give women or men."]
    }


def test_negative_counts_are_refused(manager_api, payload):
    payload.update(participants_total=-1)
    assert list(refused(manager_api, payload)) == ["participants_total"]


def test_a_duplicate_slug_is_refused_on_the_slug(manager_api, payload):
    ActivityFactory(slug=payload["slug"])
    assert list(refused(manager_api, payload)) == ["slug"]


def test_an_unknown_partner_is_refused_on_that_partner(manager_api, payload):
    PartnerFactory(slug="ilo")
    payload["partners"] = [
        {"partner": "ilo", "role": "organiser"},
        {"partner": "no-such-partner", "role": "host"},
    ]
    assert refused(manager_api, payload) == {
        "partners": {
            "1": {"partner": ["There is no record with the id or slug “no-such-partner”."]}
        }
    }


def test_an_unknown_role_is_refused_on_the_role(manager_api, payload):
    payload["partners"] = [{"partner": PartnerFactory().slug, "role": "sponsor"}]
    assert list(refused(manager_api, payload)["partners"]["0"]) == ["role"]


def test_the_same_partner_twice_in_the_same_role_is_refused(manager_api, payload):
    partner = PartnerFactory()
    payload["partners"] = [
        {"partner": partner.slug, "role": "host"},
        {"partner": partner.pk, "role": "host"},
    ]
    assert refused(manager_api, payload) == {
        "partners": ["This partner already has this role in the activity."]
    }


@pytest.mark.parametrize(
    "value", ["no-such-type", 999999, 10**30, True, ["workshop"], {"id": 1}, "", None]
)
def test_an_unknown_or_malformed_reference_is_refused_on_its_field(manager_api, payload, value):
    payload["activity_type"] = value
    assert list(refused(manager_api, payload)) == ["activity_type"]


def test_unreadable_json_is_refused(manager_api):
    response = manager_api.generic(
        "POST", "/api/activities/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "detail" in response.json()


def test_references_are_written_by_id_or_by_slug_and_read_with_names(manager_api, payload):
    area, other_area = ThematicAreaFactory(), ThematicAreaFactory()
    partner, event = PartnerFactory(name="International Labour Organization"), EventFactory()
    payload.update(
        thematic_areas=[area.pk, other_area.slug],
        partners=[{"partner": partner.pk, "role": "co_organiser"}],
        event=event.slug,
    )
    response = manager_api.post("/api/activities/", payload)
    assert response.status_code == 201
    body = response.json()
    assert {a["name"] for a in body["thematic_areas"]} == {area.name, other_area.name}
    assert body["partners"] == [
        {
            "partner": {
                "id": partner.pk,
                "slug": partner.slug,
                "name": "International Labour Organization",
                "acronym": partner.acronym,
            },
            "role": "co_organiser",
        }
    ]
    assert body["event"] == {"id": event.pk, "slug": event.slug, "name": event.name}
    assert body["activity_type"]["name"] == "Workshop"


def test_a_month_precise_date_is_stored_on_the_first_as_in_the_admin(manager_api, payload):
    payload.update(start_date="2011-06-17", date_precision="month")
    assert manager_api.post("/api/activities/", payload).json()["start_date"] == "2011-06-01"


def test_a_write_replaces_the_partner_roles_keeping_those_that_stay(manager_api):
    activity = ActivityFactory()
    kept = ActivityPartnerFactory(activity=activity, role="host")
    dropped = ActivityPartnerFactory(activity=activity, role="funder")
    added = PartnerFactory()
    response = manager_api.patch(
        f"/api/activities/{activity.slug}/",
        {
            "version": 1,
            "partners": [
                {"partner": kept.partner.slug, "role": "host"},
                {"partner": added.slug, "role": "participant"},
            ],
        },
    )
    assert response.status_code == 200
    rows = set(activity.roles.values_list("id", "partner", "role"))
    assert (kept.pk, kept.partner_id, "host") in rows
    assert (added.pk, "participant") in {(p, r) for _i, p, r in rows}
    assert not ActivityPartner.objects.filter(pk=dropped.pk).exists()


@pytest.mark.parametrize(
    ("row", "missing"), [({"partner": "un-women"}, "role"), ({"role": "host"}, "partner")]
)
@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_partner_row_without_its_partner_or_role_is_refused_on_that_field(
    manager_api, payload, row, missing, method
):
    PartnerFactory(slug="un-women")
    activity = ActivityFactory()
    kept = ActivityPartnerFactory(activity=activity, role="host")
    url = "/api/activities/" if method == "post" else f"/api/activities/{activity.slug}/"
    body = {**payload, "partners": [row]} if method == "post" else {"version": 1, "partners": [row]}
    errors = refused(manager_api, body, url, method)
    assert list(errors["partners"]["0"]) == [missing]
    assert list(activity.roles.all()) == [kept]
    assert Activity.objects.count() == 1


def test_a_refused_write_changes_nothing(manager_api):
    activity = ActivityFactory(title="Before")
    role = ActivityPartnerFactory(activity=activity)
    response = manager_api.put(
        f"/api/activities/{activity.slug}/",
        {
            "title": "After",
            "slug": activity.slug,
            "summary": "Changed.",
            "activity_type": activity.activity_type.slug,
            "start_date": "2011-05-17",
            "partners": [{"partner": "no-such-partner", "role": "host"}],
            "version": 1,
        },
    )
    assert response.status_code == 400
    activity.refresh_from_db()
    assert activity.title == "Before"
    assert list(activity.roles.all()) == [role]


def test_a_database_refusal_during_the_save_rolls_everything_back(manager_api):
    activity = ActivityFactory(title="Before")
    with mock.patch.object(
        ActivityPartner.objects, "create", side_effect=IntegrityError("simulated")
    ):
        response = manager_api.patch(
            f"/api/activities/{activity.slug}/",
            {
                "title": "After",
                "partners": [{"partner": PartnerFactory().slug, "role": "host"}],
                "version": 1,
            },
        )
    assert response.status_code == 409
    activity.refresh_from_db()
    assert activity.title == "Before"
    assert Activity.history.filter(id=activity.pk).count() == 1


def test_event_dates_follow_the_model_rules(manager_api):
    base = {"name": "Expert meeting", "slug": "expert-meeting", "kind": "meeting"}
    assert refused(manager_api, {**base, "end_date": "2011-05-01"}, "/api/events/") == {
        "start_date": ["Give the start date when there is an end date."]
    }
    dates = {"start_date": "2011-05-02", "end_date": "2011-05-01"}
    assert refused(manager_api, {**base, **dates}, "/api/events/") == {
        "end_date": ["The end date cannot be before the start date."]
    }


def test_a_thematic_area_cannot_be_placed_under_itself(manager_api):
    broad = ThematicAreaFactory()
    narrow = ThematicAreaFactory(parent=broad)
    errors = refused(
        manager_api, {"parent": narrow.slug}, f"/api/thematic-areas/{broad.slug}/", "patch"
    )
    assert errors == {"parent": ["A record cannot be placed under itself."]}


def test_a_partner_cannot_be_part_of_itself(manager_api):
    partner = PartnerFactory()
    errors = refused(manager_api, {"parent": partner.pk}, f"/api/partners/{partner.slug}/", "patch")
    assert errors == {"parent": ["A partner cannot be part of itself."]}


def test_duplicate_names_are_refused_where_names_are_unique(manager_api):
    PartnerFactory(name="UN-Women", slug="un-women")
    errors = refused(manager_api, {"name": "UN-Women", "slug": "un-women-2"}, "/api/partners/")
    assert list(errors) == ["name"]
