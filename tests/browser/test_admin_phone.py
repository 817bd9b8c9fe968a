"""The admin on a phone, 390 px wide: nothing scrolls sideways, for data entry and managers.

The first page (with a draft of a long title), the list of activities, the add and change
forms (partners and their roles stacked, the role box on screen) and the review page of a
pending change. Only a table inside a wrapper that scrolls by itself, and itself fits, may
be wider than the screen.
"""

import os

import pytest

from activities import roles
from tests.browser.conftest import sign_in, with_authenticator
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLUG = "osce-ilo-gender-labour-migration-training-2011"
WIDTH = 390
LONG_TITLE = (
    "Regional-consultation-on-gender-responsive-labour-migration-governance-with-employers "
    "organisations, trade unions and ministries of labour of the Western Balkans and Moldova"
)
SHOTS = os.environ.get("GCU_SCREENSHOTS")

# Elements wider than the screen, outside a scrolling box that fits the screen.
OVERFLOWING = """(width) => {
  const fits = (el) => el.getBoundingClientRect().right <= width + 1;
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || fits(el)) continue;
    let wrapper = el.parentElement;
    while (wrapper && !(scrolls(wrapper) && fits(wrapper))) wrapper = wrapper.parentElement;
    if (wrapper) continue;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    found.push(`${name} ends at ${Math.round(box.right)} px`);
  }
  return {page: document.documentElement.scrollWidth, elements: found.slice(0, 8)};
}"""


def records(clerk):
    """The clerk's: a draft and a submitted record with long titles, and a pending change of a
    published record."""
    from activities import workflow
    from activities.models import Activity, ActivityType

    workshop = ActivityType.objects.get(name_en="Workshop")
    draft, submitted = (
        Activity(
            title=f"{prefix} {LONG_TITLE}",
            activity_type=workshop,
            summary="A title that is long.",
            start_date="2012-03-15",
        )
        for prefix in ("Draft", "Submitted")
    )
    for activity in (draft, submitted):
        workflow.save(activity=activity, user=clerk, based_on=None)
    workflow.submit(activity=submitted, user=clerk)
    published = Activity.objects.get(slug=SLUG)
    published.summary = "A longer summary " * 20 + LONG_TITLE
    outcome = workflow.save(activity=published, user=clerk, based_on=published.version)
    workflow.submit_change(change=outcome.change, user=clerk)
    return draft, Activity.objects.get(slug=SLUG)


def overflow(page, url, name):
    page.goto(url)
    page.wait_for_load_state()
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"phone-{name}.png"), full_page=True)
    return page.evaluate(OVERFLOWING, WIDTH)


def test_the_admin_fits_a_phone_for_data_entry_and_managers(live_server, browser, sample_data):
    clerk = make_user(roles.DATA_ENTRY, username="clerk")
    with_authenticator(make_user(roles.MANAGERS, username="head"))
    draft, published = records(clerk)
    base = f"{live_server.url}/admin/activities/activity"
    pages = {
        "index": f"{live_server.url}/admin/",
        "list": f"{base}/",
        "add": f"{base}/add/",
        "change": f"{base}/{published.pk}/change/",
        "draft": f"{base}/{draft.pk}/change/",
        "review": f"{base}/{published.pk}/review/",
    }
    found = {}
    for username in ("clerk", "head"):
        context = browser.new_context(
            viewport={"width": WIDTH, "height": 844}, is_mobile=True, has_touch=True
        )
        page = context.new_page()
        page.set_default_timeout(15000)
        sign_in(page, live_server.url, username)
        for name, url in pages.items():
            found[f"{username} {name}"] = overflow(page, url, f"{username}-{name}")
            if name == "index":
                assert LONG_TITLE in page.locator("#review-queue").inner_text()
            if name == "add":
                # The partner's role box is on screen, below the partner's box.
                role = page.locator("#id_roles-0-role").bounding_box()
                partner = page.locator("#roles-0 .field-partner").bounding_box()
                on_screen = role["x"] >= 0 and role["x"] + role["width"] <= WIDTH
                stacked = role["y"] > partner["y"]
                if not (on_screen and stacked):
                    found[f"{username} add"]["elements"].append(f"role box at {role}")
            if name == "review":
                assert "A longer summary" in page.locator("#content-main").inner_text()
        context.close()
    assert found == {
        name: {"page": min(result["page"], WIDTH), "elements": []} for name, result in found.items()
    }
