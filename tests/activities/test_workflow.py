"""Every review move for every role: allowed, or refused with the reason; logged; told by email."""

import re
from pathlib import Path

import pytest
from django.core import mail

from activities import roles, services, workflow
from activities.models import Activity, PendingChange, ReviewEvent
from tests.factories import ActivityFactory, ThematicAreaFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    people = {
        "author": make_user(roles.DATA_ENTRY, username="author", email="author@example.org"),
        "colleague": make_user(roles.DATA_ENTRY, username="colleague", email="c@example.org"),
        "viewer": make_user(roles.VIEWERS, username="viewer", email="v@example.org"),
        "manager": make_user(roles.MANAGERS, username="manager", email="m@example.org"),
    }
    return people


def record(state, people, visibility="internal"):
    return ActivityFactory(review_state=state, visibility=visibility, created_by=people["author"])


MOVES = {
    "submit": lambda a, u: workflow.submit(activity=a, user=u),
    "withdraw": lambda a, u: workflow.withdraw(activity=a, user=u),
    "approve": lambda a, u: workflow.approve(activity=a, user=u),
    "return": lambda a, u: workflow.return_for_changes(activity=a, user=u, comment="Add dates."),
    "publish": lambda a, u: workflow.set_visibility(activity=a, user=u, visibility="public"),
    "unpublish": lambda a, u: workflow.set_visibility(activity=a, user=u, visibility="internal"),
}

# (move, state before, visibility before) → state after, for those allowed to make it.
OUTCOMES = {
    ("submit", "draft", "internal"): "submitted",
    ("submit", "returned", "internal"): "submitted",
    ("withdraw", "submitted", "internal"): "draft",
    ("approve", "submitted", "internal"): "approved",
    ("return", "submitted", "internal"): "returned",
    ("publish", "approved", "internal"): "public",
    ("unpublish", "approved", "public"): "internal",
}
ALLOWED = {
    "submit": {"author", "colleague", "manager"},
    "withdraw": {"author", "colleague", "manager"},
    "approve": {"manager"},
    "return": {"manager"},
    "publish": {"manager"},
    "unpublish": {"manager"},
}
REASONS = {
    "submit": "Only its author, data entry staff and managers submit a record.",
    "withdraw": "Only its author, data entry staff and managers withdraw a record.",
    "approve": "Only managers approve.",
    "return": "Only managers return records.",
    "publish": "Only managers change who may see a record.",
    "unpublish": "Only managers change who may see a record.",
}


@pytest.mark.parametrize("who", ["author", "colleague", "viewer", "manager"])
@pytest.mark.parametrize(("move", "state", "visibility"), list(OUTCOMES))
def test_each_move_is_made_by_those_allowed_and_refused_with_the_reason_otherwise(
    people, who, move, state, visibility
):
    activity = record(state, people, visibility)
    user = people[who]
    if who in ALLOWED[move]:
        MOVES[move](activity, user)
        stored = Activity.objects.get(pk=activity.pk)
        after = stored.visibility if move in ("publish", "unpublish") else stored.review_state
        assert after == OUTCOMES[move, state, visibility]
        event = ReviewEvent.objects.get(activity_id=activity.pk)
        assert (event.actor, event.from_state, event.to_state) == (
            user,
            visibility if move in ("publish", "unpublish") else state,
            after,
        )
    else:
        with pytest.raises(workflow.NotAllowed) as refused:
            MOVES[move](activity, user)
        assert refused.value.forbidden
        assert refused.value.message == REASONS[move]
        assert Activity.objects.get(pk=activity.pk).review_state == state
        assert not ReviewEvent.objects.exists()


@pytest.mark.parametrize(
    ("move", "state", "reason"),
    [
        ("submit", "submitted", "Only a draft or a returned record can be submitted"),
        ("submit", "approved", "Only a draft or a returned record can be submitted"),
        ("withdraw", "draft", "Only a submitted record can be withdrawn"),
        ("return", "draft", "Only a submitted record can be returned"),
        ("approve", "approved", "This record is approved and has no change waiting"),
    ],
)
def test_a_move_from_the_wrong_state_is_refused_with_the_reason(people, move, state, reason):
    activity = record(state, people)
    with pytest.raises(workflow.NotAllowed) as refused:
        MOVES[move](activity, people["manager"])
    assert not refused.value.forbidden
    assert refused.value.message.startswith(reason)


def test_returning_needs_a_comment(people):
    activity = record("submitted", people)
    with pytest.raises(workflow.NotAllowed, match="a comment is required"):
        workflow.return_for_changes(activity=activity, user=people["manager"], comment="  ")


def test_publishing_needs_an_approved_record(people):
    activity = record("draft", people)
    with pytest.raises(workflow.NotAllowed, match="Only an approved record can be published"):
        MOVES["publish"](activity, people["manager"])


def test_the_log_keeps_every_move_with_who_when_and_the_comment(people):
    activity = record("draft", people)
    workflow.submit(activity=activity, user=people["author"])
    workflow.return_for_changes(activity=activity, user=people["manager"], comment="Add dates.")
    workflow.submit(activity=activity, user=people["author"])
    workflow.approve(activity=activity, user=people["manager"])
    log = list(ReviewEvent.objects.filter(activity_id=activity.pk).order_by("at", "id"))
    assert [(e.action, e.from_state, e.to_state, e.actor.username) for e in log] == [
        ("submitted", "draft", "submitted", "author"),
        ("returned", "submitted", "returned", "manager"),
        ("submitted", "returned", "submitted", "author"),
        ("approved", "submitted", "approved", "manager"),
    ]
    assert log[1].comment == "Add dates."
    # Every move is a change of the record's history too.
    assert activity.history.first().history_change_reason == "Approved"


