"""The activity list: filters in the URL, kept by the form, the pages and the sort."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    ActivityTypeFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("activities:list")


def titles(response):
    return [a.title for a in response.context["activities"]]


def test_search_finds_title_summary_and_partner_names(client):
    ActivityFactory(title="Workshop on remittances")
    ActivityFactory(title="Panel", summary="A discussion of remittances and gender.")
    by_partner = ActivityFactory(title="Meeting in The Hague")
    ActivityPartnerFactory(activity=by_partner, partner=PartnerFactory(name="Oxfam Novib"))
    ActivityFactory(title="Unrelated")
    assert sorted(titles(client.get(LIST, {"q": "remittances"}))) == [
        "Panel",
        "Workshop on remittances",
    ]
    assert titles(client.get(LIST, {"q": "novib"})) == ["Meeting in The Hague"]


def test_each_filter_narrows_the_list(client):
    area = ThematicAreaFactory(slug="psea")
    narrower = ThematicAreaFactory(slug="psea-training", parent=area)
    training = ActivityTypeFactory(name="Training", slug="training")
    event = EventFactory(slug="csw-55")
    partner = PartnerFactory(slug="un-women")
    target = ActivityFactory(
        title="Target",
        start_date=datetime.date(2011, 5, 17),
        activity_type=training,
        country="AT",
        status="ongoing",
        event=event,
    )
    target.thematic_areas.add(narrower)
    ActivityPartnerFactory(activity=target, partner=partner)
    ActivityFactory(title="Other", start_date=datetime.date(2010, 3, 1), country="CH")

    for query in [
        {"year": "2011"},
        {"date_after": "2011-05-01", "date_before": "2011-05-31"},
        {"thematic_area": "psea"},
        {"thematic_area": "psea-training"},
        {"activity_type": "training"},
        {"partner": "un-women"},
        {"event": "csw-55"},
        {"country": "AT"},
        {"status": "ongoing"},
    ]:
        assert titles(client.get(LIST, query)) == ["Target"], query


def test_the_form_keeps_the_filters_and_pagination_keeps_them_too(client):
    ActivityFactory.create_batch(30, title="Workshop", start_date=datetime.date(2011, 1, 5))
    response = client.get(LIST, {"q": "Workshop", "year": "2011"})
    html = response.content.decode()
    assert 'value="Workshop"' in html
    assert 'value="2011"' in html
    assert "?q=Workshop&amp;year=2011&amp;page=2" in html
    second = client.get(LIST, {"q": "Workshop", "year": "2011", "page": "2"})
    assert len(second.context["activities"]) == 5
    assert "export.csv?q=Workshop&amp;year=2011" in second.content.decode()


def test_sorting_by_title_and_by_date(client):
    ActivityFactory(title="Beta", start_date=datetime.date(2011, 1, 1))
    ActivityFactory(title="Alpha", start_date=datetime.date(2010, 1, 1))
    ActivityFactory(title="Gamma", start_date=datetime.date(2012, 1, 1))
    assert titles(client.get(LIST)) == ["Gamma", "Beta", "Alpha"]
    assert titles(client.get(LIST, {"sort": "title"})) == ["Alpha", "Beta", "Gamma"]
    assert titles(client.get(LIST, {"sort": "-title"})) == ["Gamma", "Beta", "Alpha"]
    assert titles(client.get(LIST, {"sort": "date"})) == ["Alpha", "Beta", "Gamma"]


def test_review_filters_are_offered_to_staff_only(client, viewer):
    html = client.get(LIST).content.decode()
    assert 'name="review_state"' not in html
    assert 'name="visibility"' not in html
    client.force_login(viewer)
    html = client.get(LIST).content.decode()
    assert 'name="review_state"' in html
    assert 'value="confidential"' not in html  # viewers never see confidential records


def test_managers_filter_by_review_state_and_visibility(client, manager):
    ActivityFactory(title="Draft", review_state="draft", visibility="confidential")
    ActivityFactory(title="Published")
    client.force_login(manager)
    response = client.get(LIST, {"review_state": "draft", "visibility": "confidential"})
    assert titles(response) == ["Draft"]


def test_an_anonymous_review_state_filter_is_ignored_not_obeyed(client):
    ActivityFactory(title="Draft", review_state="draft")
    ActivityFactory(title="Published")
    assert titles(client.get(LIST, {"review_state": "draft"})) == ["Published"]


def test_the_partner_filter_is_a_text_box_not_a_select(client):
    PartnerFactory.create_batch(40)
    html = client.get(LIST).content.decode()
    assert '<input type="text" name="partner"' in html
    assert html.count("<option") < 300  # countries and the small lists only


def test_lookups_suggest_partners_and_events(client):
    oxfam = PartnerFactory(name="Oxfam Novib", slug="oxfam-novib", acronym="")
    iwd = EventFactory(name="International Women’s Day 2011", slug="iwd-2011")
    ActivityPartnerFactory(activity=ActivityFactory(event=iwd), partner=oxfam)
    assert client.get(reverse("partners:lookup"), {"q": "oxf"}).json() == {
        "results": [{"value": "oxfam-novib", "label": "Oxfam Novib"}]
    }
    assert client.get(reverse("activities:event-lookup"), {"q": "women"}).json()["results"] == [
        {"value": "iwd-2011", "label": "International Women’s Day 2011"}
    ]
    assert client.get(reverse("partners:lookup"), {"q": "o"}).json() == {"results": []}


def test_cached_counts_and_filters_follow_every_write(client, settings):
    settings.GCU_PAGE_CACHE = True
    ActivityFactory(title="First")
    assert client.get(LIST).context["paginator"].count == 1
    assert client.get(LIST).context["paginator"].count == 1
    second = ActivityFactory(title="Second")
    assert client.get(LIST).context["paginator"].count == 2
    second.visibility = "confidential"
    second.save()
    response = client.get(LIST)
    assert response.context["paginator"].count == 1
    assert "Second" not in response.content.decode()


def test_cached_counts_are_kept_apart_for_each_role(client, manager, settings):
    settings.GCU_PAGE_CACHE = True
    ActivityFactory(title="Public")
    ActivityFactory(title="Secret", visibility="confidential")
    assert client.get(LIST).context["paginator"].count == 1
    client.force_login(manager)
    assert client.get(LIST).context["paginator"].count == 2
    client.logout()
    assert client.get(LIST).context["paginator"].count == 1


def test_viewers_are_never_offered_confidential_even_after_the_field_was_built(rf, viewer):
    from activities.filters import ActivityFilter

    ActivityFilter.base_filters["visibility"].field  # noqa: B018 - builds the field on the class
    request = rf.get(LIST)
    request.user = viewer
    choices = dict(ActivityFilter(request.GET, request=request).form.fields["visibility"].choices)
    assert "confidential" not in choices
    vars(ActivityFilter.base_filters["visibility"]).pop("_field", None)


def test_each_request_gets_filters_of_its_own_and_the_class_keeps_none_of_them(rf, manager):
    """Filters are copied shallowly for speed: what one request sets on its filters (the
    reader, the field with its registry) must never reach the class or the next request."""
    from django.contrib.auth.models import AnonymousUser

    from activities.filters import ActivityFilter

    before = {name: dict(vars(f)) for name, f in ActivityFilter.base_filters.items()}
    hidden = PartnerFactory(name="Hidden partner", slug="hidden-partner")
    ActivityPartnerFactory(activity=ActivityFactory(visibility="confidential"), partner=hidden)
    seen = {}
    for name, user in (("manager", manager), ("anonymous", AnonymousUser())):
        request = rf.get(LIST, {"partner": "hidden-partner", "q": "partner"})
        request.user = user
        filterset = ActivityFilter(request.GET, request=request)
        filterset.is_valid()
        seen[name] = filterset
        assert filterset.filters["q"].filter.f.parent is filterset
    assert "partner" not in seen["manager"].errors
    assert "partner" in seen["anonymous"].errors
    assert {name: vars(f) for name, f in ActivityFilter.base_filters.items()} == before
