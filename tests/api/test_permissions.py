"""Writes need the model permissions of the user's role; data entry cannot approve or delete."""

import pytest

from activities.models import Activity, ActivityType, Event, ThematicArea
from partners.models import Partner
from tests.factories import (
    ActivityFactory,
    ActivityTypeFactory,
    EventFactory,
    PartnerFactory,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_payload(db):
    ActivityTypeFactory()
    return {
        "title": "Panel on labour migration",
        "slug": "panel-on-labour-migration",
        "summary": "The Unit spoke on a panel.",
        "activity_type": "workshop",
        "start_date": "2011-03-08",
    }


def test_viewers_cannot_write_anything(viewer_api, draft_payload):
    activity = ActivityFactory(visibility="internal")
    assert viewer_api.post("/api/activities/", draft_payload).status_code == 403
    url = f"/api/activities/{activity.slug}/"
    assert viewer_api.patch(url, {"title": "Changed"}).status_code == 403
    assert viewer_api.delete(url).status_code == 403
    assert viewer_api.post("/api/partners/", {"name": "X", "slug": "x"}).status_code == 403
    assert Activity.objects.get().title == activity.title


def test_accounts_without_a_role_cannot_write(client_for, draft_payload):
    client = client_for(make_user(None, username="outsider", is_staff=False))
    assert client.post("/api/activities/", draft_payload).status_code == 403
    assert not Activity.objects.exists()


def test_data_entry_can_create_a_draft(data_entry_api, data_entry, draft_payload):
    response = data_entry_api.post("/api/activities/", draft_payload)
    assert response.status_code == 201
    assert response.json()["review_state"] == "draft"
    assert Activity.objects.get().created_by == data_entry


def test_data_entry_can_submit_for_review(data_entry_api, draft_payload, manager):
    # The review state is read only in a write: a record is submitted by its move.
    created = data_entry_api.post(
        "/api/activities/", {**draft_payload, "review_state": "submitted"}
    )
    assert created.status_code == 201
    assert Activity.objects.get().review_state == "draft"
    response = data_entry_api.post(f"/api/activities/{draft_payload['slug']}/submit/")
    assert response.status_code == 200
    stored = Activity.objects.get()
    assert stored.review_state == "submitted"
    (event,) = stored.review_events.all()
    assert (event.action, event.from_state, event.to_state) == ("submitted", "draft", "submitted")


def test_data_entry_cannot_approve(data_entry_api, draft_payload):
    draft_payload["review_state"] = "approved"
    response = data_entry_api.post("/api/activities/", draft_payload)
    # The review state is read only: a new record is a draft, whatever the body says.
    assert response.status_code == 201
    assert Activity.objects.get().review_state == "draft"
    slug = draft_payload["slug"]
    assert data_entry_api.post(f"/api/activities/{slug}/submit/").status_code == 200
    refused = data_entry_api.post(f"/api/activities/{slug}/approve/")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Only managers approve."}
    assert Activity.objects.get().review_state == "submitted"


def test_data_entry_cannot_make_an_activity_public(data_entry_api, draft_payload):
    draft_payload["visibility"] = "public"
    response = data_entry_api.post("/api/activities/", draft_payload)
    assert response.status_code == 400
    assert response.json() == {"visibility": ["Only managers can make an activity public."]}


def test_data_entry_changes_to_an_approved_record_wait_for_review(data_entry_api, data_entry):
    activity = ActivityFactory(visibility="internal")
    url = f"/api/activities/{activity.slug}/"
    response = data_entry_api.patch(url, {"city": "Geneva", "version": 1})
    assert response.status_code == 202
    assert response.json()["values"] == {"city": "Geneva"}
    assert response.json()["author"] == data_entry.username
    activity.refresh_from_db()
    assert (activity.city, activity.version, activity.review_state) == ("", 1, "approved")
    refused = data_entry_api.patch(url, {"visibility": "confidential", "version": 1})
    assert refused.status_code == 400
    assert refused.json() == {
        "visibility": ["Only managers change who may see an approved activity."]
    }


def test_data_entry_cannot_delete_activities(data_entry_api):
    activity = ActivityFactory(visibility="internal")
    assert data_entry_api.delete(f"/api/activities/{activity.slug}/").status_code == 403
    assert Activity.objects.exists()


def test_managers_approve_publish_and_delete(manager_api, draft_payload):
    draft_payload.update(review_state="approved", visibility="public")
    assert manager_api.post("/api/activities/", draft_payload).status_code == 201
    url = f"/api/activities/{draft_payload['slug']}/"
    assert manager_api.delete(url).status_code == 204
    assert not Activity.objects.exists()


def test_data_entry_records_partners_and_events_but_not_areas_or_types(data_entry_api):
    partner = {"name": "Oxfam Novib", "slug": "oxfam-novib", "kind": "civil_society"}
    assert data_entry_api.post("/api/partners/", partner).status_code == 201
    event = {"name": "International Women's Day 2011", "slug": "iwd-2011", "kind": "observance"}
    assert data_entry_api.post("/api/events/", event).status_code == 201
    area = {"name": "Trafficking", "slug": "trafficking"}
    assert data_entry_api.post("/api/thematic-areas/", area).status_code == 403
    kind = {"name": "Panel", "slug": "panel"}
    assert data_entry_api.post("/api/activity-types/", kind).status_code == 403
    assert data_entry_api.delete("/api/partners/oxfam-novib/").status_code == 403
    assert Partner.objects.count() == Event.objects.count() == 1
    assert not ThematicArea.objects.exists()
    assert not ActivityType.objects.exists()


def test_managers_write_every_kind_of_record(manager_api):
    PartnerFactory(slug="ilo")
    EventFactory(slug="csw-55")
    for url, payload in [
        ("/api/thematic-areas/", {"name": "Trafficking", "slug": "trafficking"}),
        ("/api/activity-types/", {"name": "Panel", "slug": "panel"}),
        ("/api/partners/", {"name": "ILO Geneva", "slug": "ilo-geneva", "parent": "ilo"}),
        (
            "/api/events/",
            {"name": "Side event", "slug": "side", "kind": "meeting", "series": "csw-55"},
        ),
    ]:
        assert manager_api.post(url, payload).status_code == 201, url
        slug = payload["slug"]
        assert manager_api.patch(f"{url}{slug}/", {"name": "Renamed " + slug}).status_code == 200
        assert manager_api.get(f"{url}{slug}/").json()["name"] == "Renamed " + slug
        assert manager_api.delete(f"{url}{slug}/").status_code == 204
        assert manager_api.get(f"{url}{slug}/").status_code == 404


def test_a_record_still_in_use_cannot_be_deleted(manager_api):
    activity = ActivityFactory()
    response = manager_api.delete(f"/api/activity-types/{activity.activity_type.slug}/")
    assert response.status_code == 409
    assert response.json() == {
        "detail": "This record cannot be deleted while other records refer to it."
    }
