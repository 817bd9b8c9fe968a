"""A second year's report composed through the admin's own forms, issued, read in three formats.

Its layout differs from 2011's in every way a year's may: unnumbered headings, a heading
2011 lacks gathering two sections, a cover block, a lettered list in the introduction.
The 2011 report is built again afterwards, unchanged.
"""

import datetime
import io
import re

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from activities.models import ReportSection
from reports.export import render_export
from reports.models import AnnualReport
from tests.factories import ActivityFactory
from tests.reports.conftest import spaced

pytestmark = pytest.mark.django_db

INTRODUCTION = """In 2012 the Unit worked on three fronts:
(a) the book *Crushed hopes*, published in February 2012;
(b) training on gender and labour migration;
(c) a network of gender focal points.

It did so with partners old and new."""


def compose(client):
    """The manager fills in the admin's add form, headings inline, and saves."""
    awareness = ReportSection.objects.get(slug="awareness-raising")
    inter_agency = ReportSection.objects.get(slug="inter-agency")
    field = ReportSection.objects.get(slug="service-areas-field")
    data = {
        "year": "2012",
        "title": "Gender Coordination Report 2012",
        "symbol": "CRP/40",
        "period_start": "2011-12-01",
        "period_end": "2012-11-30",
        "document_type": "Conference room paper",
        "distribution": "English only",
        "original_language": "English",
        "issue_date": "2012-10-15",
        "session": "Eleventh Session of the Standing Committee on Programmes and Finance",
        "session_start": "2012-10-30",
        "session_end": "2012-10-31",
        "introduction_title": "Introduction",
        "introduction": INTRODUCTION,
        "closing_title": "",
        "closing": "",
        "heading_numbering": "none",
        "number_paragraphs": "on",
        "areas_sentence": "",
        "others_title": "Other work",
        "others_sentence": "The Unit also did the following:",
        "reach_sentence": "",
        "headings-TOTAL_FORMS": "2",
        "headings-INITIAL_FORMS": "0",
        "headings-0-order": "10",
        "headings-0-title": "Raising awareness",
        "headings-0-sections": [str(awareness.pk)],
        "headings-1-order": "20",
        "headings-1-title": "Partnerships within and beyond the Organization",
        "headings-1-sections": [str(inter_agency.pk), str(field.pk)],
        "initiative_texts-TOTAL_FORMS": "0",
        "initiative_texts-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:reports_annualreport_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return AnnualReport.objects.get(year=2012)


@pytest.fixture
def composed(sample_records, manager_client):
    sections = {s.slug: s for s in ReportSection.objects.all()}
    ActivityFactory(
        title="Panel on deskilled migrant women",
        summary="The Unit held a panel on the deskilling of migrant women in Geneva.",
        report_section=sections["awareness-raising"],
        prominence="headline",
        start_date=datetime.date(2012, 3, 8),
    )
    ActivityFactory(
        title="Briefing for field offices",
        summary="The Unit briefed three field offices on gender mainstreaming.",
        report_section=sections["service-areas-field"],
        prominence="minor",
        start_date=datetime.date(2012, 5, 17),
        end_date=datetime.date(2012, 5, 18),
        city="Dakar",
        country="SN",
    )
    ActivityFactory(
        title="Inter-agency task force meeting",
        summary="The Unit took part in the task force on violence against migrant women.",
        report_section=sections["inter-agency"],
        prominence="paragraph",
        start_date=datetime.date(2012, 6, 1),
    )
    # Filed under a section that no heading of the 2012 report gathers.
    ActivityFactory(
        title="Focal point retreat",
        report_section=sections["focal-point-network"],
        start_date=datetime.date(2012, 7, 1),
    )
    report = compose(manager_client)
    response = manager_client.post(
        reverse("reports:mark-final", kwargs={"year": 2012}), {"confirm": "yes"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    return report


def download(client, fmt):
    name = {"html": "reports:export", "docx": "reports:export-docx", "pdf": "reports:export-pdf"}
    response = client.get(reverse(name[fmt], kwargs={"year": 2012}))
    assert response.status_code == 200
    assert f'filename="gcu-report-2012.{fmt}"' in response["Content-Disposition"]
    return response.content


def test_the_composed_report_is_issued_and_public(composed, client):
    assert composed.is_final
    assert composed.issues.count() == 1
    assert client.get(reverse("reports:detail", kwargs={"year": 2012})).status_code == 200


def test_its_html_has_its_own_layout(composed, client):
    html = download(client, "html").decode()
    plain = spaced(html)
    assert '<span class="numeral">' not in html  # headings are not numbered this year
    assert "Partnerships within and beyond the Organization</h2>" in html
    assert "Raising awareness</h2>" in html
    assert "Gender focal point network" not in html
    assert re.search(r'<ol class="letters">\s*<li>the book <em>Crushed hopes</em>', html)
    assert html.count("<li>") == 3 + 1  # three letters, one bullet under "Other work"
    assert "Other work</h3>" in html
    assert "(Dakar, 17 and 18 May 2012)" in plain
    # The cover's lines as typed, the document type in capitals, body and session on one
    # line, the session's dates with an en dash; no label the manager did not type.
    for line in [
        '<p class="note">English only</p>',
        '<p class="note">15 October 2012</p>',
        '<p class="note">Original: English</p>',
        '<p class="document-type">CONFERENCE ROOM PAPER</p>',
        '<p class="session-name">Eleventh Session of the Standing Committee on Programmes and '
        "Finance</p>",
        '<p class="session-dates">30–31 October 2012</p>',
    ]:
        assert line in plain, line
    assert "Distr." not in plain and "Reporting period" not in plain
    # The first page carries the symbol in its masthead only.
    assert html.count(">CRP/40<") == 1
    assert "@page :first" in html


def test_its_word_document_has_real_headings_numbering_and_header(composed, client):
    word = Document(io.BytesIO(download(client, "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Introduction",
        "Raising awareness",
        "Partnerships within and beyond the Organization",
    ]
    numbered = [p.text for p in word.paragraphs if p.style.name == "List Number"]
    assert numbered[0] == "In 2012 the Unit worked on three fronts:"
    assert numbered[1] == "It did so with partners old and new."
    lettered = [p for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in lettered][:3] == [
        "the book Crushed hopes, published in February\u00a02012;",
        "training on gender and labour migration;",
        "a network of gender focal points.",
    ]
    assert any(run.italic for run in lettered[0].runs if run.text == "Crushed hopes")
    bullets = [p.text for p in word.paragraphs if p.style.name == "List Bullet"]
    assert spaced(bullets[0]).endswith("(Dakar, 17 and 18 May 2012).")
    section = word.sections[0]
    assert section.different_first_page_header_footer
    symbol, page = section.header.paragraphs
    assert symbol.text == "CRP/40" and page.text.startswith("Page ")
    assert 'w:instr="PAGE"' in page._p.xml
    masthead = [p.text for p in word.paragraphs[:7]]
    assert masthead == [
        "CRP/40",
        "English only",
        "Original: English",
        "15 October 2012",
        "CONFERENCE ROOM PAPER",
        "Eleventh Session of the Standing Committee on Programmes and Finance",
        "30–31 October 2012",
    ]
    # Word users have Times New Roman; the text keeps its hyphens unbreakable, not lost.
    assert word.styles["Normal"].font.name == "Times New Roman"


def test_its_pdf_reads_in_order_with_the_header_on_every_later_page(composed, client):
    reader = PdfReader(io.BytesIO(download(client, "pdf")))
    pages = [spaced(page.extract_text()) for page in reader.pages]
    text = "\n".join(pages)
    order = [
        "CRP/40",
        "GENDER COORDINATION REPORT 2012",
        "INTRODUCTION",
        "In 2012 the Unit worked on three fronts",
        "(a)",
        "RAISING AWARENESS",
        "PARTNERSHIPS WITHIN AND BEYOND THE ORGANIZATION",
    ]
    positions = [text.find(piece) for piece in order]
    assert all(p >= 0 for p in positions), list(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    assert pages[0].count("CRP/40") == 1
    for number, page in enumerate(pages[1:], start=2):
        assert "CRP/40" in page and f"Page {number}" in page


def test_the_2011_report_is_unchanged_by_another_years_layout(sample_records, manager_client):
    report_2011 = AnnualReport.objects.get(year=2011)
    before = render_export(report_2011)
    compose(manager_client)
    assert render_export(report_2011) == before
    assert report_2011.headings.count() == 7
