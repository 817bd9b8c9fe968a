"""A unit's own log imported in a real browser: a title row, merged cells, a blank row, a
date range, partners and a country as people write them; one alias confirmed, all in."""

import datetime
import io
import os
import time

import pytest
from openpyxl import Workbook

from activities import roles
from tests.browser.conftest import sign_in, with_authenticator
from tests.factories import ActivityTypeFactory, PartnerFactory, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("GCU_SCREENSHOTS")
HEADER = ["Title", "Type", "Summary", "Start date", "End date", "Country", "Partners and roles"]


def shot(page, name):
    """Screenshots for a person to look at, when GCU_SCREENSHOTS names a folder."""
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def the_log():
    """The log as a unit assistant keeps it."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Log 2012"
    sheet.append(["Activities of the unit, 2012 (kept by the assistant)"])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADER)
    sheet.append(
        [
            "Regional training on labour migration",
            "Training",
            "Three days with labour inspectors.",
            "15-17 March 2012",
            None,
            "Suisse",
            "U.N.F.P.A.; OIT (Co-organiser)",
        ]
    )
    sheet.append(
        [
            "Follow-up meeting on labour migration",
            "Training",
            "A day with the same inspectors.",
            datetime.datetime(2012, 3, 20),
            None,
            None,  # merged with the country above
            "OIT",
        ]
    )
    sheet.merge_cells("F3:F4")
    sheet.append([])  # a blank row: the next row is row 6
    sheet.append(
        [
            "Contribution to a report on women migrant workers",
            "Training",
            "Comments on the draft, sent in May.",
            "May 2012",
            None,
            "United States",
            "United Nations Population Fund",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_messy_log_imports_whole_after_one_alias_is_confirmed(live_server, browser, tmp_path):
    from activities.models import Activity
    from partners.models import PartnerAlias

    with_authenticator(make_user(roles.MANAGERS, username="head"))
    ActivityTypeFactory(name="Training", slug="training")
    ilo = PartnerFactory(name="International Labour Organization", acronym="ILO")
    unfpa = PartnerFactory(name="United Nations Population Fund", acronym="UNFPA")
    PartnerFactory(name="International Organization for Migration", acronym="IOM")
    log = tmp_path / "unit-log-2012.xlsx"
    log.write_bytes(the_log())

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(20000)
    sign_in(page, live_server.url, "head")
    page.goto(f"{live_server.url}/admin/activities/activity/import/")
    clicks = 0
    page.get_by_label("Spreadsheet").set_input_files(str(log))
    started = time.perf_counter()
    page.get_by_role("button", name="Check the file").click()
    clicks += 1
    page.wait_for_selector("text=Nothing has been saved yet.")
    preview_seconds = time.perf_counter() - started
    status = page.get_by_role("status").inner_text()
    assert "3 rows" in status and "2 with errors" in status, status
    reading = page.locator(".import-reading").inner_text()
    assert "Row 2 names the columns." in reading
    assert "row 1 (“Activities of the unit, 2012" in reading
    unknown = page.locator(".import-unknown").inner_text()
    assert "Partner “OIT”" in unknown and "rows 3, 4" in unknown
    summary = page.locator(".import-summary").inner_text()
    assert "Row 3: Partners and roles" in summary and "Row 4: Partners and roles" in summary
    assert "Row 6" not in summary  # matched: the partner's name written out, a short country
    shot(page, "import-1-preview-with-an-unknown-partner")

    page.get_by_role(
        "button", name="“OIT” is International Labour Organization (ILO) — remember this"
    ).click()
    clicks += 1
    page.wait_for_selector("text=now means International Labour Organization")
    status = page.get_by_role("status").inner_text()
    assert "3 new" in status and "0 with errors" in status, status
    assert page.locator(".import-unknown").count() == 0
    numbers = page.locator(".import-table tbody th").all_inner_texts()
    assert numbers == ["3", "4", "6"]  # the sheet's own row numbers, the blank row counted
    shot(page, "import-2-preview-after-the-alias")

    page.get_by_role("button", name="Import 3 new activities as drafts").click()
    clicks += 1
    page.wait_for_selector("text=3 activities imported as your drafts")
    shot(page, "import-3-imported")

    assert PartnerAlias.objects.get().partner == ilo
    imported = {a.title: a for a in Activity.objects.all()}
    assert len(imported) == 3
    training = imported["Regional training on labour migration"]
    assert (training.start_date, training.end_date, training.country.code) == (
        datetime.date(2012, 3, 15),
        datetime.date(2012, 3, 17),
        "CH",
    )
    assert sorted((r.partner.acronym, r.role) for r in training.roles.all()) == [
        ("ILO", "co_organiser"),
        ("UNFPA", "collaborator"),
    ]
    follow_up = imported["Follow-up meeting on labour migration"]
    assert follow_up.country.code == "CH"  # carried from the merged cell
    report = imported["Contribution to a report on women migrant workers"]
    assert (report.start_date, report.date_precision, report.country.code) == (
        datetime.date(2012, 5, 1),
        "month",
        "US",
    )
    assert [r.partner for r in report.roles.all()] == [unfpa]
    print(
        f"\nBrowser import: {clicks} clicks after choosing the file; preview {preview_seconds:.1f} s"
    )
