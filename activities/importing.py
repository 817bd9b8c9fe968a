"""Importing the unit's activity log from a spreadsheet (XLSX or CSV).

Reading, checking and saving are apart: `check` reads every row and says, per row, whether
it is new, possibly a record already there, or wrong (with the reason next to each cell);
nothing is written. `save` writes the checked rows as drafts of the person importing, in
one transaction, each through the same service as the admin's form, its history saying
where it came from; it refuses while any row is wrong.

The sheet is read as its writer laid it out (core.sheets): the header found below titles and
notes, in English, French or Spanish whatever the importer's language, merged cells
carried, rows numbered as the sheet numbers them. Names are matched as people write them
(activities.matching); a name that matches nothing, or several things, is an error of its
cell, and listed once at the top with the rows using it and the closest names known.
Dates may be ranges or months (core.date_text). With `only_good`, the good rows are saved
and the others can be handed back as a sheet with a "Reason" column (`rest_rows`).
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from activities.bulk import create_many
from activities.import_columns import (
    BY_KEY,
    COLUMNS,
    REASON,
    Column,
    columns_of,
    header_names,
    header_score,
)
from activities.look_alikes import Seen
from activities.matching import Matcher
from activities.models import Activity, ActivityStatus, DatePrecision, PartnerRole, Prominence
from core.date_text import read_dates
from core.sheets import ImportFileError, match_key, read_table

__all__ = ["COLUMNS", "Column", "ImportFileError", "check", "save"]


NEW, DUPLICATE, ERROR = "new", "duplicate", "error"
# Not validated again row by row: the related records and the country were just found in
# the registries (a country's field would compare it with some 250 choices, the most costly
# step of a large file's check), the address is made on saving.
NOT_CLEANED = [
    "country",
    "slug",
    "created_by",
    "updated_by",
    "activity_type",
    "event",
    "initiative",
    "report_section",
]
SEPARATOR = re.compile(r"\s*;\s*")
# "International Labour Organization (Co-organiser)": a name, then a role in brackets.
WITH_ROLE = re.compile(r"^(?P<name>.*?)\s*\((?P<role>[^()]*)\)\s*$")
# Rows checked, and saved, at a time: progress is told and inserts are made per chunk.
CHUNK = 1000


# Checking -----------------------------------------------------------------------------


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it, blank rows and titles counted
    cells: dict  # column key: the text shown
    errors: dict = field(default_factory=dict)  # column key (or "" for the row): message
    activity: Activity | None = None
    areas: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    look_alikes: list = field(default_factory=list)
    values: list | None = None  # the row's cells as read, kept for a wrong row only

    @property
    def columns(self):
        """(shown value, error or None) for each column, in the template's order."""
        return [(self.cells.get(key, ""), self.errors.get(key)) for key in BY_KEY]

    @property
    def reasons(self):
        """(column name, value, message) of each error, the row's own last."""
        found = [
            (str(column.label), self.cells.get(column.key, ""), self.errors[column.key])
            for column in COLUMNS
            if column.key in self.errors
        ]
        if "" in self.errors:
            found.append(("", "", self.errors[""]))
        return found

    @property
    def reason(self):
        """The errors in one sentence each, for the summary and the sheet of rows left out."""
        return " ".join(
            f"{name} — {message}" if name else message for name, _value, message in self.reasons
        )

    @property
    def error_columns(self):
        """The names of the columns with an error, for the row's result."""
        return [str(column.label) for column in COLUMNS if column.key in self.errors]

    @property
    def row_error(self):
        return self.errors.get("")

    @property
    def status(self):
        if self.errors:
            return ERROR
        return DUPLICATE if self.look_alikes else NEW


@dataclass
class Unknown:
    """A name matching nothing in a registry, the rows using it, and the closest names."""

    what: str
    kind: str
    name: str
    rows: list = field(default_factory=list)
    closest: list = field(default_factory=list)


@dataclass
class Check:
    filename: str
    rows: list  # every row, or, for a large file, those that need a look (see `check`)
    ignored_columns: list
    unknown: list  # Unknown, once per registry and name, in the order first met
    counts: dict = field(default_factory=dict)  # status: rows of the whole file
    sheets: list = field(default_factory=list)
    sheet: str = ""
    header: list = field(default_factory=list)
    header_row: int = 1
    above: list = field(default_factory=list)  # (row number, text) set aside above the header
    merged: int = 0

    def __post_init__(self):
        if not self.counts:
            for row in self.rows:
                self.counts[row.status] = self.counts.get(row.status, 0) + 1

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def errors(self):
        return self.counts.get(ERROR, 0)

    @property
    def duplicates(self):
        return self.counts.get(DUPLICATE, 0)

    @property
    def new(self):
        return self.counts.get(NEW, 0)

    @property
    def complete(self):
        """Whether `rows` holds every row of the file."""
        return len(self.rows) == self.total

    @property
    def wrong_rows(self):
        return [row for row in self.rows if row.status == ERROR]

    def unknown_names(self, what):
        """The names matching nothing in the registry called `what`, sorted."""
        return sorted(u.name for u in self.unknown if u.what == what)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _count(value):
    text = _text(value)
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": text})
    return int(text)


