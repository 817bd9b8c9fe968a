"""Every page carries the security headers and a Content Security Policy with no inline script."""

import base64
import hashlib
import re

import pytest
from django.test import override_settings

from reports import services

pytestmark = pytest.mark.django_db

SLUG = "osce-ilo-gender-labour-migration-training-2011"

PUBLIC_PAGES = [
    "/",
    "/activities/",
    "/activities/?year=2011&thematic_area=migration-development",
    f"/activities/{SLUG}/",
    "/areas/migration-development/",
    "/activities/no-such-activity/",
    "/reports/",
    "/reports/2011/",
    "/api/activities/",
    "/api/docs/",
    "/accounts/login/",
    # The admin's sign-in, which is the site's (/admin/login/ leads there).
    "/accounts/login/?next=/admin/",
    "/accounts/password/reset/",
]

# Script that runs without being fetched from our own files: inline elements, event
# handler attributes and javascript: links. JSON data blocks are not run, so they are fine.
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
    r"|\son[a-z]+\s*=|javascript:",
    re.IGNORECASE,
)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


@pytest.fixture
def published(sample_report, manager):
    """The 2011 records, and the 2011 report issued so that anyone may read it."""
    return services.mark_final(report=sample_report, user=manager)


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_security_headers(response):
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_every_page_has_a_policy_that_allows_only_our_own_scripts(client, published):
    for path in PUBLIC_PAGES:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert_security_headers(response)
        directives = policy(response)
        assert directives["default-src"] == ["'self'"], path
        assert directives["script-src"] == ["'self'"], path
        assert directives["style-src"] == ["'self'"], path
        assert directives["object-src"] == ["'none'"], path
        assert directives["frame-ancestors"] == ["'none'"], path
        assert not any("unsafe" in source for v in directives.values() for source in v), path


def test_no_page_needs_inline_script_or_style(client, published):
    for path in PUBLIC_PAGES:
        response = client.get(path)
        if "html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        inline_script = INLINE_SCRIPT.search(html)
        assert not inline_script, f"{path}: {inline_script.group(0)}"
        inline_style = INLINE_STYLE.search(html)
        assert not inline_style, f"{path}: {inline_style.group(0)}"


def test_staff_pages_and_the_admin_have_the_policy_too(client, published):
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(boss)
    for path in (
        "/activities/?review_state=draft",
        "/admin/",
        "/admin/activities/activity/",
        "/admin/activities/activity/add/",
        "/admin/reports/annualreport/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response)
        assert policy(response)["script-src"] == ["'self'"], path
        assert not INLINE_SCRIPT.search(response.content.decode()), path


def test_the_report_file_keeps_its_own_policy_allowing_exactly_its_inline_style(client, published):
    response = client.get("/reports/2011/export.html")
    assert response.status_code == 200
    html = response.content.decode()
    styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    assert styles, "the standalone file carries its CSS inline"
    hashes = [
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in styles
    ]
    assert policy(response) == {"default-src": ["'none'"], "style-src": hashes}
    assert "<script" not in html
    assert response["X-Frame-Options"] == "DENY"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https_but_the_health_check_is_not(client):
    response = client.get("/activities/?year=2011")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/activities/?year=2011"
    assert client.get("/healthz").status_code == 200


@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SECURE_HSTS_PRELOAD=True,
)
def test_behind_the_proxy_https_requests_are_served_with_hsts(client):
    response = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_session_and_csrf_cookies_are_secure_and_hidden_from_scripts(client, viewer):
    client.get("/accounts/login/", secure=True)
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    response = client.post(
        "/accounts/login/",
        {"username": "viewer", "password": "correct horse battery"},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] == "Lax"
