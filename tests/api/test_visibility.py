"""The API shows each role exactly what the one visibility rule allows, counts included."""

import pytest

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PUBLISHED = {("approved", "public")}
STAFF = PUBLISHED | {("approved", "internal")}
EVERYTHING = {
    (state, visibility)
    for state in ("draft", "submitted", "returned", "approved")
    for visibility in ("public", "internal", "confidential")
}


def listed(client, query=""):
    response = client.get(f"/api/activities/?page_size=100{query}")
    assert response.status_code == 200
    body = response.json()
    pairs = {(row["review_state"], row["visibility"]) for row in body["results"]}
    return pairs, body["count"]


def test_anonymous_visitors_read_only_approved_public_activities(api, every_combination):
    assert listed(api) == (PUBLISHED, 1)


def test_accounts_without_a_role_read_what_the_public_reads(client_for, every_combination):
    client = client_for(make_user(None, username="outsider", is_staff=False))
    assert listed(client) == (PUBLISHED, 1)


def test_viewers_also_read_approved_internal_activities(viewer_api, every_combination):
    assert listed(viewer_api) == (STAFF, 2)


def test_data_entry_also_read_unapproved_records_that_are_not_confidential(
    data_entry_api, every_combination
):
    unapproved = {
        (state, visibility)
        for state in ("draft", "submitted", "returned")
        for visibility in ("public", "internal")
    }
    assert listed(data_entry_api) == (STAFF | unapproved, 8)


def test_data_entry_read_back_their_own_new_draft(data_entry_api):
    from tests.factories import ActivityTypeFactory

    ActivityTypeFactory()
    created = data_entry_api.post(
        "/api/activities/",
        {
            "title": "A confidential draft",
            "slug": "own-draft",
            "summary": "Only its author and managers may read it.",
            "activity_type": "workshop",
            "start_date": "2011-05-17",
            "review_state": "draft",
            "visibility": "confidential",
        },
    )
    assert created.status_code == 201, created.content
    read = data_entry_api.get("/api/activities/own-draft/")
    assert read.status_code == 200
    assert (read.json()["title"], read.json()["visibility"]) == (
        "A confidential draft",
        "confidential",
    )


def test_managers_read_everything_drafts_and_confidential_included(manager_api, every_combination):
    assert listed(manager_api) == (EVERYTHING, 12)


@pytest.mark.parametrize("client_name", ["api", "viewer_api", "data_entry_api", "manager_api"])
def test_a_detail_is_found_exactly_when_the_list_shows_it(request, client_name, every_combination):
    client = request.getfixturevalue(client_name)
    visible, _count = listed(client)
    for pair, activity in every_combination.items():
        response = client.get(f"/api/activities/{activity.slug}/")
        assert response.status_code == (200 if pair in visible else 404), pair


def test_a_confidential_activity_never_leaks_through_a_filter(api, viewer_api, every_combination):
    # Anonymous visitors have no visibility filter at all: the parameter is ignored.
    assert listed(api, "&visibility=confidential") == (PUBLISHED, 1)
    response = viewer_api.get("/api/activities/?visibility=confidential")
    assert response.status_code == 400
    assert "visibility" in response.json()
    assert listed(viewer_api, "&review_state=draft") == (set(), 0)


def test_a_confidential_activity_never_leaks_through_a_search(api, viewer_api, every_combination):
    secret = every_combination[("approved", "confidential")]
    secret.title = "Unmistakable confidential briefing"
    secret.save()
    for client in (api, viewer_api):
        assert listed(client, "&q=Unmistakable") == (set(), 0)


def test_a_session_signed_in_manager_reads_everything(manager_client, every_combination):
    response = manager_client.get("/api/activities/")
    assert response.status_code == 200
    assert response.json()["count"] == 12
