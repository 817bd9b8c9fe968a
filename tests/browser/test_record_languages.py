"""A record written in French with its title in English, entered in the admin and read in
each language: the reader's language where given, the original marked with its `lang`."""

import datetime
import os

import pytest

from activities import roles
from activities.models import Activity, ActivityType
from tests.browser.conftest import PASSWORD, sign_in, with_authenticator
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_a_french_record_is_entered_side_by_side_and_read_in_each_language(live_server, page):
    manager = with_authenticator(make_user(roles.MANAGERS, username="gestion"))
    manager.set_password(PASSWORD)
    manager.save()
    ActivityType.objects.get_or_create(slug="workshop", defaults={"name": "Workshop"})
    sign_in(page, live_server.url, "gestion")

    page.goto(f"{live_server.url}/admin/activities/activity/add/")
    english_title = page.locator("#id_title_en")
    # English by default: its own boxes are the title and summary at the top.
    assert not english_title.is_visible()
    assert page.locator("#id_title_fr").is_visible()
    page.locator("#id_original_language").select_option("fr")
    # The original's own boxes step aside once French is the original; English comes back.
    assert not page.locator("#id_title_fr").is_visible()
    assert english_title.is_visible()
    page.locator("#id_title").fill("Atelier sur la traite des personnes")
    page.locator("#id_activity_type").select_option(label="Workshop")
    page.locator("#id_summary").fill("L'Unité a animé un atelier.")
    english_title.fill("Workshop on trafficking in persons")
    page.locator("#id_start_date").fill("15/03/2012")
    page.locator("#id_visibility").select_option("public")
    shot(page, "record-languages-admin")
    page.locator("input[name=_save]").first.click()
    page.wait_for_load_state()
    activity = Activity.objects.get(title="Atelier sur la traite des personnes")
    assert (activity.original_language, activity.title_en) == (
        "fr",
        "Workshop on trafficking in persons",
    )
    # Approved (a move of its own, tested elsewhere), at an address of its own.
    Activity.objects.filter(pk=activity.pk).update(slug="atelier-traite", review_state="approved")

    for language, heading, lang in [
        ("fr", "Atelier sur la traite des personnes", None),
        ("en", "Workshop on trafficking in persons", None),
        ("es", "Atelier sur la traite des personnes", "fr"),
    ]:
        context = page.context.browser.new_context(locale=language)
        reader = context.new_page()
        reader.set_extra_http_headers({"Accept-Language": language})
        reader.goto(f"{live_server.url}/activities/atelier-traite/")
        h1 = reader.locator("h1")
        assert h1.inner_text() == heading
        assert h1.get_attribute("lang") == lang
        summary = reader.locator(".summary")
        assert summary.get_attribute("lang") == (None if language == "fr" else "fr")
        shot(reader, f"record-languages-page-{language}")
        reader.goto(f"{live_server.url}/activities/?year=2012")
        link = reader.get_by_role("link", name=heading)
        assert link.get_attribute("lang") == lang
        context.close()
    assert datetime.date(2012, 3, 15) == activity.start_date
