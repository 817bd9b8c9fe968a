"""The report as a Word document, drawn from the same built report as the HTML and the PDF.

Real Word structure, so that the unit can go on editing it: headings in the Heading 1 and
Heading 2 styles, numbered paragraphs in the List Number style (Word numbers them, 1 to N
through the document), bullets in List Bullet, lettered lists as Word lists "(a)" that
start again at (a) for each list, and a page header with the symbol and the page number
on every page but the first, whose masthead carries the symbol.
"""

import io
import re

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"
HYPHEN_INSIDE_WORD = re.compile(r"(?<=\w)-(?=\w)")


def render_docx(document):
    """The .docx bytes of a built report (reports/document.py)."""
    word = Document()
    _page_setup(word, document)
    _styles(word)
    _masthead(word, document)
    letters = LetterLists(word)
    for section in document.sections:
        if section.title:
            title = f"{section.numeral}.\t{section.title}" if section.numeral else section.title
            word.add_heading(title, level=1)
        for item in section.items:
            if item.heading:
                word.add_heading(item.heading, level=2)
            for paragraph in item.paragraphs:
                style = "List Number" if paragraph.number else "Normal"
                _runs(word, word.add_paragraph(style=style), paragraph.text)
                if paragraph.bullets and paragraph.list_kind == "letters":
                    number = letters.new_list()
                    for bullet in paragraph.bullets:
                        _runs(word, letters.item(word.add_paragraph(), number), bullet.text)
                else:
                    for bullet in paragraph.bullets:
                        _runs(word, word.add_paragraph(style="List Bullet"), bullet.text)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _page_setup(word, document):
    section = word.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2.2)
    # The first page's masthead carries the symbol; later pages carry it in their header,
    # at the top right, with the page number under it.
    section.different_first_page_header_footer = True
    symbol = section.header.paragraphs[0]
    symbol.text = document.symbol
    page = section.header.add_paragraph(_("Page") + " ")
    _field(page, "PAGE")
    for line in (symbol, page):
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_after = Pt(0)
        for run in line.runs:
            run.font.size = Pt(10)


def _field(paragraph, instruction):
    """A Word field (the page number), updated by Word as it lays the pages out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _plain_font(style):
    """Times New Roman in black, not the template's theme font and colour."""
    style.font.name = FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:hAnsi"), FONT)
    fonts.set(qn("w:cs"), FONT)
    color = style.element.rPr.find(qn("w:color"))
    if color is not None:
        style.element.rPr.remove(color)


def _styles(word):
    normal = word.styles["Normal"]
    _plain_font(normal)
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = True
    # Bullets are set ragged, as in the PDF.
    word.styles["List Bullet"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name in ("List Number", "List Bullet"):
        style = word.styles[name]
        style.paragraph_format.space_after = Pt(8)
        # The template keeps no space between list paragraphs; the report's need it.
        spacing = style.element.pPr.find(qn("w:contextualSpacing"))
        if spacing is not None:
            style.element.pPr.remove(spacing)
    for name, size in (("Title", 13), ("Heading 1", 12), ("Heading 2", 12)):
        style = word.styles[name]
        _plain_font(style)
        style.font.size = Pt(size)
        style.font.bold = name != "Heading 2"
    title = word.styles["Title"].element.pPr
    border = title.find(qn("w:pBdr")) if title is not None else None
    if border is not None:
        title.remove(border)
    word.styles["Heading 1"].font.all_caps = True
    word.styles["Title"].font.all_caps = True
    word.styles["Heading 2"].font.underline = True
    word.styles["Heading 2"].font.bold = False


def _masthead(word, document):
    """The cover block: symbol and notes at the top right, then the document type, the body
    and session on one line and its dates, then the title; only what the report gives."""
    cover = document.cover
    for text, bold, size in [(document.symbol, True, 14)] + [(n, False, 12) for n in cover.notes]:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Cm(11)
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        run = paragraph.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)
    lines = [
        (cover.document_type, True),
        (cover.session, False),
        (cover.session_dates, False),
    ]
    first = True
    for text, bold in lines:
        if text:
            paragraph = word.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.space_after = Pt(0)
            if first:
                paragraph.paragraph_format.space_before = Pt(14)
                first = False
            paragraph.add_run(text).bold = bold
    title = word.add_paragraph(document.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(18)
    if document.period:
        period = word.add_paragraph(_("Reporting period: %(period)s") % {"period": document.period})
        period.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _runs(word, paragraph, text):
    """The runs of a line of report text: plain, italic, linked."""
    for run in text.runs:
        if run.href:
            _hyperlink(word, paragraph, run)
        else:
            added = paragraph.add_run()
            added.italic = run.italic or None
            _text_of(added._r, run.text)
    return paragraph


def _text_of(element, text):
    """Text into a run element, the hyphens inside words as Word's non-breaking hyphens, so
    that "UN-Women" never ends a line at its hyphen (as the PDF keeps it whole)."""
    position = 0
    for match in HYPHEN_INSIDE_WORD.finditer(text):
        _plain_text(element, text[position : match.start()])
        element.append(OxmlElement("w:noBreakHyphen"))
        position = match.end()
    _plain_text(element, text[position:])


def _plain_text(element, text):
    if text:
        node = OxmlElement("w:t")
        node.text = text
        node.set(qn("xml:space"), "preserve")
        element.append(node)


def _hyperlink(word, paragraph, run):
    relation = word.part.relate_to(run.href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    element = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.append(underline)
    if run.italic:
        properties.append(OxmlElement("w:i"))
    element.append(properties)
    _text_of(element, run.text)
    link.append(element)
    paragraph._p.append(link)


class LetterLists:
    """Word lists lettered (a), (b), (c); each list starts again at (a)."""

    def __init__(self, word):
        self.numbering = word.part.numbering_part.element
        self.abstract_id = None

    def _abstract(self):
        if self.abstract_id is not None:
            return self.abstract_id
        ids = [
            int(n.get(qn("w:abstractNumId"))) for n in self.numbering.findall(qn("w:abstractNum"))
        ]
        self.abstract_id = max(ids, default=0) + 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(self.abstract_id))
        level = OxmlElement("w:lvl")
        level.set(qn("w:ilvl"), "0")
        for tag, value in (("w:start", "1"), ("w:numFmt", "lowerLetter"), ("w:lvlText", "(%1)")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            level.append(element)
        indent = OxmlElement("w:pPr")
        spacing = OxmlElement("w:ind")
        spacing.set(qn("w:left"), "1440")
        spacing.set(qn("w:hanging"), "567")
        indent.append(spacing)
        level.append(indent)
        abstract.append(level)
        # Abstract definitions come before the numbering instances in the part.
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        return self.abstract_id

    def new_list(self):
        abstract_id = self._abstract()
        ids = [int(n.get(qn("w:numId"))) for n in self.numbering.findall(qn("w:num"))]
        number = max(ids, default=0) + 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(number))
        reference = OxmlElement("w:abstractNumId")
        reference.set(qn("w:val"), str(abstract_id))
        num.append(reference)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        self.numbering.append(num)
        return number

    def item(self, paragraph, number):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        properties = paragraph._p.get_or_add_pPr()
        numbering = OxmlElement("w:numPr")
        level = OxmlElement("w:ilvl")
        level.set(qn("w:val"), "0")
        reference = OxmlElement("w:numId")
        reference.set(qn("w:val"), str(number))
        numbering.append(level)
        numbering.append(reference)
        properties.append(numbering)
        return paragraph
