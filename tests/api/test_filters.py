"""The API filters with the pages' FilterSet: the same query string gives the same activities."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.test import RequestFactory

from activities.filters import ActivityFilter
from activities.models import Activity
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "year=2011",
    "year=2010",
    "q=diaspora",
    "q=UN-Women",
    "thematic_area=migration-development",
    "thematic_area=fgm",
    "activity_type=workshop",
    "partner=un-women",
    "partner=ilo",
    "event=csw-55",
    "country=GB",
    "status=completed",
    "date_after=2011-03-01&date_before=2011-06-30",
    "sort=title",
    "sort=-date",
    "thematic_area=migration-development&year=2011&sort=title",
]
MEMBER_QUERIES = ["review_state=draft", "visibility=internal", "review_state=approved&q=UN"]


@pytest.fixture
def records(sample_records, db):
    # Records the public must not see, filed like the published ones.
    ActivityFactory(review_state="draft", title="Draft on diaspora women", slug="draft-1")
    ActivityFactory(visibility="internal", title="Internal diaspora note", slug="internal-1")
    ActivityFactory(visibility="confidential", title="Confidential diaspora", slug="conf-1")


def page_filtered(user, query):
    """The activity slugs the pages' FilterSet gives for `query`, in order."""
    request = RequestFactory().get(f"/activities/?{query}")
    request.user = user
    filterset = ActivityFilter(
        QueryDict(query), queryset=Activity.objects.visible_to(user), request=request
    )
    assert filterset.is_valid(), filterset.errors
    return list(filterset.qs.values_list("slug", flat=True))


def api_filtered(client, query):
    response = client.get(f"/api/activities/?page_size=100&{query}")
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


@pytest.mark.parametrize("role", [None, "Viewers", "Managers"])
def test_every_query_gives_the_pages_result_set(client_for, api, records, role):
    user = make_user(role, username="someone") if role else AnonymousUser()
    client = client_for(user) if role else api
    queries = QUERIES + (MEMBER_QUERIES if role else [])
    for query in queries:
        expected = page_filtered(user, query)
        assert api_filtered(client, query) == expected, query
    # The queries are not trivially empty.
    assert len(page_filtered(user, "q=diaspora")) >= 4
    assert page_filtered(user, "partner=un-women")


def test_member_only_filters_are_ignored_for_the_public_as_on_the_pages(api, records):
    assert api_filtered(api, "review_state=draft") == page_filtered(AnonymousUser(), "")
