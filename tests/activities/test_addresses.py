"""A record's address says nothing of it until a manager publishes it; old addresses redirect."""

import pytest
from django.test import Client

from activities import roles, workflow
from activities.models import Activity, FormerAddress
from activities.web_addresses import is_neutral
from tests.api.conftest import token_client
from tests.factories import ActivityTypeFactory, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "author": make_user(roles.DATA_ENTRY, username="author"),
        "manager": make_user(roles.MANAGERS, username="manager"),
    }


def created_through_the_api(user, **values):
    ActivityTypeFactory(slug="workshop")
    body = {
        "title": "Case of a named survivor",
        "summary": "Confidential.",
        "activity_type": "workshop",
        "start_date": "2011-05-17",
        "visibility": "confidential",
        **values,
    }
    response = token_client(user).post("/api/activities/", body, format="json")
    assert response.status_code == 201, response.content
    return Activity.objects.get(pk=response.json()["id"])


def test_a_new_record_gets_an_address_that_says_nothing_of_it(people):
    activity = created_through_the_api(people["author"])
    assert is_neutral(activity.slug)
    assert "survivor" not in activity.get_absolute_url()


def test_publishing_gives_the_address_of_the_title_then_and_the_old_one_redirects(people):
    manager = people["manager"]
    activity = created_through_the_api(manager, visibility="internal")
    neutral = activity.get_absolute_url()
    activity.title = "Workshop on safe migration"
    workflow.save(activity=activity, user=manager, based_on=activity.version)
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.get_absolute_url() == neutral  # renamed, still unpublished
    workflow.approve(activity=activity, user=manager)
    workflow.set_visibility(
        activity=Activity.objects.get(pk=activity.pk), user=manager, visibility="public"
    )
    published = Activity.objects.get(pk=activity.pk)
    assert published.slug == "workshop-on-safe-migration"
    assert published.history.first().slug == published.slug
    assert list(FormerAddress.objects.values_list("slug", flat=True)) == [activity.slug]
    response = Client().get(neutral)
    assert (response.status_code, response["Location"]) == (301, published.get_absolute_url())
    # Unpublishing keeps the address people have seen.
    workflow.set_visibility(activity=published, user=manager, visibility="internal")
    assert Activity.objects.get(pk=activity.pk).slug == "workshop-on-safe-migration"


def test_a_former_address_of_a_record_one_may_not_read_is_not_found(people):
    activity = created_through_the_api(people["manager"], visibility="internal")
    FormerAddress.objects.create(slug="case-of-a-named-survivor", activity=activity)
    assert Client().get("/activities/case-of-a-named-survivor/").status_code == 404
    member = Client()
    member.force_login(people["author"])
    response = member.get("/activities/case-of-a-named-survivor/")
    assert (response.status_code, response["Location"]) == (301, activity.get_absolute_url())


def test_a_record_made_public_at_once_by_a_manager_gets_the_address_of_its_title(people):
    activity = Activity.objects.create(
        title="Panel on remittances",
        summary="Public.",
        activity_type=ActivityTypeFactory(),
        start_date="2011-05-17",
        review_state="approved",
        visibility="public",
    )
    assert activity.slug == "panel-on-remittances"
