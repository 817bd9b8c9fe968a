"""Entry without friction: addresses made from titles once published, look-alikes named
before saving."""

import pytest
from django.urls import reverse

from activities import workflow
from activities.models import Activity
from activities.web_addresses import is_neutral
from tests.activities.test_admin import activity_form_data
from tests.factories import ActivityFactory, ActivityTypeFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:activities_activity_add")


def form_of(response):
    return response.context["adminform"].form


def test_data_entry_never_sees_the_address_field(data_entry_client):
    form = form_of(data_entry_client.get(ADD))
    assert "slug" not in form.fields


def publish(activity, manager):
    """Approve and publish, as a manager does: the record then takes its title's address."""
    workflow.approve(activity=Activity.objects.get(pk=activity.pk), user=manager)
    workflow.set_visibility(
        activity=Activity.objects.get(pk=activity.pk), user=manager, visibility="public"
    )
    return Activity.objects.get(pk=activity.pk)


def test_a_manager_may_choose_the_address_or_leave_it_to_the_title(manager_client, manager):
    assert "slug" in form_of(manager_client.get(ADD)).fields
    response = manager_client.post(ADD, activity_form_data(slug=""))
    assert response.status_code == 302, form_of(response).errors
    assert is_neutral(Activity.objects.get().slug)  # not published yet
    published = publish(Activity.objects.get(), manager)
    assert published.slug == "expert-group-meeting-on-gender-and-remittances"


def test_a_second_record_with_the_same_title_gets_its_own_address(data_entry_client, manager):
    kind = ActivityTypeFactory()
    first = data_entry_client.post(ADD, activity_form_data(activity_type=kind.pk))
    assert first.status_code == 302
    # Same title, another day and place: held back once, then saved when confirmed.
    data = activity_form_data(activity_type=kind.pk, start_date="2012-03-12", end_date="")
    held = data_entry_client.post(ADD, data)
    assert held.status_code == 200
    assert "already recorded" in str(form_of(held).non_field_errors())
    saved = data_entry_client.post(ADD, {**data, "not_a_duplicate": "on"})
    assert saved.status_code == 302, form_of(saved).errors
    for activity in Activity.objects.order_by("pk"):
        publish(activity, manager)
    assert sorted(Activity.objects.values_list("slug", flat=True)) == [
        "expert-group-meeting-on-gender-and-remittances",
        "expert-group-meeting-on-gender-and-remittances-2",
    ]


def test_same_date_type_and_place_is_a_look_alike_too(data_entry_client):
    kind = ActivityTypeFactory()
    ActivityFactory(
        title="EGM on remittances",
        activity_type=kind,
        start_date="2011-09-29",
        city="The Hague",
        visibility="internal",
    )
    data = activity_form_data(activity_type=kind.pk, city="the hague")
    held = data_entry_client.post(ADD, data)
    assert held.status_code == 200
    page = held.content.decode()
    assert "EGM on remittances" in page
    assert 'name="not_a_duplicate"' in page and 'type="checkbox"' in page
    assert not Activity.objects.filter(title__startswith="Expert").exists()


def test_a_confidential_look_alike_is_never_named_to_who_may_not_see_it(data_entry_client):
    ActivityFactory(
        title="Expert group meeting on gender and remittances", visibility="confidential"
    )
    response = data_entry_client.post(ADD, activity_form_data())
    assert response.status_code == 302
    assert Activity.objects.count() == 2


def test_a_deleted_records_address_is_not_given_again(manager_client):
    old = ActivityFactory(title="Workshop", slug="workshop")
    old.delete()
    assert ActivityFactory(title="Workshop", slug="").slug == "workshop-2"
