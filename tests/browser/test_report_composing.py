"""A manager composes a new year's report in a real browser, previews it, and issues it."""

import os

import pytest

from activities import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("GCU_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_a_manager_composes_previews_and_issues_a_report(live_server, page, sample_data):
    make_user(roles.MANAGERS, username="head")
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("head")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()

    # Start from last year's report: the copy is prefilled, all of it editable.
    page.goto(f"{base}/admin/reports/annualreport/")
    page.get_by_role("link", name="Gender Coordination Report 2011").click()
    page.get_by_role("button", name="Start next year's report from this one").click()
    page.wait_for_url("**/annualreport/*/change/")
    assert page.get_by_label("Year:").input_value() == "2012"
    assert page.get_by_label("Document symbol:").input_value() == "CRP/37"

    introduction = page.locator("#id_introduction")
    introduction.fill(
        "The Unit worked on two fronts:\n(a) a book, *Crushed hopes*;\n(b) a training."
    )
    preview = page.locator("#id_introduction ~ .markup-preview")
    preview.locator("ol.letters li").nth(1).wait_for()
    assert preview.locator("em").inner_text() == "Crushed hopes"
    page.get_by_label("Headings:").select_option("none")
    page.get_by_label("Document type:").fill("Conference room paper")
    shot(page, "report-1-composing-with-preview")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    page.goto(f"{base}/reports/2012/")
    assert "Before it is issued" in page.locator("main").inner_text()
    page.get_by_role("link", name="Mark final").click()
    page.wait_for_url("**/mark-final/")
    shot(page, "report-2-confirm-issue")
    page.get_by_role("button", name="Issue the report").click()
    page.wait_for_url(f"{base}/reports/2012/")
    assert "The report is final" in page.locator("main").inner_text()

    with page.expect_download() as caught:
        page.get_by_role("link", name="Download PDF").click()
    with open(caught.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert caught.value.suggested_filename == "gcu-report-2012.pdf"
    shot(page, "report-3-issued")

    # The public reads it too.
    visitor = page.context.browser.new_context().new_page()
    visitor.goto(f"{base}/reports/2012/")
    text = visitor.locator("main").inner_text()
    assert "CONFERENCE ROOM PAPER" in text.upper()
    assert "(a)" not in text or "Crushed hopes" in text
