"""Browsing in a real browser: filter the list, open a record, download the CSV."""

import csv
import io

import pytest
from django.utils import timezone

from activities import roles
from tests.factories import ActivityFactory, make_user

# serialized_rollback brings back the role groups that the migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def download_text(page, link_text):
    with page.expect_download() as caught:
        page.get_by_role("link", name=link_text).click()
    download = caught.value
    with open(download.path(), encoding="utf-8-sig") as handle:
        return download.suggested_filename, handle.read()


def test_a_visitor_filters_opens_a_record_and_downloads_the_csv(live_server, page, sample_data):
    ActivityFactory(title="Confidential country notes", visibility="confidential")
    page.goto(f"{live_server.url}/activities/")
    assert page.get_by_role("heading", name="Activities", level=1).is_visible()

    page.get_by_label("Search").fill("Vienna")
    page.get_by_label("Year").fill("2011")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/activities/?*q=Vienna*")
    assert page.get_by_role("status").inner_text().strip() == "1 activity"
    assert page.get_by_label("Search").input_value() == "Vienna"

    filename, text = download_text(page, "Download CSV")
    # Named after what it holds and the day it was taken.
    assert filename == f"activities-2011-vienna-{timezone.localdate().isoformat()}.csv"
    rows = list(csv.reader(io.StringIO(text)))
    assert [row[0] for row in rows[1:]] == [
        "Third training workshop on gender and labour migration"
    ]
    assert "Review state" not in rows[0]

    page.get_by_role("link", name="Third training workshop on gender and labour migration").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Third training workshop on gender and labour migration"
    )
    body = page.locator("main").inner_text()
    assert "17 and 18 May 2011" in body
    assert "Organization for Security and Co-operation in Europe" in body
    assert "Confidential" not in body


def test_a_wrong_filter_is_shown_next_to_the_field(live_server, page, sample_data):
    page.goto(f"{live_server.url}/activities/?year=abc")
    assert "Enter a whole number." in page.locator(".field.has-error").inner_text()
    assert page.get_by_role("status").inner_text().startswith("Correct the filters")


def test_a_manager_signs_in_and_sees_internal_records_and_review_columns(
    live_server, page, sample_data
):
    make_user(roles.MANAGERS, username="head")
    ActivityFactory(title="Draft note on deskilling", review_state="draft", visibility="internal")
    page.goto(f"{live_server.url}/activities/")
    page.get_by_role("link", name="Sign in").click()
    page.get_by_label("Username").fill("head")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/activities/")

    page.get_by_label("Review state").select_option("draft")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**review_state=draft*")
    assert page.get_by_role("link", name="Draft note on deskilling").is_visible()

    _filename, text = download_text(page, "Download CSV")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][-2:] == ["Review state", "Visibility"]
    assert [row[0] for row in rows[1:]] == ["Draft note on deskilling"]


def test_the_dashboard_draws_its_charts_and_the_skip_link_comes_first(
    live_server, page, sample_data
):
    page.goto(f"{live_server.url}/?year=2011")
    assert page.get_by_role("heading", name="The Unit’s work in 2011").is_visible()
    assert page.locator("svg").count() == 5
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to main content"
    page.get_by_text("Table: activities by thematic area").click()
    assert page.get_by_role("cell", name="15").first.is_visible()


@pytest.mark.parametrize("path", ["/activities/", "/?year=2011", "/reports/2011/"])
def test_on_a_phone_nothing_scrolls_sideways_and_results_come_first(
    live_server, browser, sample_data, path
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        if path == "/activities/":
            first = page.locator("table.records tbody tr").first.bounding_box()
            assert first["y"] < 844, "the first result is on the first screen"
            page.get_by_role("link", name="Filter the list").click()
            assert page.get_by_label("Search").is_visible()
    finally:
        context.close()
