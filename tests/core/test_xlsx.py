"""The streaming workbook writer: what a spreadsheet program reads back from its files."""

import datetime
import io
import zipfile

import pytest
from openpyxl import load_workbook

from core.xlsx import MAX_TEXT, column_letter, sheet_title, write_workbook


def written(rows, header=("Title", "Date", "Count", "Note"), **options):
    buffer = io.BytesIO()
    count = write_workbook(
        buffer,
        sheet_name=options.pop("sheet_name", "Activities"),
        header=header,
        rows=rows,
        **options,
    )
    buffer.seek(0)
    return count, buffer


def test_cells_come_back_with_their_types_and_columns():
    count, buffer = written(
        [
            ["Training <Skopje> & more", datetime.date(2011, 5, 17), 25, None],
            ["", datetime.date(2012, 3, 1), 0, "kept in column D"],
            ["Half", None, 2.5, True],
        ]
    )
    assert count == 3
    sheet = load_workbook(buffer).active
    assert sheet.title == "Activities"
    assert [[cell.value for cell in row] for row in sheet.iter_rows()] == [
        ["Title", "Date", "Count", "Note"],
        ["Training <Skopje> & more", datetime.datetime(2011, 5, 17), 25, None],
        [None, datetime.datetime(2012, 3, 1), 0, "kept in column D"],
        ["Half", None, 2.5, True],
    ]
    assert sheet["B2"].is_date and sheet["B2"].number_format == "yyyy\\-mm\\-dd"


def test_the_sheet_works_as_a_spreadsheet():
    _count, buffer = written([["a", None, 1, "b"]] * 5, widths=[40, 12, 8, 30])
    sheet = load_workbook(buffer).active
    assert sheet.freeze_panes == "A2", "the header stays in view"
    assert sheet.auto_filter.ref == "A1:D6", "every column can be filtered"
    assert [sheet.column_dimensions[c].width for c in "ABCD"] == [40, 12, 8, 30]
    assert all(cell.font.b for cell in sheet[1])


def test_text_xml_cannot_hold_is_cleaned_not_fatal():
    long = "x" * (MAX_TEXT + 10)
    _count, buffer = written([["bell\x07 and nul\x00 gone", None, None, long]])
    sheet = load_workbook(buffer).active
    assert sheet["A2"].value == "bell and nul gone"
    assert len(sheet["D2"].value) == MAX_TEXT


def test_text_that_looks_like_a_formula_stays_text():
    _count, buffer = written([['=HYPERLINK("http://evil")', None, None, "+1"]])
    sheet = load_workbook(buffer).active
    assert sheet["A2"].data_type == "s" and sheet["D2"].data_type == "s"
    with zipfile.ZipFile(buffer) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()


def test_an_empty_export_is_a_header_and_a_filter():
    count, buffer = written([])
    sheet = load_workbook(buffer).active
    assert count == 0
    assert [cell.value for cell in sheet[1]] == ["Title", "Date", "Count", "Note"]
    assert sheet.auto_filter.ref == "A1:D1"


def test_rows_are_streamed_not_gathered():
    """A generator of rows is consumed as the file is written, a batch at a time."""
    seen = []

    def rows():
        for n in range(2500):
            seen.append(n)
            yield [f"row {n}", None, n, None]

    count, buffer = written(rows())
    assert count == 2500 and len(seen) == 2500
    sheet = load_workbook(buffer, read_only=True).active
    last = list(sheet.iter_rows(min_row=2501, max_row=2501, values_only=True))
    assert last == [("row 2499", None, 2499, None)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Activités", "Activités"),
        ("a/b:c*d?[e]", "a b c d  e"),
        ("", "Sheet1"),
        ("x" * 40, "x" * 31),
    ],
)
def test_sheet_names_are_ones_excel_accepts(name, expected):
    assert sheet_title(name) == expected


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
