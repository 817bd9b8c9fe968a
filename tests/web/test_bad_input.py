"""Wrong values in the URL give a form error, an empty list or a 400, never a 500."""

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "year=abc",
    "year=20111",
    "year=-5",
    "year=2011.5",
    "year=",
    "date_after=2011-13-45",
    "date_before=yesterday",
    "date_after=2011-05-01&date_before=2010-01-01",
    "date_after=%00",
    "thematic_area=no-such-area",
    "thematic_area[]=x",
    "activity_type=../../etc/passwd",
    "partner=no-such-partner",
    "partner=%27%20OR%201%3D1--",
    "event=999999",
    "country=XX",
    "country=Narnia",
    "status=finished",
    "review_state=published",
    "visibility=secret",
    "sort=password",
    "sort=-created_by__password",
    "sort=title,title,title",
    "sort=title,relevance",
    "sort=,",
    "sort=,title",
    "sort=-date,relevance,title",
    "page=0",
    "page=-1",
    "page=abc",
    "page=999999",
    "page=1e9",
    "q=" + "x" * 500,
    "q=%F0%9F%98%80%00",
    "q=<script>alert(1)</script>",
    "year=2011&year=abc",
    "unknown=1",
    "%ff=%fe",
]


@pytest.fixture(autouse=True)
def some_activities():
    ActivityFactory.create_batch(3)


@pytest.mark.parametrize("query", BAD_QUERIES)
@pytest.mark.parametrize(
    "url_name", ["activities:list", "activities:export-csv", "activities:export-xlsx"]
)
def test_bad_query_strings_never_fail(client, url_name, query):
    response = client.get(f"{reverse(url_name)}?{query}")
    assert response.status_code in (200, 400), response.status_code
    if "%00" in query:
        # No field accepts a NUL character: refused with the reason before any view runs.
        assert response.status_code == 400
        assert b"NUL character" in response.content
    elif url_name == "activities:list":
        assert response.status_code == 200


@pytest.mark.parametrize("query", ["year=abc", "date_after=2011-13-45", "partner=no-such-partner"])
def test_a_wrong_filter_shows_its_message_next_to_the_field_and_no_rows(client, query):
    response = client.get(f"{reverse('activities:list')}?{query}")
    assert response.context["filter"].errors
    assert list(response.context["activities"]) == []
    assert 'class="errorlist"' in response.content.decode()
    # No download is offered that would only answer the same error.
    assert "export.csv" not in response.content.decode()


def test_a_wrong_filter_on_an_export_is_a_400_naming_the_field(client):
    response = client.get(reverse("activities:export-csv") + "?year=abc")
    assert response.status_code == 400
    assert "year: Enter a whole number." in response.content.decode()


def test_script_in_the_search_box_is_shown_as_text(client):
    html = client.get(reverse("activities:list") + "?q=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("query", ["year=abc", "year=1800", "year=", "year=2011&x=1"])
def test_the_dashboard_survives_bad_years(client, query):
    assert client.get("/?" + query).status_code == 200


def test_the_dashboard_refuses_a_nul_character_with_the_reason(client):
    response = client.get("/?year=2011&x=%00")
    assert response.status_code == 400
    assert b"NUL character" in response.content


def test_staff_text_is_escaped_on_every_page(client):
    activity = ActivityFactory(title="<b>bold</b>", summary="<img src=x onerror=alert(1)>")
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "<img src=x" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_a_reversed_date_range_is_explained_not_answered_with_nothing(client):
    response = client.get(
        reverse("activities:list"), {"date_after": "2012-01-01", "date_before": "2011-01-01"}
    )
    assert "The first date is after the second" in response.content.decode()
    export = client.get(
        reverse("activities:export-csv"), {"date_after": "2012-01-01", "date_before": "2011-01-01"}
    )
    assert export.status_code == 400


def test_browsers_asking_for_favicon_ico_get_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
