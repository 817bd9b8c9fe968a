"""The list pages' table and filter form, written in Python, are the templates' HTML byte for byte.

Every page is drawn twice over the 2011 sample records, once as served and once through the
templates `includes/activity_table.html` and `includes/filter_form.html` with Django's own
widget templates (bench/reference.py), for every role, filter, error and language.
"""

import re

import pytest
from django import forms
from django.utils import translation

from activities import roles
from activities.models import Activity, Event, ThematicArea
from bench.reference import plain_paths
from core.widgets import QuickNumberInput, QuickTextInput
from partners.models import Partner
from tests.factories import ActivityFactory, make_user

# A new token is masked into every page: the one difference that is not the layout's.
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')

ROLES = [None, roles.VIEWERS, roles.DATA_ENTRY, roles.MANAGERS]

QUERIES = [
    "",
    "page=2",
    "page=3",
    "q=migrant",
    "q=women&sort=relevance",
    "year=2011&sort=title",
    "sort=-date",
    "thematic_area=psea",
    "country=CH",
    "status=completed&activity_type=workshop",
    "date_after=2011-03-01&date_before=2011-06-30",
    "date_after=2011-06-01",
    "date_after=2011-06-30&date_before=2011-03-01",
    "date_after=2011-13-45",
    "year=abc&partner=unknown-partner",
    "event=no-such-event",
    "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27",
    "review_state=submitted",
    "visibility=internal",
    "country=%3Cb%3E&status=%22",
]


@pytest.fixture
def tricky(sample_records, db):
    """A record whose every text needs escaping, in each state a badge can show."""
    area = ThematicArea.objects.create(name='Rights & "quotes" <b>', slug="rights-quotes")
    for state, visibility in [("approved", "public"), ("submitted", "internal")]:
        activity = ActivityFactory(
            title=f'Tom & Jerry\'s <em>"{state}"</em>',
            city="Côte d'Ivoire <city>",
            review_state=state,
            visibility=visibility,
        )
        activity.thematic_areas.add(area, ThematicArea.objects.order_by("pk").first())
    ActivityFactory(title="No city", city="", country="CI")
    # Titles in other languages: shown in the reader's, or the original marked with its lang.
    ActivityFactory(
        title="Atelier « Tom & Jerry »",
        original_language="fr",
        title_en='Workshop "Tom & Jerry" <en>',
        title_es="Taller <es>",
    )
    ActivityFactory(title="Taller regional", original_language="es", title_fr="Atelier & co")
    ActivityFactory(title="No place", city="", country="")


def both(client, url, **headers):
    served = client.get(url, **headers)
    with plain_paths():
        plain = client.get(url, **headers)
    assert served.status_code == plain.status_code == 200
    return CSRF.sub("", served.content.decode()), CSRF.sub("", plain.content.decode())


@pytest.mark.parametrize("role", ROLES)
def test_the_list_is_the_templates_html_for_every_role_and_filter(client, tricky, role):
    if role is not None:
        client.force_login(make_user(role, username="reader"))
    for query in QUERIES:
        served, plain = both(client, f"/activities/?{query}")
        assert served == plain, query
    assert "Tom &amp; Jerry&#x27;s &lt;em&gt;" in both(client, "/activities/?q=jerry")[0]


def test_every_page_of_the_whole_sample_is_the_same(client, tricky, manager):
    client.force_login(manager)
    pages = -(-Activity.objects.count() // 25)
    assert pages >= 2
    for page in range(1, pages + 1):
        served, plain = both(client, f"/activities/?page={page}")
        assert served == plain, page
        assert served.count("<tr>") >= 2


@pytest.mark.parametrize("language", ["fr", "es"])
def test_the_list_is_the_same_in_each_language(client, tricky, manager, language):
    client.force_login(manager)
    for query in ["", "year=abc", "date_after=2011-06-01"]:
        served, plain = both(client, f"/activities/?{query}", HTTP_ACCEPT_LANGUAGE=language)
        assert served == plain, query
        with translation.override(language):
            assert translation.gettext("Filter activities") in served
            assert query or f'<th scope="col">{translation.gettext("Dates")}</th>' in served


def test_the_record_pages_tables_are_the_same(client, tricky):
    area = ThematicArea.objects.get(slug="rights-quotes")
    event = Event.objects.filter(activities__isnull=False).first()
    partner = Partner.objects.filter(roles__isnull=False).first()
    for url in [area.get_absolute_url(), event.get_absolute_url(), partner.get_absolute_url()]:
        served, plain = both(client, url)
        assert served == plain, url


def test_an_empty_list_is_the_same(client, tricky):
    served, plain = both(client, "/activities/?q=nothingmatchesthisword")
    assert served == plain
    assert '<p class="empty">' in served


def test_the_rows_link_without_reversing_each_address(client, tricky, monkeypatch):
    """One reverse() per kind of link on the page, not one per row."""
    from web import fragments

    calls = []
    real = fragments.slug_url
    monkeypatch.setattr(fragments, "slug_url", lambda name: calls.append(name) or real(name))
    response = client.get("/activities/")
    assert sorted(calls) == ["activities:detail", "activities:thematic-area"]
    assert response.content.decode().count('<td><a href="/activities/') == 25


@pytest.mark.parametrize(
    ("quick", "plain"), [(QuickTextInput, forms.TextInput), (QuickNumberInput, forms.NumberInput)]
)
@pytest.mark.parametrize("value", [None, "", "migrant", '<b>"x" & y</b>', 2011])
@pytest.mark.parametrize(
    "attrs",
    [None, {"id": "id_q", "maxlength": "200", "aria-describedby": "id_q_help"}, {"required": True}],
)
def test_the_quick_inputs_write_djangos_html_exactly(quick, plain, value, attrs):
    extra = {"min": 1990, "max": 2100, "autocomplete": "off", "disabled": False}
    assert quick(attrs=extra).render("q", value, attrs) == plain(attrs=extra).render(
        "q", value, attrs
    )
