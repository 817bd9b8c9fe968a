"""The review workflow through the API: move endpoints, pending changes, the log."""

import pytest

from activities import roles
from activities.models import Activity
from tests.api.conftest import token_client
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "author": make_user(roles.DATA_ENTRY, username="author"),
        "colleague": make_user(roles.DATA_ENTRY, username="colleague"),
        "viewer": make_user(roles.VIEWERS, username="viewer"),
        "manager": make_user(roles.MANAGERS, username="manager"),
    }


def url(activity, move=""):
    return f"/api/activities/{activity.slug}/{move + '/' if move else ''}"


@pytest.mark.parametrize(
    ("who", "status"), [("author", 200), ("colleague", 200), ("viewer", 403), ("manager", 200)]
)
def test_submitting_a_draft(people, who, status):
    activity = ActivityFactory(
        review_state="draft", visibility="internal", created_by=people["author"]
    )
    response = token_client(people[who]).post(url(activity, "submit"))
    assert response.status_code == status
    expected = "submitted" if status == 200 else "draft"
    assert Activity.objects.get(pk=activity.pk).review_state == expected
    if status == 200:
        assert response.json()["review_state"] == "submitted"
        assert response.json()["review_log"][0]["action"] == "submitted"


def test_only_managers_approve_and_return_and_a_return_needs_a_comment(people):
    activity = ActivityFactory(review_state="submitted", visibility="internal")
    author = token_client(people["author"])
    refused = author.post(url(activity, "approve"))
    assert (refused.status_code, refused.json()) == (403, {"detail": "Only managers approve."})
    manager = token_client(people["manager"])
    no_comment = manager.post(url(activity, "return"), {})
    assert no_comment.status_code == 409
    assert "a comment is required" in no_comment.json()["detail"]
    returned = manager.post(url(activity, "return"), {"comment": "Give the dates."})
    assert returned.status_code == 200
    assert returned.json()["review_log"][0]["comment"] == "Give the dates."
    wrong_state = manager.post(url(activity, "withdraw"))
    assert wrong_state.status_code == 409
    assert wrong_state.json()["detail"].startswith("Only a submitted record can be withdrawn")


def test_a_change_through_the_api_waits_and_is_read_by_its_author_and_managers(people):
    activity = ActivityFactory(title="As published", visibility="public")
    author = token_client(people["author"])
    proposed = author.patch(url(activity), {"title": "As proposed", "version": 1})
    assert proposed.status_code == 202
    assert Activity.objects.get(pk=activity.pk).title == "As published"
    assert author.get(url(activity))["ETag"] == f'"{activity.pk}.1"'

    pending = author.get(url(activity, "pending"))
    assert pending.status_code == 200
    assert pending.json()["differences"] == [
        {"field": "Title", "current": "As published", "proposed": "As proposed"}
    ]
    assert token_client(people["manager"]).get(url(activity, "pending")).status_code == 200
    assert token_client(people["colleague"]).get(url(activity, "pending")).status_code == 404
    from rest_framework.test import APIClient

    assert APIClient().get(url(activity, "pending")).status_code == 404

    assert author.post(url(activity, "submit")).status_code == 200
    approved = token_client(people["manager"]).post(url(activity, "approve"))
    assert approved.status_code == 200
    assert approved.json()["title"] == "As proposed"
    assert APIClient().get(url(activity)).json()["title"] == "As proposed"


def test_the_public_reads_no_review_log(people):
    activity = ActivityFactory(review_state="submitted")
    token_client(people["manager"]).post(url(activity, "approve"))
    from rest_framework.test import APIClient

    assert APIClient().get(url(activity)).json()["review_log"] == []
    log = token_client(people["viewer"]).get(url(activity)).json()["review_log"]
    assert [entry["action"] for entry in log] == ["approved"]


def whole(activity):
    """A PUT body: every field the record needs."""
    return {
        "summary": activity.summary,
        "activity_type": activity.activity_type.slug,
        "start_date": activity.start_date.isoformat(),
    }


@pytest.mark.parametrize("method", ["patch", "put"])
def test_a_change_to_a_record_whose_pending_change_is_a_colleagues_is_refused_with_the_reason(
    people, method
):
    activity = ActivityFactory(title="As published", visibility="public")
    assert (
        token_client(people["author"])
        .patch(url(activity), {"title": "The author's", "version": 1})
        .status_code
        == 202
    )
    colleague = token_client(people["colleague"])
    body = {"title": "The colleague's", "version": 1}
    if method == "put":
        body = {**whole(activity), **body}
    response = getattr(colleague, method)(url(activity), body, format="json")
    assert response.status_code == 403
    assert "author's change to this record is waiting for review" in response.json()["detail"]
    change = Activity.objects.get(pk=activity.pk).pending_change
    assert (change.author, change.values["title"]) == (people["author"], "The author's")


@pytest.mark.parametrize("method", ["patch", "put"])
def test_a_change_to_ones_own_submitted_change_is_refused_until_it_is_withdrawn(people, method):
    activity = ActivityFactory(title="As published", visibility="public")
    author = token_client(people["author"])
    author.patch(url(activity), {"title": "First try", "version": 1})
    assert author.post(url(activity, "submit")).status_code == 200
    body = {"title": "Second try", "version": 1}
    if method == "put":
        body = {**whole(activity), **body}
    response = getattr(author, method)(url(activity), body, format="json")
    assert response.status_code == 409
    assert "withdraw it to edit it again" in response.json()["detail"]
    change = Activity.objects.get(pk=activity.pk).pending_change
    assert (change.state, change.values["title"]) == ("submitted", "First try")


@pytest.mark.parametrize(
    ("before", "after", "action"),
    [
        ("internal", "public", "published"),
        ("public", "internal", "unpublished"),
        ("internal", "confidential", "visibility"),
    ],
)
def test_a_managers_visibility_change_through_the_api_is_in_the_review_log(
    people, before, after, action
):
    activity = ActivityFactory(visibility=before)
    response = token_client(people["manager"]).patch(
        url(activity), {"visibility": after, "version": 1}
    )
    assert response.status_code == 200
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.visibility == after
    (event,) = stored.review_events.all()
    assert (event.action, event.from_state, event.to_state, event.actor) == (
        action,
        before,
        after,
        people["manager"],
    )


def test_a_change_that_keeps_the_visibility_adds_nothing_to_the_review_log(people):
    activity = ActivityFactory(visibility="public")
    token_client(people["manager"]).patch(url(activity), {"title": "Renamed", "version": 1})
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.title == "Renamed"
    assert not stored.review_events.exists()
