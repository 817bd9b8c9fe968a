"""The 2011 paper as an editor receives it: furniture, a shipped typeface, no hyphenation.

Golden checks of the three formats of the issued 2011 report: the HTML's cover block and
its hyphenated names kept whole, the Word file read back with python-docx, the PDF's text
in order with pypdf, its fonts the bundled face only and all embedded, no line ending in a
hyphen that splits a word, the symbol over the page number on every page but the first.
"""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from reports import export
from reports.models import AnnualReport

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = {"Report-Serif", "Report-Serif-Bold", "Report-Serif-Italic", "Report-Serif-BoldItalic"}
HEADINGS = [
    "INTRODUCTION",
    "AWARENESS-RAISING ACTIVITIES ON GENDER AND MIGRATION",
    "INTER-AGENCY INVOLVEMENT",
    "GENDER FOCAL POINT NETWORK",
    "COLLABORATION WITH SERVICE AREAS AND FIELD OFFICES",
    "GENDER IN HUMAN RESOURCES",
    "SENSITIZATION OF STAFF TO GENDER ISSUES",
    "ONGOING ACTIVITIES",
]


@pytest.fixture(scope="module")
def files(sample_records, django_db_blocker):
    with django_db_blocker.unblock():
        report = AnnualReport.objects.get(year=2011)
        return {fmt: export.export_file(report, fmt) for fmt in ("html", "docx", "pdf")}


def fonts(reader):
    """{face name: embedded?} over every page of a PDF, subset prefixes taken off."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            found[name] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def hyphenated_line_ends(text):
    """Lines ending in a letter and a hyphen whose next line goes on in lower case: a word
    split by hyphenation ("Septem-" / "ber")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [
        (line, following)
        for line, following in zip(lines, lines[1:], strict=False)
        if re.search(r"[^\W\d_]-$", line) and following[:1].islower()
    ]


def test_the_pdf_embeds_the_shipped_face_and_nothing_else(files):
    found = fonts(PdfReader(io.BytesIO(files["pdf"])))
    assert "Report-Serif" in found and "Report-Serif-Italic" in found
    assert set(found) <= BUNDLED
    assert all(found.values()), found


def test_no_word_of_the_pdf_is_split_by_a_hyphen_at_a_line_end(files):
    reader = PdfReader(io.BytesIO(files["pdf"]))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert hyphenated_line_ends(text) == []
    # The check itself catches what it looks for.
    assert hyphenated_line_ends("held in Septem-\nber 2011") == [("held in Septem-", "ber 2011")]


def test_the_pdf_reads_in_order_with_its_running_header(files):
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(files["pdf"])).pages]
    text = "\n".join(pages)
    positions = [text.find(heading) for heading in HEADINGS]
    assert -1 not in positions and positions == sorted(positions), positions
    numbers = [int(n) for n in re.findall(r"(?m)^(\d{1,2})\.\s", text)]
    assert numbers == list(range(1, 25))
    assert pages[0].count("CRP/36") == 1 and "Page 1" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in page.splitlines()]
        # The symbol, and the page number under it.
        assert lines[lines.index("CRP/36") + 1] == f"Page {number}", lines[:4]
    assert "Reporting period" not in text


def test_the_html_keeps_names_with_a_hyphen_whole_and_sets_lists_ragged(files):
    html = files["html"].decode()
    assert '<span class="nb">UN-Women</span>' in html
    assert "hyphens: manual;" in html and "hyphens: auto" not in html
    assert "ul.bullets li, ol.letters li { margin-bottom: .5rem; text-align: left; }" in html
    assert '@font-face { font-family: "Report Serif"; src: local("Liberation Serif")' in html
    # A standalone file: it names the face, it fetches nothing.
    assert "url(" not in html


def test_the_word_file_has_the_cover_headings_and_24_numbered_paragraphs(files):
    word = Document(io.BytesIO(files["docx"]))
    assert word.paragraphs[0].text == "CRP/36"
    headings = [
        p.text.split("\t")[-1].upper() for p in word.paragraphs if p.style.name == "Heading 1"
    ]
    assert headings == HEADINGS
    assert len([p for p in word.paragraphs if p.style.name == "List Number"]) == 24
    symbol, page = word.sections[0].header.paragraphs
    assert symbol.text == "CRP/36" and page.text.startswith("Page ")
    assert word.styles["Normal"].font.name == "Times New Roman"
    # "UN-Women" keeps its hyphen unbreakable in Word too.
    xml = re.sub(r">\s+<", "><", word.element.xml)
    assert 'UN</w:t><w:noBreakHyphen/><w:t xml:space="preserve">Women' in xml


@pytest.mark.skipif(sys.platform != "linux", reason="fontconfig is Linux's")
def test_a_server_with_no_fonts_issues_the_same_face(files, tmp_path):
    """With fontconfig pointed at no font at all, the PDF still sets the shipped face."""
    config = tmp_path / "fonts.conf"
    config.write_text(f"<fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>")
    script = (
        "import sys\n"
        "from reports.export import pdf_of\n"
        "from reports.document import Report, Section, Item, Paragraph\n"
        "from reports.markup import inline\n"
        "from reports.models import AnnualReport\n"
        "report = AnnualReport(year=2011, title='T', symbol='CRP/36')\n"
        "text = inline('A workshop with *UN-Women* in Vienna, 17 and 18 May 2011.')\n"
        "doc = Report(2011, 'Gender Coordination Report 2011', 'CRP/36', '',\n"
        "    (Section('I', 'Introduction', (Item('', (Paragraph(1, text),)),)),))\n"
        "sys.stdout.buffer.write(pdf_of(report, doc))\n"
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "DJANGO_SETTINGS_MODULE": "gcu_tracker.test_settings",
    }
    code = "import django; django.setup()\n" + script
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    found = fonts(PdfReader(io.BytesIO(result.stdout)))
    assert set(found) <= BUNDLED and "Report-Serif" in found and all(found.values()), found
