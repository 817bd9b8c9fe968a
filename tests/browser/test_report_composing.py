"""A manager composes a later year's report from the 2011 one in a real browser, places two
records under a heading made on the spot, checks, issues it, and reads the three files.

Every click, keystroke burst, choice and page opened is one action, counted: composing a
five-paragraph year from an earlier report must take at most 60 of them.
"""

import datetime
import io
import os
import re

import pytest
from docx import Document
from pypdf import PdfReader

from activities import roles
from activities.models import Activity
from reports.export import render_export
from reports.models import AnnualReport
from tests.browser.conftest import sign_in, with_authenticator
from tests.factories import ActivityFactory, make_user
from tests.reports.test_paper import hyphenated_line_ends

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("GCU_SCREENSHOTS")
# The 60 actions of the brief, and the count the composition below takes today.
MOST_ACTIONS = 60
BUNDLED = {"Report-Serif", "Report-Serif-Bold", "Report-Serif-Italic", "Report-Serif-BoldItalic"}

INTRODUCTION = (
    "In 2013 the Unit concentrated on three things:\n"
    "(a) training staff on gender and labour migration;\n"
    "(b) the book *Women on the move*;\n"
    "(c) protection from sexual exploitation and abuse."
)


class Counted:
    """The page, with every action a person takes on it counted."""

    def __init__(self, page):
        self.page = page
        self.actions = []

    def act(self, what, thing, *args, **kwargs):
        self.actions.append(what)
        return getattr(thing, what)(*args, **kwargs)

    def goto(self, url):
        self.actions.append("open")
        self.page.goto(url)


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.fixture
def records_of_2013(sample_data):
    """Approved, public records of 2013, filed nowhere yet: the manager places them."""
    bangkok = ActivityFactory(
        title="Training on gender and labour migration in Bangkok",
        summary=(
            "In Bangkok, from 10 to 12 June 2013, the Unit trained 24 staff members of "
            "regional offices on gender and labour migration."
        ),
        start_date=datetime.date(2013, 6, 10),
        end_date=datetime.date(2013, 6, 12),
        city="Bangkok",
        country="TH",
        participants_total=24,
    )
    briefing = ActivityFactory(
        title="Briefing of field offices on protection from sexual exploitation",
        summary="The Unit briefed field offices on the new reporting lines.",
        start_date=datetime.date(2013, 9, 4),
        city="Dakar",
        country="SN",
    )
    return bangkok, briefing


