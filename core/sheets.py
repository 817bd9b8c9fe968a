"""Reading spreadsheets as people lay them out: a sheet of an XLSX workbook, or a CSV file.

The row naming the columns is looked for below titles and notes; merged cells carry their
value to every cell they cover; rows keep the sheet's own numbers, blank ones counted.

Read as a stream (openpyxl's read-only mode, the csv reader over the file), so that memory
stays the same for 100 rows or 100,000; bounded by size, and every way a file can be
unreadable ends in ImportFileError with one sentence for the person who chose it.
"""

import codecs
import contextlib
import csv
import functools
import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from zipfile import BadZipFile

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple

# Read as a stream, row by row, whatever the size: a file is bounded by its bytes only.
MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, in one sentence."""


@functools.lru_cache(maxsize=65_536)
def _plain(text):
    if text.isascii():
        text = text.lower()  # no accents to take off: the common case, made quick
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    # "Women’s" and "womens" are one word; other punctuation separates words.
    text = re.sub("['’ʼ`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def plain(text):
    """Text for matching: no accents, no case, punctuation and spaces reduced to one space.

    Remembered for the names a large file repeats on every row (types, partners, countries).
    """
    return _plain(str(text))


def match_key(text):
    """The key names are matched by: plain, without spaces ("U.N.F.P.A." and "UNFPA" agree)."""
    return plain(text).replace(" ", "")


# Reading ------------------------------------------------------------------------------

# How far down a sheet the row naming the columns is looked for: titles, notes and blank
# rows above it are common in the unit's logs.
HEADER_SCAN = 15


@dataclass
class Table:
    """A sheet read as its writer laid it out; `rows` streams, numbered as the sheet does."""

    sheets: list  # the workbook's sheet names ([] for a CSV file)
    sheet: str  # the one read
    header: list  # the row naming the columns, as text
    header_row: int
    above: list  # (row number, text) of the rows above the header that hold something
    rows: Iterator  # (row number, cell values) of the rows below it that hold something
    merged: int = 0  # merged ranges whose value was carried to every cell they cover

    def close(self):
        self.rows.close()


def read_table(source, filename, *, score=None, sheet=None):
    """The sheet of an XLSX file (or a CSV file) as a Table. Raises ImportFileError.

    `source`: the file's bytes, or a binary file open for reading; the rows come one at a
    time, as read. `score(cells)` counts the column names a row holds: the row scoring best
    (at least 2) in the first HEADER_SCAN rows is the header. `sheet` names the sheet to
    read; without it, the first whose header is found. Without `score`, the first row that
    holds something is the header.
    """
    source = _as_file(source)
    if _size(source) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 50 MB; split it into several files."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _read_xlsx(source, score, sheet)
    if name.endswith(".csv"):
        found = _header(_numbered(_csv_rows(source)), score)
        if found is None:
            raise _no_header()
        return Table([], "", *found)
    raise ImportFileError(_("Choose an Excel workbook (.xlsx) or a CSV file (.csv)."))


def estimate_rows(source, filename):
    """About how many rows the file holds, cheaply (for progress), or None."""
    source = _as_file(source)
    try:
        if filename.lower().endswith(".csv"):
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: source.read(CHUNK), b""))
            return max(lines - 1, 0)
        workbook = load_workbook(source, read_only=True, data_only=True)
        try:
            rows = workbook.worksheets[0].max_row
        finally:
            workbook.close()
        return max(rows - 1, 0) if rows else None
    except (BadZipFile, KeyError, OSError, ValueError, IndexError, TypeError):
        return None
    finally:
        source.seek(0)


def _as_file(source):
    return io.BytesIO(source) if isinstance(source, bytes | bytearray) else source


def _size(file):
    file.seek(0, io.SEEK_END)
    size = file.tell()
    file.seek(0)
    return size


def _filled(cell):
    return cell is not None and str(cell).strip() != ""


def _numbered(rows):
    """(number, cells) of the rows holding something; the first row is number 1."""
    for number, cells in enumerate(rows, start=1):
        if any(_filled(cell) for cell in cells):
            yield number, list(cells)


def _header(numbered, score):
    """(header, header row, rows above, rest) or None where no row names the columns."""
    first = list(islice(numbered, HEADER_SCAN))
    if not first:
        raise ImportFileError(_("The file holds no rows."))
    candidates = [(number, cells) for number, cells in first if number <= HEADER_SCAN]
    if score is None:
        best = 0
    else:
        scores = [score([str(c or "").strip() for c in cells]) for _n, cells in candidates]
        if not scores:
            return None
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        if scores[best] < 2:
            return None
    number, header = first[best]
    above = [
        (n, " ".join(str(c).strip() for c in dict.fromkeys(cells) if _filled(c)))
        for n, cells in first[:best]
    ]
    return (
        [str(cell or "").strip() for cell in header],
        number,
        above,
        _rest(first[best + 1 :], numbered),
    )


def _rest(first, numbered):
    """The rows after the header: a generator, so that closing it closes the file's reader."""
    yield from first
    yield from numbered


