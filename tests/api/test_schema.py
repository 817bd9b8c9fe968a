"""The OpenAPI schema is valid and complete; the documentation page uses only our own files."""

import re

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import RequestFactory
from drf_spectacular.validation import validate_schema

from activities.filters import ActivityFilter
from activities.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)
    schemathesis.openapi.from_dict(schema).validate()


def test_the_schema_lists_every_endpoint(schema):
    paths = {path: set(methods) - {"parameters"} for path, methods in schema["paths"].items()}
    writable = {"get", "post", "put", "patch", "delete"}
    assert paths == {
        "/api/activities/": {"get", "post"},
        "/api/activities/{slug}/": writable - {"post"},
        "/api/activities/{slug}/submit/": {"post"},
        "/api/activities/{slug}/withdraw/": {"post"},
        "/api/activities/{slug}/approve/": {"post"},
        "/api/activities/{slug}/return/": {"post"},
        "/api/activities/{slug}/pending/": {"get"},
        "/api/thematic-areas/": {"get", "post"},
        "/api/thematic-areas/{slug}/": writable - {"post"},
        "/api/activity-types/": {"get", "post"},
        "/api/activity-types/{slug}/": writable - {"post"},
        "/api/partners/": {"get", "post"},
        "/api/partners/{slug}/": writable - {"post"},
        "/api/events/": {"get", "post"},
        "/api/events/{slug}/": writable - {"post"},
        "/api/reports/": {"get"},
        "/api/reports/{year}/": {"get"},
        "/api/focal-points/": {"get"},
        "/api/focal-points/{id}/": {"get"},
        "/api/commitments/": {"get"},
        "/api/commitments/{id}/": {"get"},
    }


def test_the_schema_declares_the_error_answers(schema):
    activities = schema["paths"]["/api/activities/"]
    assert set(activities["get"]["responses"]) == {"200", "400", "401", "404"}
    assert set(activities["post"]["responses"]) == {"201", "400", "401", "403", "409"}
    detail = schema["paths"]["/api/activities/{slug}/"]
    # Every operation may answer 400: to a `lang` that is not en, fr or es.
    assert set(detail["get"]["responses"]) == {"200", "400", "401", "404"}
    assert set(detail["delete"]["responses"]) == {"204", "400", "401", "403", "404", "409", "412"}
    assert set(detail["patch"]["responses"]) == {
        "200",
        "202",
        "400",
        "401",
        "403",
        "404",
        "409",
        "412",
        "428",
    }
    approve = schema["paths"]["/api/activities/{slug}/approve/"]["post"]
    assert {"200", "401", "403", "404", "409"} <= set(approve["responses"])
    assert {} in activities["get"]["security"], "anonymous reads are allowed"
    assert {} not in activities["post"]["security"]


def test_every_operation_documents_the_language_of_its_names(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            lang = [p for p in operation.get("parameters", []) if p["name"] == "lang"]
            assert len(lang) == 1, (method, path)
            assert lang[0]["in"] == "query"
            assert sorted(lang[0]["schema"]["enum"]) == ["en", "es", "fr"]


def test_the_schema_documents_the_pages_filters(schema):
    parameters = {p["name"] for p in schema["paths"]["/api/activities/"]["get"]["parameters"]}
    assert parameters >= {
        "q",
        "year",
        "date_after",
        "date_before",
        "thematic_area",
        "activity_type",
        "partner",
        "event",
        "country",
        "status",
        "review_state",
        "visibility",
        "sort",
        "page",
        "page_size",
    }


def test_the_documentation_page_has_no_inline_script_and_no_external_url(api):
    response = api.get("/api/docs/")
    assert response.status_code == 200
    assert "unsafe-inline" not in response.headers.get("Content-Security-Policy", "")
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
    assert scripts, "the page loads Swagger UI"
    for attributes, body in scripts:
        assert "src=" in attributes and not body.strip()
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    for url in re.findall(r"(?:src|href)=\"([^\"]+)\"", html):
        assert url.startswith(("/static/", "/api/docs/")), url


def test_the_documentation_script_and_static_files_are_served(api):
    script = api.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()
    for name in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        assert finders.find(f"drf_spectacular_sidecar/swagger-ui-dist/{name}"), name


def test_building_the_schema_leaves_the_pages_filters_as_they_were(api, viewer):
    api.get("/api/schema/")
    request = RequestFactory().get("/activities/")
    request.user = viewer
    filterset = ActivityFilter(request=request, queryset=Activity.objects.none())
    choices = [value for value, _label in filterset.form.fields["visibility"].choices]
    assert "confidential" not in choices


def test_the_schema_builds_without_warnings(tmp_path):
    # `check --deploy` builds the schema too and fails on its warnings.
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(tmp_path / "s.yml"))
