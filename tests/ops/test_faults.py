"""Bad input is a 400 with the reason; an unreachable database is a 503 that heals itself."""

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.test import Client

from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db

NUL_URLS = [
    "/partners/lookup/?q=a%00b",
    "/events/lookup/?q=a%00b",
    "/activities/?q=a%00b",
    "/activities/?a%00=1",
    "/api/activities/a%00b/",
    "/api/activities/?q=%00",
    "/admin/activities/activity/?q=a%00b",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_a_nul_character_anywhere_in_the_query_is_a_400_with_the_reason(client, url):
    ActivityFactory()
    response = client.get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json() == {
            "detail": "The request holds a NUL character, which no field accepts."
        }
    else:
        assert b"NUL character" in response.content


def test_a_nul_character_in_a_json_body_is_a_400(manager_client):
    from tests.api.conftest import token_client

    api = token_client(make_user("Managers", username="boss"))
    response = api.post("/api/partners/", {"name": "A\u0000B", "slug": "ab"}, format="json")
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_an_unknown_api_address_is_answered_in_json(client):
    response = client.get("/api/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_page_is_still_a_page_of_the_site(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert "There is nothing at this address, or nothing you may see." in response.content.decode()


def test_an_unknown_api_address_is_json_in_debug_mode_too(client, settings):
    settings.DEBUG = True
    response = client.get("/api/no-such-endpoint/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def database_away():
    """Every query fails as if the database server had gone away."""
    return mock.patch.object(
        type(connections["default"]),
        "_cursor",
        side_effect=OperationalError("connection to server at 127.0.0.1 failed"),
    )


@pytest.mark.parametrize("signed_in", [False, True])
def test_while_the_database_is_away_pages_and_api_answer_503_then_recover(signed_in):
    ActivityFactory(slug="kept")
    client = Client(raise_request_exception=False)
    if signed_in:
        client.force_login(make_user("Managers", username="boss"))
    with database_away():
        page = client.get("/activities/")
        api = client.get("/api/activities/")
        record = client.get("/activities/kept/")
    for response in (page, api, record):
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
    assert api.json() == {
        "detail": "The records cannot be reached at the moment. Please try again in a minute."
    }
    assert b"cannot be reached" in page.content
    # Back on the next request, with nothing to restart.
    assert client.get("/activities/").status_code == 200
    assert client.get("/api/activities/kept/").status_code == 200


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("url", ["/activities/export.csv", "/activities/export.xlsx"])
def test_while_the_database_is_away_an_export_answers_503_before_it_starts(signed_in, url):
    ActivityFactory(title="Kept", visibility="public")
    client = Client(raise_request_exception=False)
    if signed_in:
        client.force_login(make_user("Managers", username="boss"))
    with database_away():
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        assert not response.has_header("Content-Disposition")
    # Back on the next request, the whole file.
    again = client.get(url)
    assert again.status_code == 200
    if url.endswith(".csv"):
        assert "Kept" in b"".join(again.streaming_content).decode()
