"""Date boxes in a browser far from the server: the hint stays, no time-zone note, clear errors."""

import pytest

from activities import roles
from tests.browser.conftest import sign_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_date_box_keeps_its_hint_and_names_an_impossible_date(live_server, browser, sample_data):
    make_user(roles.DATA_ENTRY, username="clerk")
    # A field office six hours behind the server (Europe/Zurich).
    context = browser.new_context(
        timezone_id="America/New_York", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    sign_in(page, live_server.url, "clerk")
    page.goto(f"{live_server.url}/admin/activities/activity/add/")
    page.wait_for_load_state("load")
    # The admin's calendar has been added, and no note about the time zone with it.
    page.locator("#id_start_date ~ .datetimeshortcuts").first.wait_for()
    assert "server time" not in page.locator("#content-main").inner_text()

    page.locator("#id_start_date").fill("31/02")
    hint = page.locator("#id_start_date_hint")
    assert hint.is_visible() and hint.inner_text() == "dd/mm/yyyy"
    page.locator("#id_start_date").fill("31/02/2012")
    page.locator("#id_end_date").fill("03/15/2012")
    page.locator("#id_title").fill("A day that never was")
    page.locator("input[name=_save]").last.click()
    page.wait_for_load_state()
    assert page.locator("#id_start_date_error").inner_text() == "31 February does not exist."
    assert page.locator("#id_end_date_error").inner_text() == "Write the day first: 15/03/2012."
    context.close()
