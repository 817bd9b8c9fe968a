"""Lists and record pages run a fixed number of queries, whatever the number of rows."""

import pytest
from django.db import connection
from django.urls import reverse

from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    EventFactory,
    OutputFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db


def make_activities(count, area, partner, event):
    for activity in ActivityFactory.create_batch(count, event=event):
        activity.thematic_areas.add(area)
        ActivityPartnerFactory(activity=activity, partner=partner)
        OutputFactory(activity=activity)


@pytest.fixture
def records():
    return (
        ThematicAreaFactory(slug="area"),
        PartnerFactory(slug="un-women"),
        EventFactory(slug="csw"),
    )


@pytest.mark.parametrize("count", [3, 40])
def test_the_public_list_runs_four_queries(client, records, count, django_assert_num_queries):
    make_activities(count, *records)
    client.get(reverse("activities:list"))  # fills the cached area and type choices
    # 1 count, 1 page of activities with their type, 1 thematic areas of the page,
    # 1 countries of the activities the visitor may see (never cached per process: a
    # country known only from a hidden record must not linger in the filter)
    # (the area and type choices come from the cache, keyed by the data version)
    with django_assert_num_queries(4):
        response = client.get(reverse("activities:list"))
    assert len(response.context["activities"]) == min(count, 25)


@pytest.mark.parametrize("count", [3, 40])
def test_the_filtered_manager_list_stays_at_nine_queries(
    client, manager, records, count, django_assert_num_queries
):
    make_activities(count, *records)
    client.force_login(manager)
    query = {
        "q": "Activity",
        "year": "2011",
        "thematic_area": "area",
        "partner": "un-women",
        "event": "csw",
        "review_state": "approved",
        "sort": "title",
    }
    client.get(reverse("activities:list"), query)
    # 1 session, 1 user, 1 role groups, 1 partner by slug, 1 event by slug, 1 count,
    # 1 page of activities with their type, 1 thematic areas of the page, 1 countries
    with django_assert_num_queries(9):
        response = client.get(reverse("activities:list"), query)
    assert response.context["paginator"].count == count


@pytest.mark.parametrize("count", [2, 12])
def test_the_activity_page_runs_four_queries(client, records, count, django_assert_num_queries):
    area, partner, event = records
    activity = ActivityFactory(event=event)
    activity.thematic_areas.add(area)
    for _ in range(count):
        ActivityPartnerFactory(activity=activity)
        OutputFactory(activity=activity)
    # 1 activity with type, event, initiative, section and authors, 1 roles with partners,
    # 1 outputs, 1 thematic areas
    with django_assert_num_queries(4):
        client.get(activity.get_absolute_url())


@pytest.mark.parametrize("count", [3, 40])
@pytest.mark.parametrize("kind", ["area", "event", "partner"])
def test_record_pages_run_four_queries(client, records, count, kind, django_assert_num_queries):
    area, partner, event = records
    make_activities(count, area, partner, event)
    url = {
        "area": reverse("activities:thematic-area", args=[area.slug]),
        "event": reverse("activities:event", args=[event.slug]),
        "partner": reverse("partners:detail", args=[partner.slug]),
    }[kind]
    # area: 1 area, 1 its narrower areas; event and partner: 1 record; then 1 count,
    # 1 page of activities with their type, 1 thematic areas of the page
    with django_assert_num_queries(5 if kind == "area" else 4):
        client.get(url)


@pytest.mark.parametrize("count", [3, 40])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    client, records, count, django_assert_num_queries
):
    make_activities(count, *records)
    if connection.vendor == "postgresql":
        client.get("/")  # computes and keeps the year's figures
        # 1 first and last year, 1 the kept figures of the year and 1 of the year before,
        # 1 each for the names of areas, types and partners
        with django_assert_num_queries(6):
            client.get("/")
    else:
        # SQLite keeps nothing: 1 first and last year, 5 figures for each of the two
        # years, 3 names
        with django_assert_num_queries(14):
            client.get("/")


def test_a_repeat_visit_with_the_page_cache_costs_no_query(
    client, records, settings, django_assert_num_queries
):
    settings.GCU_PAGE_CACHE = True
    make_activities(30, *records)
    client.get(reverse("activities:list"), {"page": "2"})
    # Count, filter form and rows all come from the cache for this data version.
    with django_assert_num_queries(0):
        response = client.get(reverse("activities:list"), {"page": "2"})
    assert "Activity" in response.content.decode()


def test_the_cached_dashboard_costs_no_query_until_a_write(
    client, records, settings, django_assert_num_queries
):
    settings.GCU_PAGE_CACHE = True
    make_activities(5, *records)
    client.get("/")
    with django_assert_num_queries(0):
        client.get("/")
    ActivityFactory(title="New one")
    response = client.get("/")
    assert response.context["count"] == 6
