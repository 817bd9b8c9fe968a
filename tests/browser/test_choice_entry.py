"""A fast typist and a slow line: the admin's form saves the values typed, never a stale first one.

The type is a short closed list (a plain select); partners are a long one (a type-ahead box)
whose Enter, pressed before the matches arrive, waits for them and picks the highlighted one.
"""

import pytest

from activities import roles
from tests.browser.conftest import sign_in
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A fast typist: 8 characters a second would be 125 ms; this is faster still.
KEY_DELAY_MS = 40
# A weak field-office line: 512 kbit/s each way with 400 ms of latency.
SLOW_LINE = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 512 * 1024 / 8,
    "uploadThroughput": 512 * 1024 / 8,
}


def slow_down(page):
    """Chromium's own network emulation, through the DevTools protocol."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINE)
    return cdp


def pick_partner(page, row, text):
    """Open row `row`'s partner box, type `text` fast, press Enter at once and move on to the
    role; the box then shows the match (the reader checks it before saving)."""
    page.locator(f"#roles-{row} .field-partner .select2-selection").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.type(text, delay=KEY_DELAY_MS)
    search.press("Enter")
    page.locator(f"#id_roles-{row}-role").select_option(index=1)
    page.locator(f"#roles-{row} .field-partner .select2-selection__rendered").filter(
        has_text=text
    ).wait_for()


def record_a_workshop(page, base, *, slow):
    page.goto(f"{base}/admin/activities/activity/add/")
    if slow:
        slow_down(page)
    page.locator("#id_title").fill("Typed fast on a slow line" if slow else "Typed fast")
    type_box = page.locator("#id_activity_type")
    assert type_box.evaluate("el => el.tagName") == "SELECT"
    assert not type_box.evaluate("el => el.classList.contains('admin-autocomplete')")
    type_box.focus()
    page.keyboard.type("Workshop", delay=KEY_DELAY_MS)
    page.keyboard.press("Enter")
    page.locator("#id_summary").fill("Two partners, typed fast.")
    page.locator("#id_start_date").fill("15/03/2012")
    pick_partner(page, 0, "Field Implementation")
    page.get_by_text("Add another Partner and role").click()
    pick_partner(page, 1, "Human Resources")
    # One save: saved and submitted for review at once.
    page.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("slow", [False, True], ids=["fast-line", "slow-line"])
def test_a_fast_typist_saves_the_type_and_partners_typed(live_server, page, sample_data, slow):
    from activities.models import Activity

    make_user(roles.DATA_ENTRY, username="clerk")
    sign_in(page, live_server.url, "clerk")
    page.set_default_timeout(20000)
    record_a_workshop(page, live_server.url, slow=slow)

    title = "Typed fast on a slow line" if slow else "Typed fast"
    errors = [e.inner_text() for e in page.locator(".errornote, .errorlist").all()]
    assert not errors, errors
    activity = Activity.objects.get(title=title)
    assert activity.activity_type.name == "Workshop"
    assert activity.review_state == "submitted"
    partners = sorted(role.partner.name for role in activity.roles.select_related("partner"))
    assert partners == ["Field Implementation Team", "Human Resources Management Division"]


def test_enter_before_the_matches_arrive_never_takes_the_stale_first_option(
    live_server, page, sample_data
):
    """The unfiltered list is on screen with its first option highlighted when Enter comes."""
    make_user(roles.DATA_ENTRY, username="clerk")
    sign_in(page, live_server.url, "clerk")
    page.set_default_timeout(20000)
    page.goto(f"{live_server.url}/admin/activities/activity/add/")
    page.locator("#roles-0 .field-partner .select2-selection").click()
    page.locator(".select2-results__option--highlighted").wait_for()
    first = page.locator(".select2-results__option--highlighted").inner_text()
    slow_down(page)
    search = page.locator(".select2-container--open .select2-search__field")
    search.type("Human Resources", delay=10)
    search.press("Enter")
    chosen = page.locator("#roles-0 .select2-selection__rendered")
    chosen.filter(has_text="Human Resources Management Division").wait_for()
    assert first != chosen.inner_text()
