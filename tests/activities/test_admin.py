"""The admin as staff use it: lists, the review workflow and who may do what."""

import pytest
from django.urls import reverse

from activities.models import Activity, ReviewState, Visibility
from tests.factories import ActivityFactory, ActivityTypeFactory, PartnerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:activities_activity_changelist")


def activity_form_data(**overrides):
    """What the add form posts, with empty inline formsets."""
    data = {
        "title": "Expert group meeting on gender and remittances",
        "slug": "egm-gender-remittances",
        "activity_type": ActivityTypeFactory().pk,
        "summary": "The Unit took part.",
        "start_date": "2011-09-29",
        "end_date": "2011-09-30",
        "date_precision": "day",
        "city": "",
        "country": "NL",
        "prominence": "minor",
        "report_order": "0",
        "status": "completed",
        "review_state": "draft",
        "visibility": "internal",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
        "outputs-TOTAL_FORMS": "0",
        "outputs-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_the_changelist_lists_filters_and_searches(manager_client):
    ActivityFactory(title="Workshop in Vienna", city="Vienna")
    ActivityFactory(title="Panel in Geneva", city="Geneva")
    response = manager_client.get(CHANGELIST, {"q": "Vienna"})
    assert response.status_code == 200
    assert b"Workshop in Vienna" in response.content
    assert b"Panel in Geneva" not in response.content
    response = manager_client.get(CHANGELIST, {"review_state__exact": "approved"})
    assert response.status_code == 200


def test_search_finds_activities_by_partner_acronym(manager_client):
    activity = ActivityFactory(title="Training with the ILO")
    activity.roles.create(partner=PartnerFactory(acronym="ILO"), role="co_organiser")
    ActivityFactory(title="Something else")
    response = manager_client.get(CHANGELIST, {"q": "ILO"})
    assert b"Training with the ILO" in response.content
    assert b"Something else" not in response.content


def test_data_entry_can_add_a_draft_and_is_recorded_as_its_author(data_entry_client, data_entry):
    response = data_entry_client.post(
        reverse("admin:activities_activity_add"), activity_form_data()
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    # Data entry does not choose the web address: a neutral one until it is published.
    activity = Activity.objects.get(title="Expert group meeting on gender and remittances")
    assert activity.slug.startswith("record-")
    assert activity.created_by == data_entry
    assert activity.updated_by == data_entry
    assert activity.history.get().history_user == data_entry


@pytest.mark.parametrize("who", ["data_entry_client", "manager_client"])
def test_the_review_state_is_a_move_never_a_field_to_edit(request, who):
    client = request.getfixturevalue(who)
    response = client.post(
        reverse("admin:activities_activity_add"), activity_form_data(review_state="approved")
    )
    assert response.status_code == 302
    assert Activity.objects.get().review_state == "draft"
    page = client.get(reverse("admin:activities_activity_add")).context["adminform"].form
    assert "review_state" not in page.fields


def test_data_entry_cannot_make_an_activity_public(data_entry_client):
    response = data_entry_client.post(
        reverse("admin:activities_activity_add"), activity_form_data(visibility="public")
    )
    # Public is not offered to data entry staff; a crafted post is refused on the field.
    assert response.context["adminform"].form.errors["visibility"] == [
        "Select a valid choice. public is not one of the available choices."
    ]
    assert not Activity.objects.exists()


def test_a_bad_participant_split_shows_the_message_next_to_the_total(manager_client):
    response = manager_client.post(
        reverse("admin:activities_activity_add"),
        activity_form_data(participants_total="10", participants_women="8", participants_men="5"),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["participants_total"] == [
        "Women and men together (13) cannot exceed the total (10)."
    ]
    assert not Activity.objects.exists()


def test_an_end_before_the_start_shows_the_message_next_to_the_end_date(manager_client):
    response = manager_client.post(
        reverse("admin:activities_activity_add"),
        activity_form_data(start_date="2011-09-30", end_date="2011-09-29"),
    )
    assert response.context["adminform"].form.errors["end_date"] == [
        "The end date cannot be before the start date."
    ]


def test_managers_approve_in_bulk(manager_client, manager):
    drafts = ActivityFactory.create_batch(3, review_state=ReviewState.SUBMITTED)
    response = manager_client.post(
        CHANGELIST,
        {"action": "approve", "_selected_action": [a.pk for a in drafts]},
        follow=True,
    )
    assert "3 activities approved." in response.content.decode()
    for activity in drafts:
        activity.refresh_from_db()
        assert activity.review_state == ReviewState.APPROVED
        assert activity.updated_by == manager
        assert activity.history.first().history_user == manager


def test_data_entry_is_not_offered_approve_or_publish(data_entry_client):
    ActivityFactory(review_state=ReviewState.DRAFT, visibility=Visibility.INTERNAL)
    response = data_entry_client.get(CHANGELIST)
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "submit_for_review" in actions
    assert "approve" not in actions
    assert "publish" not in actions


def test_data_entry_posting_approve_anyway_changes_nothing(data_entry_client):
    draft = ActivityFactory(review_state=ReviewState.DRAFT, visibility=Visibility.INTERNAL)
    data_entry_client.post(CHANGELIST, {"action": "approve", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.review_state == ReviewState.DRAFT


def test_data_entry_submits_drafts_in_bulk(data_entry_client):
    draft = ActivityFactory(review_state=ReviewState.DRAFT, visibility=Visibility.INTERNAL)
    data_entry_client.post(
        CHANGELIST, {"action": "submit_for_review", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.review_state == ReviewState.SUBMITTED


def test_publish_makes_only_approved_records_public(manager_client):
    approved = ActivityFactory(review_state=ReviewState.APPROVED, visibility=Visibility.INTERNAL)
    draft = ActivityFactory(review_state=ReviewState.DRAFT, visibility=Visibility.INTERNAL)
    response = manager_client.post(
        CHANGELIST,
        {"action": "publish", "_selected_action": [approved.pk, draft.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "1 activity published." in text
    assert "1 activity was not published because it is not approved." in text
    approved.refresh_from_db()
    draft.refresh_from_db()
    assert approved.visibility == Visibility.PUBLIC
    assert draft.visibility == Visibility.INTERNAL


def test_data_entry_does_not_see_others_confidential_records(data_entry_client, manager):
    ActivityFactory(
        title="Country report for the Committee", visibility="confidential", created_by=manager
    )
    ActivityFactory(title="Ordinary workshop", visibility="internal", created_by=manager)
    response = data_entry_client.get(CHANGELIST)
    assert b"Ordinary workshop" in response.content
    assert b"Country report for the Committee" not in response.content


def test_viewers_cannot_change_activities(client, viewer):
    activity = ActivityFactory()
    client.force_login(viewer)
    response = client.post(
        reverse("admin:activities_activity_change", args=[activity.pk]),
        activity_form_data(title="Changed"),
    )
    assert response.status_code == 403
    activity.refresh_from_db()
    assert activity.title != "Changed"


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:activities_activity_add",
        "admin:activities_event_changelist",
        "admin:partners_partner_changelist",
        "admin:activities_thematicarea_changelist",
        "admin:activities_reportsection_changelist",
        "admin:activities_activity_deleted",
    ],
)
def test_admin_pages_open_for_managers(manager_client, url_name):
    assert manager_client.get(reverse(url_name)).status_code == 200


def test_partner_autocomplete_answers_for_data_entry(data_entry_client):
    PartnerFactory(name="Oxfam Novib", acronym="")
    response = data_entry_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "oxfam",
            "app_label": "activities",
            "model_name": "activitypartner",
            "field_name": "partner",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Oxfam Novib"]


def test_the_old_address_of_report_sections_leads_to_the_new_one(manager_client):
    response = manager_client.get("/admin/reports/reportsection/?q=gender")
    assert response.status_code == 302
    assert response["Location"] == "/admin/activities/reportsection/?q=gender"
