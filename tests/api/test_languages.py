"""The API names registries in the language `?lang=` asks for (the request's otherwise,
English by default), refuses any other `lang` with a JSON 400, and writes names in English."""

import pytest

from partners.models import Partner
from tests.web.test_registry_names_shown import (
    ACRONYM,
    AREA,
    EVENT,
    PARTNER,
    SECTION,
    TYPE,
    filed_in_three_languages,
    named,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return filed_in_three_languages()


def names_in(row):
    return {
        "type": row["activity_type"]["name"],
        "areas": [area["name"] for area in row["thematic_areas"]],
        "partner": row["partners"][0]["partner"]["name"],
        "acronym": row["partners"][0]["partner"]["acronym"],
        "event": row["event"]["name"],
        "section": row["report_section"]["name"],
    }


def expected(language):
    return {
        "type": named(TYPE, language),
        "areas": [named(AREA, language)],
        "partner": named(PARTNER, language),
        "acronym": named(ACRONYM, language),
        "event": named(EVENT, language),
        "section": named(SECTION, language),
    }


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_list_and_a_record_name_registries_in_the_language_asked_for(api, record, language):
    listed = api.get("/api/activities/", {"lang": language}).json()["results"][0]
    one = api.get(f"/api/activities/{record.slug}/", {"lang": language}).json()
    assert names_in(listed) == names_in(one) == expected(language)


def test_without_lang_the_api_speaks_the_requests_language_english_by_default(api, record):
    assert names_in(api.get("/api/activities/").json()["results"][0]) == expected("en")
    french = api.get("/api/activities/", HTTP_ACCEPT_LANGUAGE="fr").json()["results"][0]
    assert names_in(french) == expected("fr")
    # lang wins over the request's language.
    asked = api.get("/api/activities/", {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="es").json()
    assert names_in(asked["results"][0]) == expected("en")


@pytest.mark.parametrize(
    ("endpoint", "field", "names"),
    [
        ("/api/partners/", "name", PARTNER),
        ("/api/partners/", "acronym", ACRONYM),
        ("/api/thematic-areas/", "name", AREA),
        ("/api/activity-types/", "name", TYPE),
        ("/api/events/", "name", EVENT),
    ],
)
def test_the_registries_endpoints_answer_in_the_language_asked_for(
    api, record, endpoint, field, names
):
    for language in ("en", "fr", "es"):
        rows = api.get(endpoint, {"lang": language}).json()["results"]
        assert [row[field] for row in rows] == [named(names, language)], language


@pytest.mark.parametrize("lang", ["de", "", "FR", "fr-CA", "x" * 500, "<b>", "1", "en,fr"])
@pytest.mark.parametrize(
    "endpoint",
    [
        "/api/activities/",
        "/api/activities/regional-consultation/",
        "/api/partners/",
        "/api/partners/ilo/",
        "/api/thematic-areas/",
        "/api/reports/",
        "/api/focal-points/",
        "/api/commitments/",
    ],
)
def test_an_unknown_lang_is_a_json_400_naming_the_parameter(manager_api, record, endpoint, lang):
    response = manager_api.get(endpoint, {"lang": lang})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "en, fr or es" in response.json()["lang"][0]


def test_names_are_written_in_english_whatever_the_request_speaks(manager_api, record):
    created = manager_api.post(
        "/api/partners/",
        {"name": "Global Migration Group", "acronym": "GMG", "slug": "gmg", "kind": "inter_agency"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert created.status_code == 201, created.json()
    gmg = Partner.objects.get(slug="gmg")
    assert (gmg.name_en, gmg.acronym_en, gmg.name_fr) == ("Global Migration Group", "GMG", None)
    changed = manager_api.patch(
        "/api/partners/ilo/?lang=fr", {"acronym": "ILO-UN"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert changed.status_code == 200
    ilo = Partner.objects.get(slug="ilo")
    assert (ilo.acronym_en, ilo.acronym_fr, ilo.acronym_es) == ("ILO-UN", "OIT", "OIT")
    # The answer names it in the language asked for.
    assert changed.json()["acronym"] == "OIT"


def test_a_name_another_partner_has_in_english_is_refused_on_name(manager_api, record):
    response = manager_api.post(
        "/api/partners/",
        {"name": PARTNER[0], "slug": "other", "kind": "un_entity"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 400
    assert "name" in response.json()