def _no_header():
    return ImportFileError(
        _(
            "None of the first %(n)s rows names the columns as the template does; "
            "download the template to see their names."
        )
        % {"n": HEADER_SCAN}
    )


def _read_xlsx(file, score, wanted):
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(_("This is not an Excel workbook that can be read.")) from None
    names = list(workbook.sheetnames)
    if wanted is not None and wanted not in names:
        workbook.close()
        raise ImportFileError(_("The workbook has no sheet called “%(name)s”.") % {"name": wanted})
    try:
        for worksheet in workbook.worksheets:
            if wanted is not None and worksheet.title != wanted:
                continue
            merges = _merged_ranges(workbook, worksheet)
            numbered = _numbered(_xlsx_rows(worksheet, merges))
            found = _guarded(lambda: _header(numbered, score))  # noqa: B023 - called at once
            if found is not None:
                rows = _closing(_guarded_rows(found[3]), workbook)
                return Table(names, worksheet.title, *found[:3], rows, merged=len(merges))
        raise _no_header()
    except BaseException:
        workbook.close()
        raise


def _closing(rows, workbook):
    try:
        yield from rows
    finally:
        workbook.close()


def _guarded(read):
    try:
        return read()
    except IndexError:
        raise ImportFileError(_damaged()) from None
    except (KeyError, ValueError, TypeError):
        raise ImportFileError(_("This is not an Excel workbook that can be read.")) from None


def _guarded_rows(rows):
    iterator = iter(rows)
    while True:
        row = _guarded(lambda: next(iterator, None))  # noqa: B023 - called at once
        if row is None:
            return
        yield row


MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]+[0-9]+):([A-Z]+[0-9]+)\"")


def _merged_ranges(workbook, worksheet):
    """[(first row, last row, first column, last column)] of the sheet's merged cells.

    openpyxl's streaming reader leaves them out; they are listed after the cells, so the
    sheet's XML is scanned for them as bytes, a chunk at a time.
    """
    found, tail = [], b""
    try:
        with workbook._archive.open(worksheet._worksheet_path) as source:
            while chunk := source.read(1 << 20):
                text = tail + chunk
                for first, last in MERGE.findall(text):
                    top, left = coordinate_to_tuple(first.decode())
                    bottom, right = coordinate_to_tuple(last.decode())
                    found.append((top, bottom, left, right))
                cut = text.rfind(b"<", max(0, len(text) - 200))
                tail = text[cut:] if cut >= 0 else b""
                # A match inside the kept tail is found again with the next chunk.
                found = list(dict.fromkeys(found))
    except (AttributeError, KeyError, ValueError):
        return []
    return found


def _xlsx_rows(worksheet, merges):
    """The sheet's rows from its first, each merged cell's value carried to all it covers.

    The stored size ("A1:M1") is not always kept up to date by the program that wrote the
    file; the rows that are there are read instead of the rows it claims.
    """
    worksheet.reset_dimensions()
    values = {}
    for number, row in enumerate(worksheet.iter_rows(min_row=1, values_only=True), start=1):
        covering = [m for m in merges if m[0] <= number <= m[1]]
        if not covering:
            yield row
            continue
        cells = list(row)
        for top, _bottom, left, right in covering:
            if number == top:
                values[(top, left)] = cells[left - 1] if left <= len(cells) else None
            value = values.get((top, left))
            if len(cells) < right:
                cells.extend([None] * (right - len(cells)))
            for column in range(left, right + 1):
                cells[column - 1] = value
        yield cells


def _damaged():
    return _(
        "The workbook refers to a text it does not hold (it is damaged); open it in "
        "Excel and save it again."
    )


def _encoding(file):
    """UTF-8 (with or without its mark) if the whole file reads as such, else Windows' own."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for chunk in iter(lambda: file.read(CHUNK), b""):
            if b"\x00" in chunk:
                raise ImportFileError(_("This is not a CSV file that can be read."))
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        return "cp1252"
    finally:
        file.seek(0)


def _csv_rows(file):
    encoding = _encoding(file)
    text = io.TextIOWrapper(file, encoding=encoding, newline="", errors="strict")
    try:
        sample = text.read(4096)
        text.seek(0)
    except UnicodeDecodeError:
        raise ImportFileError(_("The CSV file's characters cannot be read.")) from None
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return _csv_rest(text, delimiter)


def _csv_rest(text, delimiter):
    try:
        yield from csv.reader(text, delimiter=delimiter)
    except UnicodeDecodeError:
        raise ImportFileError(_("The CSV file's characters cannot be read.")) from None
    except csv.Error:
        # The reader's limit on one cell (131,072 characters), or quoting it cannot follow.
        raise ImportFileError(
            _(
                "The file holds a cell longer than %(max)s characters, or quotes that never "
                "close; correct that cell and upload it again."
            )
            % {"max": number_format(csv.field_size_limit(), force_grouping=True)}
        ) from None
    finally:
        # Leave the file open for its owner (a closed wrapper would close it too).
        with contextlib.suppress(ValueError):
            text.detach()
