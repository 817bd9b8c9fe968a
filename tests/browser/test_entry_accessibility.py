"""The admin's add form read by a screen reader: every box has a name."""

import pytest

from activities import roles
from tests.browser.conftest import with_authenticator
from tests.browser.test_review import sign_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_every_type_ahead_box_and_inline_select_is_named(live_server, page, sample_data):
    make_user(roles.DATA_ENTRY, username="clerk", password="correct horse battery")
    sign_in(page, live_server.url, "clerk")
    page.goto(f"{live_server.url}/admin/activities/activity/add/")
    for name in ("Type", "Event", "Initiative"):
        assert page.get_by_role("combobox", name=name).count() == 1, name
    assert page.get_by_role("combobox", name="Partner").count() >= 1
    assert page.get_by_role("combobox", name="Role").count() >= 1
    assert page.get_by_role("searchbox", name="Thematic areas").count() == 1
    # A row added later is named as well.
    page.get_by_text("Add another Partner and role").click()
    assert page.get_by_role("combobox", name="Partner").count() >= 2


def test_the_participants_line_keeps_its_layout_when_it_shows_an_error(
    live_server, page, sample_data
):
    make_user(roles.DATA_ENTRY, username="clerk", password="correct horse battery")
    sign_in(page, live_server.url, "clerk")
    page.goto(f"{live_server.url}/admin/activities/activity/add/")
    page.locator("#id_title").fill("Layout check")
    page.locator("#id_participants_total").fill("10")
    page.locator("#id_participants_women").fill("8")
    page.locator("#id_participants_men").fill("7")
    page.locator("input[name=_save]").first.click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("cannot exceed the total").is_visible()
    tops = [
        page.locator(f"#id_participants_{name}").bounding_box()["y"]
        for name in ("total", "women", "men")
    ]
    assert max(tops) - min(tops) < 2, f"the three boxes moved apart: {tops}"


def test_the_list_of_activities_fits_a_laptop_screen(live_server, page, sample_data):
    """At 1,280 px every column is in view, beside the filters, without scrolling sideways."""
    with_authenticator(make_user(roles.MANAGERS, username="head", password="correct horse battery"))
    sign_in(page, live_server.url, "head")
    page.goto(f"{live_server.url}/admin/activities/activity/")
    table = page.locator("#result_list").bounding_box()
    room = page.locator("#changelist-form").bounding_box()
    assert table["width"] <= room["width"] + 1, (table, room)
    assert page.get_by_role("columnheader", name="Last changed").is_visible()
