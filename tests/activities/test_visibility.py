"""The one visibility rule, for every role and every review state and visibility."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser

from activities import roles
from activities.models import Activity, ReviewState, Visibility
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db

STATES = list(ReviewState.values)
VISIBILITIES = list(Visibility.values)


@pytest.fixture
def every_combination():
    """One activity for each review state and visibility: nine in all."""
    return {
        (state, visibility): ActivityFactory(
            review_state=state, visibility=visibility, slug=f"{state}-{visibility}"
        )
        for state, visibility in itertools.product(STATES, VISIBILITIES)
    }


def visible_pairs(user):
    return set(Activity.objects.visible_to(user).values_list("review_state", "visibility"))


def test_anonymous_visitors_see_only_approved_public_records(every_combination):
    assert visible_pairs(AnonymousUser()) == {("approved", "public")}


def test_signed_in_accounts_without_a_role_see_what_the_public_sees(every_combination):
    user = make_user(None, username="no-role", is_staff=False)
    assert visible_pairs(user) == {("approved", "public")}


def test_viewers_also_see_approved_internal_records(every_combination):
    user = make_user(roles.VIEWERS, username="v")
    assert visible_pairs(user) == {("approved", "public"), ("approved", "internal")}


def test_data_entry_also_see_unapproved_records_that_are_not_confidential(every_combination):
    user = make_user(roles.DATA_ENTRY, username="clerk")
    assert visible_pairs(user) == {
        ("approved", "public"),
        ("approved", "internal"),
        ("draft", "public"),
        ("draft", "internal"),
        ("submitted", "public"),
        ("submitted", "internal"),
        ("returned", "public"),
        ("returned", "internal"),
    }


def test_data_entry_see_every_record_they_created_confidential_included():
    author = make_user(roles.DATA_ENTRY, username="author")
    colleague = make_user(roles.DATA_ENTRY, username="colleague")
    own = ActivityFactory(review_state="draft", visibility="confidential", created_by=author)
    approved_own = ActivityFactory(visibility="confidential", created_by=author)
    assert set(Activity.objects.visible_to(author)) == {own, approved_own}
    assert not Activity.objects.visible_to(colleague).exists()


def test_managers_see_everything_confidential_and_drafts_included(every_combination):
    manager = make_user(roles.MANAGERS, username="boss")
    assert visible_pairs(manager) == set(every_combination)


def test_superusers_see_everything(every_combination):
    superuser = make_user(None, username="root", is_superuser=True)
    assert visible_pairs(superuser) == set(every_combination)


def test_an_inactive_manager_sees_only_public_records(every_combination):
    manager = make_user(roles.MANAGERS, username="gone", is_active=False)
    assert visible_pairs(manager) == {("approved", "public")}


@pytest.mark.parametrize("visibility", VISIBILITIES)
@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_unapproved_records_are_hidden_from_the_public_and_viewers(state, visibility):
    ActivityFactory(review_state=state, visibility=visibility)
    viewer = make_user(roles.VIEWERS, username="v")
    assert not Activity.objects.visible_to(AnonymousUser()).exists()
    assert not Activity.objects.visible_to(viewer).exists()
    assert Activity.objects.visible_to(make_user(roles.MANAGERS, username="m")).exists()


def test_the_role_lookup_is_cached_on_the_user(django_assert_num_queries):
    viewer = make_user(roles.VIEWERS, username="cached")
    with django_assert_num_queries(1):
        roles.role_names(viewer)
        roles.role_names(viewer)
        roles.is_member(viewer)
