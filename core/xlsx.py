"""A streaming writer of one-sheet XLSX workbooks, for exports of any length.

Rows are written to the sheet's compressed part as they come, a batch at a time, so memory
stays bounded however many rows go out, and the cost per cell is one string format. The
workbook is what a spreadsheet user expects of an export: a bold header row that stays in
view when scrolling, a filter on every column, set column widths, dates as real dates.

Cells: str (inline text; characters XML cannot hold are dropped, text is cut at Excel's
32,767 characters), int and float (numbers), datetime.date (a date shown as yyyy-mm-dd),
bool, None and "" (an empty cell, kept in its column).
"""

import datetime
import re
import zipfile
from itertools import islice

MAX_TEXT = 32_767
BATCH = 1000
EPOCH = datetime.date(1899, 12, 30)
# Control characters and non-characters that XML 1.0 cannot hold at all.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

HEADER_STYLE, DATE_STYLE = 1, 2

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = (
    DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    DECLARATION + f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    DECLARATION + f'<Relationships xmlns="{PACKAGE_RELATIONSHIPS}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Three cell formats: plain, the header (bold, wrapped), a date.
STYLES = (
    DECLARATION + f'<styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def column_letter(number):
    """1 → A, 27 → AA."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def sheet_title(name):
    """A name Excel accepts for a sheet: no []:*?/\\, at most 31 characters, not empty."""
    return SHEET_NAME_FORBIDDEN.sub(" ", str(name)).strip()[:31] or "Sheet1"


def _text(value):
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if NOT_XML.search(value):
        value = NOT_XML.sub("", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(value):
    kind = type(value)
    if kind is str:
        if not value:
            return "<c/>"
        return f'<c t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>'
    if value is None:
        return "<c/>"
    if kind is bool:
        return f'<c t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f"<c><v>{value!r}</v></c>"
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return f'<c s="{DATE_STYLE}"><v>{(value - EPOCH).days}</v></c>'
    return _cell(str(value))


def _header_cell(value):
    return f'<c t="inlineStr" s="{HEADER_STYLE}"><is><t>{_text(str(value))}</t></is></c>'


def write_workbook(file, *, sheet_name, header, rows, widths=None):
    """Write a workbook of one sheet to `file` (a path or a binary file open for writing).

    header: the column names, shown bold, frozen and with a filter; rows: an iterable of
    sequences of cells; widths: each column's width in characters (the header's length,
    at least 10, when not given). Returns the number of rows written, header excluded.
    """
    columns = len(header)
    widths = widths or [max(10, len(str(name)) + 2) for name in header]
    sheet_name = sheet_title(sheet_name)
    last_column = column_letter(columns)
    written = 0
    with zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        package.writestr("xl/styles.xml", STYLES)
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            cols = "".join(
                f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
                for n, width in enumerate(widths, start=1)
            )
            sheet.write(
                (
                    DECLARATION + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
                    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2"'
                    ' activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                    f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
                    f'<row r="1">{"".join(map(_header_cell, header))}</row>'
                ).encode()
            )
            rows = iter(rows)
            line = 2
            while batch := list(islice(rows, BATCH)):
                parts = []
                for row in batch:
                    parts.append(f'<row r="{line}">{"".join(map(_cell, row))}</row>')
                    line += 1
                sheet.write("".join(parts).encode())
                written += len(batch)
            sheet.write(
                f'</sheetData><autoFilter ref="A1:{last_column}{written + 1}"/></worksheet>'.encode()
            )
        quoted = sheet_name.replace("'", "''")
        escaped = _text(sheet_name).replace('"', "&quot;")
        package.writestr(
            "xl/workbook.xml",
            DECLARATION + f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            f'<sheets><sheet name="{escaped}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" '
            f"hidden=\"1\">'{_text(quoted)}'!$A$1:${last_column}${written + 1}</definedName>"
            "</definedNames></workbook>",
        )
    return written