def check_header(source, filename, *, sheet=None):
    """Refuse at once (ImportFileError) a file that cannot be read or lacks a column, reading
    no further than its header: the rows are checked in the background."""
    try:
        names = header_names()
        table = read_table(source, filename, score=header_score(names), sheet=sheet)
        columns_of(table.header, table.header_row, names)
        table.close()
    finally:
        source.seek(0)


def check(content, filename, user, *, sheet=None, keep=None, progress=None):
    """Read and check every row of the file; writes nothing. Raises ImportFileError.

    `content`: the file's bytes or a binary file; `sheet` names the workbook's sheet to read
    (by default the first whose header is found). With `keep`, a file of more than `keep`
    rows has only its first `keep` rows that need a look (wrong ones and possible duplicates)
    held in `rows`, the others counted, so that memory stays small whatever the size;
    `progress(rows_done)` is told as it goes.
    """
    rows, counts, unknown = [], defaultdict(int), {}
    reading = checked_rows(content, filename, user, sheet=sheet, unknown=unknown)
    table, ignored = next(reading)
    trimmed = False
    for done, row in enumerate(reading, start=1):
        counts[row.status] += 1
        if keep is not None and done > keep and not trimmed:
            # Too many to show them all: only those that need a look are kept from now on.
            rows, trimmed = [held for held in rows if held.status != NEW], True
        if not trimmed or (row.status != NEW and len(rows) < keep):
            rows.append(row)
        if progress is not None and done % CHUNK == 0:
            progress(done)
    return Check(
        filename=filename,
        rows=rows,
        ignored_columns=ignored,
        unknown=list(unknown.values()),
        counts=dict(counts),
        sheets=table.sheets,
        sheet=table.sheet,
        header=table.header,
        header_row=table.header_row,
        above=table.above,
        merged=table.merged,
    )


def checked_rows(content, filename, user, *, sheet=None, unknown=None):
    """First (the table read, the header's ignored column names), then each row, checked.

    `unknown` gathers the names matching nothing, each with its closest known names once
    the last row is read. Every query is made before the first yield: the rows that follow
    are checked in Python alone, so that they can be checked in another thread while a
    chunk is being written.
    """
    names = header_names()
    table = read_table(content, filename, score=header_score(names), sheet=sheet)
    positions, ignored = columns_of(table.header, table.header_row, names)
    matcher = Matcher()
    unknown = {} if unknown is None else unknown
    seen = Seen(user)
    yield table, ignored
    for number, values in table.rows:
        raw = {
            key: values[index] if index < len(values) else None for key, index in positions.items()
        }
        row = Row(number=number, cells={key: _text(value) for key, value in raw.items()})
        _check_row(row, raw, matcher, unknown)
        if row.errors:
            row.values = list(values)
        else:
            row.look_alikes = seen.look_alikes(row.activity)
        yield row
    for entry in unknown.values():
        registry = getattr(matcher, entry.kind)
        entry.kind = registry.kind
        entry.closest = registry.closest(entry.name)


