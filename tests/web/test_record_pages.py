"""Record pages show every fact and only what the visitor may see."""

import pytest
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


@pytest.fixture
def rich_activity():
    event = EventFactory(name="Fourth United Nations Conference on the Least Developed Countries")
    area = ThematicAreaFactory(name="Remittances")
    activity = ActivityFactory(
        title="Special event on remittances",
        city="Vienna",
        country="AT",
        event=event,
        participants_total=40,
        participants_women=25,
        participants_men=15,
    )
    activity.thematic_areas.add(area)
    ActivityPartnerFactory(
        activity=activity, partner=PartnerFactory(name="UN-Women", acronym=""), role="co_host"
    )
    OutputFactory(activity=activity, title="Roll-up panel display", kind="other")
    return activity


def test_the_activity_page_shows_every_fact(client, rich_activity):
    html = client.get(rich_activity.get_absolute_url()).content.decode()
    for fact in [
        "Special event on remittances",
        "17 May 2011",
        "Vienna, Austria",
        "Remittances",
        "Fourth United Nations Conference on the Least Developed Countries",
        "UN-Women</a> — Co-host",
        "Roll-up panel display",
        "women: 25, men: 15",
    ]:
        assert fact in html, fact
    assert "History of changes" not in html


def test_staff_get_a_history_link(client, manager, rich_activity):
    client.force_login(manager)
    html = client.get(rich_activity.get_absolute_url()).content.decode()
    assert reverse("admin:activities_activity_history", args=[rich_activity.pk]) in html


def test_hidden_activities_are_not_found(client, viewer):
    confidential = ActivityFactory(visibility="confidential")
    draft = ActivityFactory(review_state="draft")
    internal = ActivityFactory(visibility="internal")
    for activity in (confidential, draft, internal):
        assert client.get(activity.get_absolute_url()).status_code == 404
    client.force_login(viewer)
    assert client.get(internal.get_absolute_url()).status_code == 200
    assert client.get(confidential.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("kind", ["area", "event", "partner"])
def test_record_pages_list_only_visible_activities(client, kind):
    record = {
        "area": ThematicAreaFactory,
        "event": EventFactory,
        "partner": PartnerFactory,
    }[kind]()
    shown = ActivityFactory(title="Shown activity")
    hidden = ActivityFactory(title="Hidden activity", visibility="confidential")
    for activity in (shown, hidden):
        if kind == "area":
            activity.thematic_areas.add(record)
        elif kind == "event":
            activity.event = record
            activity.save()
        else:
            ActivityPartnerFactory(activity=activity, partner=record)
    url = {
        "area": reverse("activities:thematic-area", args=[record.slug]),
        "event": reverse("activities:event", args=[record.slug]),
        "partner": reverse("partners:detail", args=[record.slug]),
    }[kind]
    response = client.get(url)
    html = response.content.decode()
    assert "Shown activity" in html
    assert "Hidden activity" not in html
    assert "1 activity" in html


def test_an_area_page_includes_its_narrower_areas(client):
    broad = ThematicAreaFactory(name="Gender, migration and development")
    narrow = ThematicAreaFactory(name="Remittances", parent=broad)
    ActivityFactory(title="Remittances meeting").thematic_areas.add(narrow)
    html = client.get(reverse("activities:thematic-area", args=[broad.slug])).content.decode()
    assert "Remittances meeting" in html


@pytest.mark.parametrize(
    "url", ["/activities/no-such-thing/", "/areas/nope/", "/events/nope/", "/partners/nope/"]
)
def test_unknown_slugs_are_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("address", ["javascript:alert(1)", " JavaScript:alert(1)", "data:,x"])
def test_a_stored_script_address_is_never_a_link(client, address):
    # The forms refuse such addresses; one stored another way is shown as text.
    partner = PartnerFactory(name="Partner with a website", website=address)
    activity = ActivityFactory(title="With outputs")
    ActivityPartnerFactory(activity=activity, partner=partner)
    OutputFactory(activity=activity, title="A scripted output", url=address)
    OutputFactory(activity=activity, title="A real output", url="https://example.org/paper.pdf")
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "<cite>A scripted output</cite>" in page
    assert '<a href="https://example.org/paper.pdf" rel="noopener">A real output</a>' in page
    partner_page = client.get(partner.get_absolute_url()).content.decode()
    assert partner.website.strip() in partner_page
    for html in (page, partner_page):
        assert 'href="javascript' not in html.lower()
        assert 'href=" javascript' not in html.lower()
        assert 'href="data:' not in html
