"""Pages, the admin and the API docs work in a real browser under the Content Security Policy."""

import pytest
from django.contrib.auth import get_user_model

from activities.models import Activity
from tests.browser.conftest import sign_in, with_authenticator

# serialized_rollback brings back the role groups that the migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLUG = "osce-ilo-gender-labour-migration-training-2011"


def watch_for_violations(page):
    """Chromium reports each refused script, style, image or frame on the console."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: violations.append(f"{page.url}: {error}"))
    return violations


def test_public_pages_load_everything_they_need(live_server, page, sample_data):
    violations = watch_for_violations(page)
    for path in (
        "/",
        "/activities/?year=2011&thematic_area=migration-development",
        f"/activities/{SLUG}/",
        "/accounts/login/",
    ):
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_partner_lookup_script_runs(live_server, page, sample_data):
    violations = watch_for_violations(page)
    page.goto(f"{live_server.url}/activities/")
    page.get_by_label("Partner").fill("OSC")
    page.locator("#id_partner-suggestions option").first.wait_for(state="attached")
    assert violations == []


def test_the_api_docs_render(live_server, page, sample_data):
    violations = watch_for_violations(page)
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() > 5
    assert violations == []


def test_the_admin_works(live_server, page, sample_data):
    with_authenticator(
        get_user_model().objects.create_superuser(
            "boss", "boss@example.org", "correct horse battery"
        )
    )
    violations = watch_for_violations(page)
    sign_in(page, live_server.url, "boss")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/activities/activity/")
    page.wait_for_load_state("networkidle")
    activity = Activity.objects.get(slug=SLUG)
    page.goto(f"{live_server.url}/admin/activities/activity/{activity.pk}/change/")
    page.wait_for_load_state("networkidle")
    # The autocomplete widgets are drawn by the admin's scripts: proof they ran.
    assert page.locator(".select2-container").count() > 0
    page.goto(f"{live_server.url}/admin/activities/activity/add/")
    page.wait_for_load_state("networkidle")
    assert violations == []