def _check_row(row, raw, matcher, unknown):
    cells, errors = row.cells, row.errors
    for column in COLUMNS:
        if column.required and not cells.get(column.key):
            errors[column.key] = _("Required.")
    activity = Activity(
        title=cells.get("title", ""),
        summary=cells.get("summary", ""),
        city=cells.get("city", ""),
    )

    def find(key, attribute, name):
        registry = getattr(matcher, attribute)
        record, reason = registry.find(name)
        if reason:
            errors[key] = reason
            entry = unknown.setdefault(
                (attribute, match_key(name)), Unknown(registry.what, attribute, name)
            )
            if row.number not in entry.rows:
                entry.rows.append(row.number)
        return record

    for key, attribute in (
        ("activity_type", "types"),
        ("event", "events"),
        ("initiative", "initiatives"),
        ("report_section", "sections"),
    ):
        name = cells.get(key, "")
        setattr(activity, key, find(key, attribute, name) if name else None)

    _dates(activity, raw, cells, errors)
    for key in ("participants_total", "participants_women", "participants_men"):
        try:
            setattr(activity, key, _count(raw.get(key)))
        except ValueError as problem:
            errors[key] = str(problem)

    for key, finder, default in (
        ("date_precision", matcher.precision, activity.date_precision or DatePrecision.DAY),
        ("status", matcher.status, ActivityStatus.COMPLETED),
        ("prominence", matcher.prominence, Prominence.MINOR),
    ):
        text = cells.get(key, "")
        code = finder(text) if text else default
        if code is None:
            errors[key] = _("“%(value)s” is not one of the choices.") % {"value": text}
        else:
            setattr(activity, key, code)

    country = cells.get("country", "")
    if country:
        code = matcher.country(country)
        if code is None:
            errors["country"] = _("No country is called “%(name)s”.") % {"name": country}
            entry = unknown.setdefault(
                ("places", match_key(country)), Unknown(_("country"), "places", country)
            )
            if row.number not in entry.rows:
                entry.rows.append(row.number)
        else:
            activity.country = code

    for name in SEPARATOR.split(cells.get("thematic_areas", "")):
        if name:
            area = find("thematic_areas", "areas", name)
            if area and area not in row.areas:
                row.areas.append(area)

    for part in SEPARATOR.split(cells.get("partners", "")):
        if not part:
            continue
        match = WITH_ROLE.match(part)
        name, role_text = (match["name"], match["role"]) if match else (part, "")
        role = matcher.role(role_text) if role_text else PartnerRole.COLLABORATOR
        if role is None and matcher.partners.find(part)[0] is not None:
            # "Partners (Mar. 2012)": not a role, so the brackets belong to the name.
            name, role = part, PartnerRole.COLLABORATOR
        partner = find("partners", "partners", name)
        if partner and role is None:
            errors["partners"] = _("“%(role)s” is not a partner's role.") % {"role": role_text}
        elif partner and (partner, role) not in row.roles:
            row.roles.append((partner, role))

    if not errors:
        try:
            # The fields' own rules and the record's (dates, participants); not the checks
            # that cost a query a row: the related records were just found in the registries,
            # the address is made on saving.
            activity.clean_fields(exclude=NOT_CLEANED)
            activity.clean()
        except ValidationError as problem:
            for key, messages in problem.message_dict.items():
                target = key if key in BY_KEY else ""
                errors[target] = " ".join(messages)
    row.activity = activity


def _dates(activity, raw, cells, errors):
    """Start, end and precision from the date cells: a range or a month in the start cell
    gives the end or the precision where their own cells are empty. The cells then show the
    dates as read, day first, as the form shows them."""
    spans = {}
    for key in ("start_date", "end_date"):
        if cells.get(key):
            try:
                spans[key] = read_dates(raw[key])
            except ValueError as problem:
                errors[key] = str(problem)
    if "end_date" in spans:
        activity.end_date = spans["end_date"][0]
        cells["end_date"] = _text(activity.end_date)
    if "start_date" not in spans:
        return
    start, end, precision = spans["start_date"]
    activity.start_date, activity.date_precision = start, precision
    cells["start_date"] = _text(start)
    if precision != DatePrecision.DAY and not cells.get("date_precision"):
        cells["date_precision"] = str(DatePrecision(precision).label)
    if end is None or "end_date" in errors:
        return
    if activity.end_date is None:
        activity.end_date = end
        cells["end_date"] = _text(end)
    elif activity.end_date != end:
        errors["end_date"] = _("The start date cell says the activity ends on %(date)s.") % {
            "date": _text(end)
        }


# Saving -------------------------------------------------------------------------------


def save(result, user, *, with_look_alikes=(), only_good=False):
    """Save the checked rows as drafts of `user`, in one transaction; returns those made.

    Rows that look like records already there are saved only when their number is in
    `with_look_alikes`. While any row is wrong it refuses (ValueError), unless `only_good`:
    then the wrong rows are left out (`rest_rows` hands them back). Nothing is half-saved.
    """
    if result.errors and not only_good:
        raise ValueError("A file with wrong rows is not imported.")
    wanted = set(with_look_alikes)
    return create_many(
        (
            entry(row, result.filename)
            for row in result.rows
            if row.status == NEW or row.number in wanted
        ),
        user=user,
    )


def entry(row, filename):
    """What the bulk writer takes for a checked row, its history saying where it came from."""
    reason = _("Imported from %(file)s, row %(row)s") % {"file": filename, "row": row.number}
    return row.activity, row.areas, row.roles, reason


def rest_rows(result):
    """(header, rows) of a sheet of the wrong rows as they were read, each with its reason.

    Corrected and uploaded again, it imports: its header is the file's, the reason column
    is left aside.
    """
    header = [*result.header, str(REASON)]
    width = len(result.header)
    rows = []
    for row in result.wrong_rows:
        values = list(row.values or [])[:width]
        values += [None] * (width - len(values))
        rows.append(
            [*values, _("Row %(row)s: %(reason)s") % {"row": row.number, "reason": row.reason}]
        )
    return header, rows
