"""API lists and details run a fixed number of queries, whatever the number of rows."""

import pytest

from reports.models import AnnualReport
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    EventFactory,
    InitiativeFactory,
    OutputFactory,
    PartnerFactory,
    ReportSectionFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def related():
    return {
        "area": ThematicAreaFactory(slug="area"),
        "partner": PartnerFactory(slug="un-women"),
        "event": EventFactory(slug="csw"),
        "initiative": InitiativeFactory(),
        "section": ReportSectionFactory(),
    }


def make_activities(count, related):
    for activity in ActivityFactory.create_batch(
        count,
        event=related["event"],
        initiative=related["initiative"],
        report_section=related["section"],
    ):
        activity.thematic_areas.add(related["area"], ThematicAreaFactory())
        ActivityPartnerFactory(activity=activity, partner=related["partner"])
        ActivityPartnerFactory(activity=activity)
        OutputFactory(activity=activity)


@pytest.mark.parametrize("count", [3, 30])
def test_the_public_activity_list_runs_five_queries(api, related, count, django_assert_num_queries):
    make_activities(count, related)
    # 1 count, 1 page of activities with type, event, initiative and section,
    # 1 thematic areas, 1 partner roles with their partners, 1 outputs
    with django_assert_num_queries(5):
        response = api.get("/api/activities/")
    assert len(response.json()["results"]) == min(count, 25)


@pytest.mark.parametrize("count", [3, 30])
def test_the_filtered_manager_list_runs_nine_queries(
    manager_api, related, count, django_assert_num_queries
):
    make_activities(count, related)
    query = "q=Activity&year=2011&thematic_area=area&partner=un-women&event=csw&sort=title"
    manager_api.get(f"/api/activities/?{query}")  # fills the cached area choices
    # 1 token with its user, 1 role groups, 1 partner by slug, 1 event by slug, 1 count,
    # 1 page of activities, 1 thematic areas, 1 partner roles with partners, 1 outputs
    # (the area choices come from the cache, keyed by the data version)
    with django_assert_num_queries(9):
        response = manager_api.get(f"/api/activities/?{query}")
    assert response.json()["count"] == count


@pytest.mark.parametrize("count", [2, 12])
def test_an_activity_runs_four_queries(api, related, count, django_assert_num_queries):
    activity = ActivityFactory(event=related["event"], initiative=related["initiative"])
    activity.thematic_areas.add(related["area"])
    for _ in range(count):
        ActivityPartnerFactory(activity=activity)
        OutputFactory(activity=activity)
    # 1 activity with type, event, initiative and section, 1 thematic areas,
    # 1 partner roles with partners, 1 outputs
    with django_assert_num_queries(4):
        response = api.get(f"/api/activities/{activity.slug}/")
    assert len(response.json()["partners"]) == count


# The public reads partners and events that a published activity refers to; an organiser,
# a series or a parent body is named only when the public may know it too.
OTHER_LISTS = {
    # 1 count, 1 page of records with their parent joined
    "thematic-areas": 2,
    "activity-types": 2,
    "reports": 2,
    # 1 count, 1 page with parents joined, 1 ids of the partners the public may know
    "partners": 3,
    # 1 count, 1 page with series and organiser joined, 1 partner ids, 1 event ids
    "events": 4,
}


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("endpoint", list(OTHER_LISTS))
def test_the_other_lists_run_a_fixed_number_of_queries(
    api, endpoint, count, django_assert_num_queries
):
    parent_partner, series, broad = PartnerFactory(), EventFactory(), ThematicAreaFactory()
    ActivityPartnerFactory(activity=ActivityFactory(event=series), partner=parent_partner)
    for number in range(count):
        partner = PartnerFactory(parent=parent_partner)
        event = EventFactory(series=series, organiser=parent_partner)
        ThematicAreaFactory(parent=broad)
        activity = ActivityFactory(
            activity_type__slug=f"type-{number}", activity_type__name=f"T{number}", event=event
        )
        ActivityPartnerFactory(activity=activity, partner=partner)
        AnnualReport.objects.create(
            year=1990 + number,
            title=f"Report {number}",
            symbol=f"CRP/{number}",
            period_start=f"{1990 + number}-01-01",
            period_end=f"{1990 + number}-12-31",
            state="final",
            frozen_at="2012-01-01T00:00Z",
            frozen_html="<p>Issued</p>",
        )
    with django_assert_num_queries(OTHER_LISTS[endpoint]):
        response = api.get(f"/api/{endpoint}/")
    assert response.json()["count"] >= count


def test_a_repeat_api_list_with_the_page_cache_costs_no_query_until_a_write(
    client, related, settings, django_assert_num_queries
):
    settings.GCU_PAGE_CACHE = True
    make_activities(5, related)
    first = client.get("/api/activities/", {"page_size": 3})
    with django_assert_num_queries(0):
        again = client.get("/api/activities/", {"page_size": 3})
    assert again.json() == first.json()
    assert again.json()["next"].startswith("http://testserver/api/activities/?")

    # A record made confidential leaves the next anonymous answer at once.
    hidden = ActivityFactory(title="Soon confidential")
    assert "Soon confidential" in str(client.get("/api/activities/").json())
    hidden.visibility = "confidential"
    hidden.save()
    assert "Soon confidential" not in str(client.get("/api/activities/").json())


def test_the_api_cache_is_kept_apart_per_scope(client, related, settings):
    from activities import roles
    from tests.factories import make_user

    settings.GCU_PAGE_CACHE = True
    ActivityFactory(title="Internal one", visibility="internal")
    assert client.get("/api/activities/").json()["count"] == 0
    client.force_login(make_user(roles.VIEWERS, username="reader"))
    assert client.get("/api/activities/").json()["count"] == 1
    client.logout()
    assert client.get("/api/activities/").json()["count"] == 0