def test_a_manager_composes_a_year_from_an_earlier_one_in_at_most_60_actions(
    live_server, page, records_of_2013, tmp_path
):
    with_authenticator(make_user(roles.MANAGERS, username="head"))
    report_2011 = AnnualReport.objects.get(year=2011)
    before_2011 = render_export(report_2011)
    base = live_server.url
    bangkok, briefing = records_of_2013

    sign_in(page, base, "head")
    page.wait_for_url(f"{base}/admin/")

    p = Counted(page)
    # 1. A report for 2013 from the 2011 one: the year's facts suggested by its pattern.
    p.goto(f"{base}/admin/reports/annualreport/")
    p.act("click", page.get_by_role("link", name="Start a report from an earlier one"))
    p.act("fill", page.get_by_label("Year:"), "2013")
    p.act("click", page.get_by_role("button", name="Suggest for this year and report"))
    assert page.get_by_label("Title:").input_value() == "Gender Coordination Report 2013"
    assert page.get_by_label("Document symbol:").input_value() == "CRP/38"
    assert page.get_by_label("Reporting period starts:").input_value() == "01/10/2012"
    p.act("fill", page.get_by_label("Body and session:"), "103rd Session of the Council")
    p.act("fill", page.get_by_label("Session starts:"), "26/11/2013")
    p.act("fill", page.get_by_label("Session ends:"), "29/11/2013")
    shot(page, "compose-1-start")
    p.act("click", page.get_by_role("button", name="Start the report").first)
    page.wait_for_url("**/annualreport/*/change/")
    assert "marked as carried over" in page.locator(".messagelist").inner_text()

    # 2. Its cover, its numbering, its introduction with a lettered list.
    p.act("fill", page.get_by_label("Document type:"), "Conference room paper")
    p.act("fill", page.get_by_label("Distribution or language note:"), "English only")
    p.act("fill", page.get_by_label("Original language:"), "English")
    p.act("fill", page.get_by_label("Date of issue:"), "15/11/2013")
    p.act("select_option", page.get_by_label("Headings:"), "none")
    p.act("fill", page.locator("#id_introduction"), INTRODUCTION)
    page.locator("#id_introduction ~ .markup-preview ol.letters li").nth(2).wait_for()

    # 3. A new heading, made with the section it gathers, without leaving the page.
    p.act("fill", page.locator("#id_headings-7-order"), "15")
    p.act("fill", page.locator("#id_headings-7-new_section"), "Capacity development")
    shot(page, "compose-2-report")
    p.act("click", page.get_by_role("button", name="Save", exact=True))
    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    report = AnnualReport.objects.get(year=2013)
    heading = report.headings.get(title="Capacity development")
    assert [s.title for s in heading.sections.all()] == ["Capacity development"]
    assert report.carried_over == []  # the introduction was rewritten

    # 4. Two records placed: one as a paragraph of the new heading, one as a bullet.
    for record, prominence in ((bangkok, "paragraph"), (briefing, "minor")):
        p.goto(f"{base}/admin/activities/activity/{record.pk}/change/")
        p.act("select_option", page.get_by_label("Report section:"), label="Capacity development")
        p.act("select_option", page.get_by_label("Place in the report:"), prominence)
        p.act("click", page.get_by_role("button", name="Save", exact=True).first)
        assert "was changed successfully" in page.locator(".messagelist").inner_text()

    # 5. The draft and its check, then the issue.
    p.goto(f"{base}/reports/2013/")
    check = page.locator(".completeness").inner_text()
    assert "Gender focal point network: nothing in the period — not printed" in check
    shot(page, "compose-3-draft")
    p.act("click", page.get_by_role("link", name="Mark final"))
    p.act("click", page.get_by_role("button", name="Issue the report"))
    page.wait_for_url(f"{base}/reports/2013/")
    files = {}
    for fmt, label in (("html", "HTML"), ("docx", "Word"), ("pdf", "PDF")):
        with page.expect_download() as caught:
            p.act("click", page.get_by_role("link", name=f"Download {label}"))
        files[fmt] = open(caught.value.path(), "rb").read()  # noqa: SIM115

    assert len(p.actions) <= MOST_ACTIONS, p.actions
    print(f"\ncomposing 2013 from 2011 took {len(p.actions)} actions: {p.actions}")

    # The three files say the same thing, in the paper's furniture.
    html = files["html"].decode()
    assert '<p class="document-type">CONFERENCE ROOM PAPER</p>' in html
    assert '<p class="session-name">103rd Session of the Council</p>' in html
    assert '<p class="session-dates">26–29 November 2013</p>' in html
    assert re.search(r'<ol class="letters">\s*<li>training staff', html)
    assert "Capacity development</h2>" in html and '<span class="numeral">' not in html
    assert "Bangkok, from 10&nbsp;to&nbsp;12&nbsp;June&nbsp;2013" in html

    word = Document(io.BytesIO(files["docx"]))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert texts[:8] == [
        "CRP/38",
        "English only",
        "Original: English",
        "15 November 2013",
        "CONFERENCE ROOM PAPER",
        "103rd Session of the Council",
        "26–29 November 2013",
        "Gender Coordination Report 2013",
    ]
    assert "Capacity development" in [
        p.text for p in word.paragraphs if p.style.name == "Heading 1"
    ]

    path = tmp_path / "2013.pdf"
    path.write_bytes(files["pdf"])
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    order = ["CRP/38", "CONFERENCE ROOM PAPER", "GENDER COORDINATION REPORT 2013", "(a)", "(c)"]
    positions = [text.find(piece) for piece in order]
    assert -1 not in positions and positions == sorted(positions), positions
    # The shipped face only, every one embedded: the same file on any server.
    assert "Report-Serif" in fonts_of(reader)
    assert fonts_of(reader) <= BUNDLED
    assert embedded_faces(reader) == fonts_of(reader)
    assert hyphenated_line_ends(text) == []

    # Nothing the 2013 report did changed what 2011 prints.
    assert render_export(AnnualReport.objects.get(year=2011)) == before_2011
    assert Activity.objects.filter(report_section__title="Capacity development").count() == 2


def fonts_of(reader):
    """The names of the fonts the PDF uses, without their subset prefix."""
    names = set()
    for pdf_page in reader.pages:
        fonts = pdf_page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def embedded_faces(reader):
    """The fonts the PDF uses whose file is embedded in it."""
    faces = set()
    for pdf_page in reader.pages:
        fonts = pdf_page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                faces.add(str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return faces


def test_a_section_made_in_a_headings_pop_up_appears_ticked_in_its_row(
    live_server, page, sample_data
):
    from reports import services

    manager = with_authenticator(make_user(roles.MANAGERS, username="head"))
    report = services.start_from(
        previous=AnnualReport.objects.get(year=2011), user=manager, year=2012
    )
    base = live_server.url
    sign_in(page, base, "head")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/reports/annualreport/{report.pk}/change/")

    with page.expect_popup() as caught:
        page.locator("#add_id_headings-0-sections").click()
    popup = caught.value
    popup.get_by_label("Title [en]:").fill("Capacity development")
    popup.get_by_label("Slug:").fill("capacity-development")
    popup.get_by_label("Order:").fill("90")
    popup.get_by_role("button", name="Save", exact=True).click()
    popup.wait_for_event("close")

    ticked = page.locator("#id_headings-0-sections").get_by_label("Capacity development")
    assert ticked.is_checked()
    other = page.locator("#id_headings-1-sections").get_by_label("Capacity development")
    assert other.count() == 1 and not other.is_checked()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "was changed successfully" in page.locator(".messagelist").inner_text()
    first = report.headings.order_by("order", "id").first()
    assert "Capacity development" in [s.title for s in first.sections.all()]
