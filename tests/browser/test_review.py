"""A change to a published record in a real browser: it waits for review, then goes live."""

import os

import pytest

from activities import roles
from tests.browser.conftest import sign_in as browser_sign_in
from tests.browser.conftest import with_authenticator
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLUG = "osce-ilo-gender-labour-migration-training-2011"
NEW_SUMMARY = "The Unit co-facilitated the third regional training, now with its evaluation."
SHOTS = os.environ.get("GCU_SCREENSHOTS")


def shot(page, name):
    """Screenshots for a person to look at, when GCU_SCREENSHOTS names a folder."""
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def sign_in(page, base, username):
    browser_sign_in(page, base, username)
    page.wait_for_url(f"{base}/admin/")


def test_data_entry_changes_a_published_record_and_a_manager_approves_it(
    live_server, browser, sample_data
):
    from activities.models import Activity

    make_user(roles.DATA_ENTRY, username="clerk")
    with_authenticator(make_user(roles.MANAGERS, username="head"))
    activity = Activity.objects.get(slug=SLUG)
    old_summary_start = activity.summary.split()[0:4]
    public_url = f"{live_server.url}/activities/{SLUG}/"
    change_url = f"{live_server.url}/admin/activities/activity/{activity.pk}/change/"

    clerk = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(clerk, live_server.url, "clerk")
    clerk.goto(change_url)
    assert "kept as a pending change" in clerk.locator("#content-main").inner_text()
    clerk.get_by_label("Summary:", exact=True).fill(NEW_SUMMARY)
    clerk.get_by_role("button", name="Save and submit the change for review").click()
    clerk.wait_for_load_state()
    message = clerk.locator(".messagelist").inner_text()
    assert "Your change is submitted for review: it waits for a manager" in message
    assert "Done" in message or "waiting for review" in clerk.content()
    shot(clerk, "review-1-clerk-submitted")

    visitor = browser.new_context().new_page()
    visitor.goto(public_url)
    summary = visitor.locator(".summary").inner_text()
    assert NEW_SUMMARY not in summary
    assert " ".join(old_summary_start) in summary
    shot(visitor, "review-2-public-still-old")

    head = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(head, live_server.url, "head")
    assert "Waiting for your review (1)" in head.locator("#review-queue").inner_text()
    head.locator("#review-queue").get_by_role("link", name=activity.title).click()
    head.wait_for_url("**/review/")
    differences = head.locator("table.review-differences").inner_text()
    assert "Summary" in differences
    assert NEW_SUMMARY in differences
    shot(head, "review-3-manager-sees-the-difference")
    head.get_by_role("button", name="Approve").click()
    head.wait_for_load_state()
    assert "Done: approved." in head.locator(".messagelist").inner_text()
    assert "Change approved and applied" in head.locator("#review-log").inner_text()
    shot(head, "review-4-approved")

    visitor.goto(public_url)
    assert NEW_SUMMARY in visitor.locator(".summary").inner_text()
    shot(visitor, "review-5-public-shows-the-new-text")
