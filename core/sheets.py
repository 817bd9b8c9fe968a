"""Reading spreadsheets: the first sheet of an XLSX workbook, or a CSV file, as rows of cells.

Read as a stream (openpyxl's read-only mode, the csv reader over the file), so that memory
stays the same for 100 rows or 100,000; bounded by size, and every way a file can be
unreadable ends in ImportFileError with one sentence for the person who chose it.
"""

import codecs
import contextlib
import csv
import io
import re
import unicodedata
from zipfile import BadZipFile

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook

# Read as a stream, row by row, whatever the size: a file is bounded by its bytes only.
MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1024 * 1024


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, in one sentence."""


def plain(text):
    """Text for matching: no accents, no case, punctuation and spaces reduced to one space."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    # "Women’s" and "womens" are one word; other punctuation separates words.
    text = re.sub("['’ʼ`]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# Reading ------------------------------------------------------------------------------


def read_table(source, filename):
    """(header, rows) of the first sheet of an XLSX file or of a CSV file, as cell values.

    `source`: the file's bytes, or a binary file open for reading. The rows come one at a
    time, as read; the blank ones are left out.
    """
    source = _as_file(source)
    if _size(source) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 50 MB; split it into several files."))
    name = filename.lower()
    if name.endswith(".xlsx"):
        table = _xlsx_rows(source)
    elif name.endswith(".csv"):
        table = _csv_rows(source)
    else:
        raise ImportFileError(_("Choose an Excel workbook (.xlsx) or a CSV file (.csv)."))
    table = (row for row in table if any(_filled(cell) for cell in row))
    header = next(table, None)
    if header is None:
        raise ImportFileError(_("The file holds no rows."))
    return [str(cell or "").strip() for cell in header], table


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


def _xlsx_rows(file):
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(_("This is not an Excel workbook that can be read.")) from None
    try:
        sheet = workbook.worksheets[0]
        # The stored size ("A1:M1") is not always kept up to date by the program that wrote
        # the file; read the rows that are there instead of the rows it claims.
        sheet.reset_dimensions()
        rows = sheet.iter_rows(values_only=True)
        # Read now, so that a damaged workbook is refused before anything else happens.
        first = next(rows, None)
    except IndexError:
        workbook.close()
        raise ImportFileError(_damaged()) from None
    except (KeyError, ValueError, TypeError):
        workbook.close()
        raise ImportFileError(_("This is not an Excel workbook that can be read.")) from None
    return _xlsx_rest(workbook, first, rows)


def _damaged():
    return _(
        "The workbook refers to a text it does not hold (it is damaged); open it in "
        "Excel and save it again."
    )


def _xlsx_rest(workbook, first, rows):
    try:
        if first is not None:
            yield list(first)
        for row in rows:
            yield list(row)
    except IndexError:
        raise ImportFileError(_damaged()) from None
    except (KeyError, ValueError, TypeError):
        raise ImportFileError(_("This is not an Excel workbook that can be read.")) from None
    finally:
        workbook.close()


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
