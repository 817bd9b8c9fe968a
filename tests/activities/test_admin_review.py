"""The review workflow as staff use it in the admin: buttons, pending changes, the review page."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from activities import roles
from activities.models import Activity, PendingChange, ReviewEvent
from tests.activities.test_admin import activity_form_data
from tests.factories import ActivityFactory, ActivityPartnerFactory, PartnerFactory, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:activities_activity_changelist")


def change_url(activity):
    return reverse("admin:activities_activity_change", args=[activity.pk])


def review_url(activity):
    return reverse("admin:activities_activity_review", args=[activity.pk])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def author():
    return make_user(roles.DATA_ENTRY, username="author", email="author@example.org")


@pytest.fixture
def boss():
    return make_user(roles.MANAGERS, username="boss", email="boss@example.org")


def form_data(client, activity, **changes):
    """The change form as a browser would post it back, with `changes`."""
    page = client.get(change_url(activity))
    form = page.context["adminform"].form
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data["country"] = str(data.get("country") or "")
    data["thematic_areas"] = [a.pk for a in activity.thematic_areas.all()]
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        prefix = formset.formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = management.initial["TOTAL_FORMS"]
        data[f"{prefix}-INITIAL_FORMS"] = management.initial["INITIAL_FORMS"]
        for number, inline in enumerate(formset.formset.forms):
            for name, field in inline.fields.items():
                value = inline.initial.get(name, field.initial)
                if value is not None:
                    data[f"{prefix}-{number}-{name}"] = getattr(value, "pk", value)
    data.update(changes)
    return data


def test_data_entry_are_never_offered_approve_publish_or_public(author):
    client = signed_in(author)
    form = client.get(reverse("admin:activities_activity_add")).context["adminform"].form
    assert "review_state" not in form.fields
    assert "public" not in dict(form.fields["visibility"].choices)
    actions = client.get(CHANGELIST).context["action_form"].fields["action"].choices
    assert {"approve", "publish", "unpublish"}.isdisjoint(dict(actions))
    assert {"submit_for_review", "withdraw"} <= set(dict(actions))


def test_save_and_submit_for_review_is_one_button(author, boss, django_capture_on_commit_callbacks):
    client = signed_in(author)
    add_form = client.get(reverse("admin:activities_activity_add")).content.decode()
    assert 'name="_submit_for_review" value="Save and submit for review"' in add_form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:activities_activity_add"),
            activity_form_data(_submit_for_review="1"),
            follow=True,
        )
    activity = Activity.objects.get()
    assert activity.review_state == "submitted"
    # Saved, then submitted, by the same services: both in the history and the review log.
    assert activity.history.count() == 2
    submitted = ReviewEvent.objects.get(activity_id=activity.pk)
    assert (submitted.action, submitted.from_state, submitted.to_state) == (
        "submitted",
        "draft",
        "submitted",
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        f"“{activity.title}” was saved and submitted for review: it waits for a manager."
    ]
    assert [m.to for m in mail.outbox] == [["boss@example.org"]]
    # Submitted, it is the reviewers' until they decide or it is withdrawn.
    page = client.get(change_url(activity))
    assert not page.context["has_change_permission"]
    assert "can be changed again once it is withdrawn" in page.content.decode()


def test_save_and_submit_on_a_draft_says_it_was_submitted(author, boss):
    activity = ActivityFactory(title="Draft to send", review_state="draft", created_by=author)
    client = signed_in(author)
    response = client.post(
        change_url(activity), form_data(client, activity, _submit_for_review="1"), follow=True
    )
    activity.refresh_from_db()
    assert activity.review_state == "submitted"
    assert [str(m) for m in response.context["messages"]] == [
        "“Draft to send” was saved and submitted for review: it waits for a manager."
    ]


def test_the_first_page_says_what_waits_for_whom(author, boss):
    ActivityFactory(title="Waiting record", review_state="submitted", created_by=author)
    ActivityFactory(title="My draft", review_state="draft", created_by=author)
    ActivityFactory(title="Sent back", review_state="returned", created_by=author)
    managers_page = signed_in(boss).get(reverse("admin:index")).content.decode()
    assert "Waiting for your review (1)" in managers_page
    assert "Waiting record" in managers_page
    authors_page = signed_in(author).get(reverse("admin:index")).content.decode()
    assert "Returned to you (1)" in authors_page
    assert "Your drafts (1)" in authors_page
    assert "Sent back" in authors_page and "My draft" in authors_page


def test_every_list_of_the_first_page_links_to_all_of_it(author, boss):
    """The first page shows 20 rows of a list; its link opens the list of activities with all."""
    ActivityFactory.create_batch(24, review_state="draft", created_by=author)
    ActivityFactory(review_state="draft", created_by=boss)  # someone else's draft
    approved = ActivityFactory(title="Approved one", review_state="approved")
    PendingChange.objects.create(
        activity=approved, author=author, values={"title": "New"}, based_on_version=approved.version
    )
    ActivityFactory(title="Waiting record", review_state="submitted", created_by=author)

    client = signed_in(author)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Your drafts (25)" in page
    link = f"{CHANGELIST}?waiting=drafts"
    assert f'<a href="{link}">See all 25 in the list of activities</a>' in page
    drafts = client.get(link).context["cl"]
    assert drafts.result_count == 25
    # The draft change to an approved record is among them.
    assert "Approved one" in {a.title for a in drafts.queryset}

    managers = signed_in(boss)
    page = managers.get(reverse("admin:index")).content.decode()
    assert "Waiting for your review (1)" in page
    waiting = managers.get(f"{CHANGELIST}?waiting=review").context["cl"]
    assert [a.title for a in waiting.queryset] == ["Waiting record"]
    # A value no list has shows no record, and no error.
    assert managers.get(f"{CHANGELIST}?waiting=nonsense").context["cl"].result_count == 0


def test_the_review_page_approves_or_returns_with_a_comment(author, boss):
    activity = ActivityFactory(review_state="submitted", created_by=author)
    client = signed_in(boss)
    assert client.get(review_url(activity)).status_code == 200
    refused = client.post(review_url(activity), {"action": "return", "comment": ""}, follow=True)
    assert "a comment is required" in refused.content.decode()
    client.post(review_url(activity), {"action": "return", "comment": "Give the place."})
    activity.refresh_from_db()
    assert activity.review_state == "returned"
    assert "Give the place." in signed_in(author).get(change_url(activity)).content.decode()


def test_a_change_to_an_approved_record_by_data_entry_waits_for_review(author, boss):
    activity = ActivityFactory(title="Published title", visibility="public")
    oxfam = PartnerFactory(name="Oxfam Novib", acronym="")
    ActivityPartnerFactory(activity=activity, partner=oxfam, role="organiser")
    client = signed_in(author)
    data = form_data(client, activity, title="Proposed title")
    response = client.post(change_url(activity), data, follow=True)
    assert "Your change is kept as a pending change" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Published title"
    change = PendingChange.objects.get()
    assert change.values == {"title": "Proposed title"}

    # The author comes back to the form: it shows the pending change, partners included.
    again = client.get(change_url(activity))
    assert again.context["adminform"].form.initial["title"] == "Proposed title"
    assert "You are editing your pending change" in again.content.decode()

    submitted = client.post(
        change_url(activity), form_data(client, activity, _submit_for_review="1"), follow=True
    )
    change.refresh_from_db()
    assert change.state == "submitted"
    assert [str(m) for m in submitted.context["messages"]] == [
        "Your change is submitted for review: it waits for a manager, and the record shows "
        "its approved content until the change is approved."
    ]

    review = signed_in(boss).get(review_url(activity))
    assert ("Title", "Published title", "Proposed title") in review.context["differences"]
    signed_in(boss).post(review_url(activity), {"action": "approve"})
    activity.refresh_from_db()
    assert activity.title == "Proposed title"
    assert [r.partner for r in activity.roles.all()] == [oxfam]
    assert not PendingChange.objects.exists()
    assert ReviewEvent.objects.filter(activity_id=activity.pk, action="change_approved").exists()


def test_someone_elses_pending_change_makes_the_record_read_only(author, boss):
    activity = ActivityFactory(visibility="internal")
    client = signed_in(author)
    client.post(change_url(activity), form_data(client, activity, title="Proposed"))
    colleague = make_user(roles.DATA_ENTRY, username="colleague")
    page = signed_in(colleague).get(change_url(activity))
    assert not page.context["has_change_permission"]
    assert "author has a pending change to this record" in page.content.decode()


def test_bulk_approval_stays_for_managers(boss):
    first = ActivityFactory(review_state="submitted")
    second = ActivityFactory(review_state="submitted")
    signed_in(boss).post(
        CHANGELIST, {"action": "approve", "_selected_action": [first.pk, second.pk]}
    )
    assert set(Activity.objects.values_list("review_state", flat=True)) == {"approved"}
    assert ReviewEvent.objects.filter(action="approved").count() == 2


@pytest.mark.parametrize(("before", "after"), [("internal", "public"), ("public", "confidential")])
def test_a_managers_visibility_change_in_the_form_is_logged_once(boss, before, after):
    activity = ActivityFactory(visibility=before)
    client = signed_in(boss)
    response = client.post(change_url(activity), form_data(client, activity, visibility=after))
    assert response.status_code == 302
    assert Activity.objects.get(pk=activity.pk).visibility == after
    logged = ReviewEvent.objects.filter(activity_id=activity.pk)
    assert [(e.from_state, e.to_state, e.actor) for e in logged] == [(before, after, boss)]


def test_bulk_publishing_is_logged_once_per_record(boss):
    first = ActivityFactory(visibility="internal")
    second = ActivityFactory(visibility="internal")
    signed_in(boss).post(
        CHANGELIST, {"action": "publish", "_selected_action": [first.pk, second.pk]}
    )
    assert set(Activity.objects.values_list("visibility", flat=True)) == {"public"}
    assert sorted(ReviewEvent.objects.values_list("activity_id", "action")) == [
        (first.pk, "published"),
        (second.pk, "published"),
    ]


def test_the_admins_save_leaves_nothing_on_the_request(author, boss):
    # One service call gives the outcome back; nothing is carried between the admin's hooks.
    activity = ActivityFactory(title="Published title", visibility="public")
    client = signed_in(author)
    response = client.post(change_url(activity), form_data(client, activity, title="Proposed"))
    carried = {"proposing", "proposed", "visibility_before", "reverting_to", "reverted"}
    assert carried.isdisjoint(vars(response.wsgi_request))
    assert PendingChange.objects.get().values == {"title": "Proposed"}
    assert Activity.objects.get(pk=activity.pk).title == "Published title"
