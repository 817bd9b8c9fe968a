"""Unknown slugs, years and pages answer 404 in JSON, for reads and writes alike."""

import pytest

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = ["activities", "thematic-areas", "activity-types", "partners", "events"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("slug", ["no-such-record", "12345", "a.b", "%C3%A9t%C3%A9"])
def test_an_unknown_slug_is_404(api, endpoint, slug):
    response = api.get(f"/api/{endpoint}/{slug}/")
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_slug_with_a_nul_character_is_a_400_in_json(api, endpoint):
    response = api.get(f"/api/{endpoint}/a%00b/")
    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_writing_to_an_unknown_slug_is_404(manager_api, endpoint):
    url = f"/api/{endpoint}/no-such-record/"
    assert manager_api.patch(url, {"title": "x"}).status_code == 404
    assert manager_api.put(url, {}).status_code == 404
    assert manager_api.delete(url).status_code == 404
    # Nothing was made under that name either.
    assert manager_api.get(url).status_code == 404


@pytest.mark.parametrize("year", ["1999", "abc", "99999999999999999999999", "-1"])
def test_an_unknown_report_year_is_404(api, year):
    assert api.get(f"/api/reports/{year}/").status_code == 404


@pytest.mark.parametrize("page", ["2", "0", "-1", "abc", "999999", "99999999999999999999999"])
def test_a_page_beyond_the_end_or_malformed_is_404(api, page):
    ActivityFactory()
    response = api.get(f"/api/activities/?page={page}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}
