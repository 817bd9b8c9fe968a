"""Sessions and tokens both sign in; a bad token or no credentials are refused clearly."""

import pytest
from rest_framework.test import APIClient

from activities.models import Activity
from tests.factories import ActivityFactory, ActivityTypeFactory

pytestmark = pytest.mark.django_db


def new_activity(**extra):
    ActivityTypeFactory()
    return {
        "title": "Briefing on remittances",
        "slug": "briefing-on-remittances",
        "summary": "The Unit briefed colleagues.",
        "activity_type": "workshop",
        "start_date": "2011-05-17",
        **extra,
    }


def test_a_token_signs_a_manager_in(manager_api):
    ActivityFactory(review_state="draft")
    assert manager_api.get("/api/activities/").json()["count"] == 1


def test_a_session_signs_a_manager_in(manager_client):
    ActivityFactory(review_state="draft")
    assert manager_client.get("/api/activities/").json()["count"] == 1


def test_an_unknown_token_is_refused_with_401_even_for_reading(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/activities/")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Token"


def test_anonymous_writes_are_refused_with_401(api):
    response = api.post("/api/activities/", new_activity())
    assert response.status_code == 401
    assert not Activity.objects.exists()


def test_session_writes_need_the_csrf_token(manager):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(manager)
    response = client.post("/api/activities/", new_activity())
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_token_writes_record_who_made_them_and_keep_history(manager_api, manager):
    response = manager_api.post("/api/activities/", new_activity())
    assert response.status_code == 201
    activity = Activity.objects.get(slug="briefing-on-remittances")
    assert activity.created_by == manager
    assert activity.updated_by == manager
    assert activity.history.get().history_user == manager

    manager_api.patch(f"/api/activities/{activity.slug}/", {"city": "Geneva", "version": 1})
    latest = activity.history.first()
    assert (latest.city, latest.history_user) == ("Geneva", manager)


def test_deleting_through_the_api_records_who_deleted(manager_api, manager):
    activity = ActivityFactory()
    assert manager_api.delete(f"/api/activities/{activity.slug}/").status_code == 204
    deletion = Activity.history.filter(id=activity.pk, history_type="-").get()
    assert deletion.history_user == manager