# Pending changes of approved records.


def propose(activity, user, **values):
    proposed = Activity.objects.get(pk=activity.pk)
    for name, value in values.items():
        setattr(proposed, name, value)
    return workflow.propose_change(
        activity=activity, user=user, proposed=proposed, based_on=activity.version
    )


def test_a_change_to_an_approved_record_waits_and_the_record_keeps_its_content(people):
    activity = record("approved", people, "public")
    change = propose(activity, people["author"], title="Proposed title")
    assert change.values == {"title": "Proposed title"}
    stored = Activity.objects.get(pk=activity.pk)
    assert stored.title == activity.title
    assert stored.version == activity.version


def test_one_pending_change_per_record_and_only_its_author_edits_it(people):
    activity = record("approved", people)
    propose(activity, people["author"], title="First")
    with pytest.raises(workflow.NotAllowed, match="author's change to this record is waiting"):
        propose(activity, people["colleague"], title="Second")
    change = propose(activity, people["author"], title="First, revised")
    assert PendingChange.objects.get() == change
    assert change.values == {"title": "First, revised"}
    workflow.submit_change(change=change, user=people["author"])
    with pytest.raises(workflow.NotAllowed, match="withdraw it to edit it again"):
        propose(activity, people["author"], title="Third")


def test_an_approved_change_is_applied_to_the_same_record_as_one_change(people):
    area = ThematicAreaFactory()
    activity = record("approved", people, "public")
    proposed = Activity.objects.get(pk=activity.pk)
    proposed.summary = "A better summary."
    change = workflow.propose_change(
        activity=activity,
        user=people["author"],
        proposed=proposed,
        areas=[area.pk],
        based_on=activity.version,
    )
    workflow.submit_change(change=change, user=people["author"])
    entries = activity.history.count()
    workflow.approve(activity=activity, user=people["manager"])
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.pk, stored.slug, stored.summary) == (
        activity.pk,
        activity.slug,
        "A better summary.",
    )
    assert list(stored.thematic_areas.all()) == [area]
    assert stored.history.count() == entries + 1
    assert not PendingChange.objects.exists()
    approved = ReviewEvent.objects.get(activity_id=activity.pk, action="change_approved")
    # The log reads "Submitted for review → Approved", not "→ —".
    assert (str(approved.from_label), str(approved.to_label)) == (
        "Approved, with a change submitted for review",
        "Approved",
    )
    submitted = ReviewEvent.objects.get(activity_id=activity.pk, action="change_submitted")
    # The record was approved all along: the log never says "From: Draft".
    assert (str(submitted.from_label), str(submitted.to_label)) == (
        "Approved, with a change being written",
        "Approved, with a change submitted for review",
    )


def test_a_returned_change_goes_back_to_its_author_with_the_comment(people):
    activity = record("approved", people)
    change = propose(activity, people["author"], title="Proposed")
    with pytest.raises(workflow.NotAllowed, match="Only its author submits a change"):
        workflow.submit_change(change=change, user=people["colleague"])
    workflow.submit_change(change=change, user=people["author"])
    with pytest.raises(workflow.NotAllowed, match="Only managers return"):
        workflow.return_for_changes(activity=activity, user=people["colleague"], comment="No")
    workflow.return_for_changes(activity=activity, user=people["manager"], comment="Say where.")
    change.refresh_from_db()
    assert (change.state, change.comment) == ("returned", "Say where.")
    assert propose(activity, people["author"], title="Proposed, with the place").is_editable


def test_managers_edit_approved_records_at_once(people):
    activity = record("approved", people)
    assert not workflow.must_propose(people["manager"], activity)
    assert workflow.must_propose(people["author"], activity)


# Email, after the commit.


def test_managers_are_told_of_a_submission_and_authors_of_the_decision(
    people, django_capture_on_commit_callbacks
):
    activity = record("draft", people)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(activity=activity, user=people["author"])
    assert [m.to for m in mail.outbox] == [["m@example.org"]]
    assert activity.title in mail.outbox[0].subject
    assert f"/admin/activities/activity/{activity.pk}/review/" in mail.outbox[0].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_for_changes(activity=activity, user=people["manager"], comment="Add dates.")
    assert [m.to for m in mail.outbox] == [["author@example.org"]]
    assert mail.outbox[0].subject.startswith("Returned for changes:")
    assert "Add dates." in mail.outbox[0].body


def test_no_email_is_sent_before_the_commit_or_to_those_who_turned_them_off(
    people, django_capture_on_commit_callbacks
):
    from activities.models import NotificationSetting

    NotificationSetting.objects.create(user=people["manager"], email=False)
    make_user(roles.MANAGERS, username="second", email="second@example.org")
    activity = record("draft", people)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.submit(activity=activity, user=people["author"])
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [m.to for m in mail.outbox] == [["second@example.org"]]


def test_every_move_has_one_path():
    """One service per move in workflow.py, one apply_to for a pending change, and the admin
    carries nothing between its hooks on the request."""
    root = Path(__file__).resolve().parents[2] / "activities"
    sources = {path.name: path.read_text() for path in root.glob("*.py")}
    for name in ("submit", "approve", "publish", "_move"):
        assert not hasattr(services, name), f"services.{name} is a second path"
    copying = [
        name for name, text in sources.items() if re.search(r"change\.values\.items\(", text)
    ]
    assert copying == [], "a pending change is applied with PendingChange.apply_to only"
    carried = [name for name, text in sources.items() if re.search(r"\brequest\.\w+\s*=[^=]", text)]
    assert carried == []
    assert sources["admin.py"].count("workflow.save(") == 2  # the form, and a revert
