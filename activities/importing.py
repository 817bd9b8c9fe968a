"""Importing the unit's activity log from a spreadsheet (XLSX or CSV).

Reading, checking and saving are apart: `check` reads every row and says, per row, whether
it is new, possibly a record already there, or wrong (with the reason next to each cell);
nothing is written. `save` writes the checked rows as drafts of the person importing, in
one transaction, each through the same service as the admin's form, its history saying
where it came from; it refuses while any row is wrong.

Names are matched to the registries (types, thematic areas, partners by name or acronym,
events, initiatives, report sections) ignoring case, accents and punctuation; a name that
matches nothing, or several things, is an error of its cell, listed at the top as well.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from activities.bulk import create_many
from activities.look_alikes import Seen
from activities.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    DatePrecision,
    Event,
    Initiative,
    PartnerRole,
    Prominence,
    ReportSection,
    ThematicArea,
)
from core.countries import every_name
from core.sheets import ImportFileError, plain, read_table
from partners.models import Partner


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazily translated: the header in the user's language
    required: bool = False
    width: int = 20


# The template's columns, in its order; the export's columns of the same name are read too,
# so an exported file comes back in (its look-alikes then flagged).
COLUMNS = (
    Column("title", gettext_lazy("Title"), True, 48),
    Column("activity_type", gettext_lazy("Type"), True, 20),
    Column("summary", gettext_lazy("Summary"), True, 60),
    Column("start_date", gettext_lazy("Start date"), True, 12),
    Column("end_date", gettext_lazy("End date"), False, 12),
    Column("date_precision", gettext_lazy("Dated to the"), False, 10),
    Column("city", gettext_lazy("City"), False, 16),
    Column("country", gettext_lazy("Country"), False, 18),
    Column("thematic_areas", gettext_lazy("Thematic areas"), False, 36),
    Column("partners", gettext_lazy("Partners and roles"), False, 48),
    Column("event", gettext_lazy("Event"), False, 30),
    Column("initiative", gettext_lazy("Initiative"), False, 30),
    Column("report_section", gettext_lazy("Report section"), False, 30),
    Column("prominence", gettext_lazy("Placement in the report"), False, 16),
    Column("participants_total", gettext_lazy("Participants"), False, 12),
    Column("participants_women", gettext_lazy("Women"), False, 10),
    Column("participants_men", gettext_lazy("Men"), False, 10),
    Column("status", gettext_lazy("Status"), False, 12),
)
BY_KEY = {column.key: column for column in COLUMNS}

NEW, DUPLICATE, ERROR = "new", "duplicate", "error"
NOT_CLEANED = [
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
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%y", "%d.%m.%y")


def columns_of(header):
    """{column key: index} for the header's known columns, and the names of the others."""
    names = {}
    for column in COLUMNS:
        for name in (str(column.label), column.key, column.key.replace("_", " ")):
            names.setdefault(plain(name), column.key)
    # The English headers too, whatever the user's language.

    with translation.override("en"):
        for column in COLUMNS:
            names.setdefault(plain(str(column.label)), column.key)
    found, ignored = {}, []
    for index, name in enumerate(header):
        key = names.get(plain(name))
        if key and key not in found:
            found[key] = index
        elif name:
            ignored.append(name)
    missing = [
        str(column.label) for column in COLUMNS if column.required and column.key not in found
    ]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; these are missing: %(names)s.")
            % {"names": ", ".join(missing)}
        )
    return found, ignored


# Matching -----------------------------------------------------------------------------


class Registry:
    """One kind of named record, found by any of its names, ignoring case and accents."""

    def __init__(self, what, pairs):
        self.what = what
        self.by_name = defaultdict(set)
        self.records = {}
        for record, names in pairs:
            self.records[record.pk] = record
            for name in names:
                if name:
                    self.by_name[plain(name)].add(record.pk)

    def find(self, name):
        """(record, None) or (None, reason)."""
        found = self.by_name.get(plain(name), set())
        if len(found) == 1:
            return self.records[next(iter(found))], None
        if not found:
            return None, _("No %(what)s is called “%(name)s”.") % {"what": self.what, "name": name}
        return None, _("“%(name)s” names several: %(names)s.") % {
            "name": name,
            "names": ", ".join(sorted(str(self.records[pk]) for pk in found)),
        }


def choice_finder(choices, extra=None):
    """A function from a label (any language) or a code to the code."""

    known = {}
    for code, label in list(choices) + list((extra or {}).items()):
        known[plain(code)] = code
        known[plain(str(label))] = code
        known[plain(str(label).split(":")[0])] = code
        with translation.override("en"):
            known[plain(str(label))] = code
            known[plain(str(label).split(":")[0])] = code
    return lambda text: known.get(plain(text))


class Matcher:
    """The registries, read once per check."""

    def __init__(self):
        # A type by its slug or its name in any of the three languages ("Atelier", "Taller").
        self.types = Registry(
            _("activity type"),
            ((t, (t.name_en, t.name_fr, t.name_es, t.slug)) for t in ActivityType.objects.all()),
        )
        self.areas = Registry(
            _("thematic area"), ((a, (a.name, a.slug)) for a in ThematicArea.objects.all())
        )
        self.partners = Registry(
            _("partner"),
            ((p, (p.name, p.acronym, p.slug)) for p in Partner.objects.all()),
        )
        self.events = Registry(_("event"), ((e, (e.name, e.slug)) for e in Event.objects.all()))
        self.initiatives = Registry(
            _("initiative"), ((i, (i.title, i.slug)) for i in Initiative.objects.all())
        )
        self.sections = Registry(
            _("report section"), ((s, (s.title,)) for s in ReportSection.objects.all())
        )
        self.role = choice_finder(PartnerRole.choices)
        self.precision = choice_finder(DatePrecision.choices)
        self.status = choice_finder(ActivityStatus.choices)
        self.prominence = choice_finder(
            Prominence.choices,
            {
                Prominence.HEADLINE: gettext_lazy("Headline"),
                Prominence.PARAGRAPH: gettext_lazy("Paragraph"),
                Prominence.MINOR: gettext_lazy("Minor, under “Others”"),
            },
        )
        # A country by its code, ISO's common name or the UN's, in any of the three languages.
        self.countries = {}
        for language in ("en", "fr", "es"):
            with translation.override(language):
                for code, _name in countries:
                    for name in (code, *every_name(code)):
                        self.countries.setdefault(plain(name), code)


# Checking -----------------------------------------------------------------------------


@dataclass
class Row:
    number: int  # as the spreadsheet numbers it: the header is row 1
    cells: dict  # column key: the text shown
    errors: dict = field(default_factory=dict)  # column key (or "" for the row): message
    activity: Activity | None = None
    areas: list = field(default_factory=list)
    roles: list = field(default_factory=list)
    look_alikes: list = field(default_factory=list)

    @property
    def columns(self):
        """(shown value, error or None) for each column, in the template's order."""
        return [(self.cells.get(key, ""), self.errors.get(key)) for key in BY_KEY]

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
class Check:
    filename: str
    rows: list  # every row, or, for a large file, those that need a look (see `check`)
    ignored_columns: list
    unknown: dict  # what: sorted names matching nothing
    counts: dict = field(default_factory=dict)  # status: rows of the whole file

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


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    return str(value).strip()


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(
        _("“%(value)s” is not a date; write it day first (17/05/2011) or as 2011-05-17.")
        % {"value": text}
    )


def _count(value):
    text = _text(value)
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(_("“%(value)s” is not a whole number.") % {"value": text})
    return int(text)


def check_header(source, filename):
    """Refuse at once (ImportFileError) a file that cannot be read or lacks a column, reading
    no further than its header: the rows are checked in the background."""
    try:
        header, table = read_table(source, filename)
        columns_of(header)
        table.close()
    finally:
        source.seek(0)


def check(content, filename, user, *, keep=None, progress=None):
    """Read and check every row of the file; writes nothing. Raises ImportFileError.

    `content`: the file's bytes or a binary file. With `keep`, a file of more than `keep`
    rows has only its first `keep` rows that need a look (wrong ones and possible duplicates)
    held in `rows`, the others counted, so that memory stays small whatever the size;
    `progress(rows_done)` is told as it goes.
    """
    rows, counts, unknown = [], defaultdict(int), defaultdict(set)
    reading = checked_rows(content, filename, user, unknown=unknown)
    ignored = next(reading)
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
        unknown={what: sorted(names) for what, names in unknown.items()},
        counts=dict(counts),
    )


def checked_rows(content, filename, user, *, unknown=None):
    """First the header's ignored column names, then each row of the file, checked."""
    header, table = read_table(content, filename)
    positions, ignored = columns_of(header)
    yield ignored
    matcher = Matcher()
    unknown = defaultdict(set) if unknown is None else unknown
    seen = Seen(user)
    for offset, values in enumerate(table, start=2):
        cells = {
            key: _text(values[index]) if index < len(values) else ""
            for key, index in positions.items()
        }
        raw = {
            key: values[index] if index < len(values) else None for key, index in positions.items()
        }
        row = Row(number=offset, cells=cells)
        _check_row(row, raw, matcher, unknown)
        if not row.errors:
            row.look_alikes = seen.look_alikes(row.activity)
        yield row


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

    def named(key, registry):
        name = cells.get(key, "")
        if not name:
            return None
        record, reason = registry.find(name)
        if reason:
            errors[key] = reason
            unknown[registry.what].add(name)
        return record

    activity.activity_type = named("activity_type", matcher.types)
    activity.event = named("event", matcher.events)
    activity.initiative = named("initiative", matcher.initiatives)
    activity.report_section = named("report_section", matcher.sections)

    for key in ("start_date", "end_date"):
        if cells.get(key):
            try:
                setattr(activity, key, _date(raw[key]))
            except ValueError as problem:
                errors[key] = str(problem)
            else:
                # Shown as typed in the form, day first, whether the cell held text or a date.
                cells[key] = getattr(activity, key).strftime("%d/%m/%Y")
    for key in ("participants_total", "participants_women", "participants_men"):
        try:
            setattr(activity, key, _count(raw.get(key)))
        except ValueError as problem:
            errors[key] = str(problem)

    for key, finder, default in (
        ("date_precision", matcher.precision, DatePrecision.DAY),
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
        code = matcher.countries.get(plain(country))
        if code is None:
            errors["country"] = _("No country is called “%(name)s”.") % {"name": country}
        else:
            activity.country = code

    for name in SEPARATOR.split(cells.get("thematic_areas", "")):
        if name:
            area, reason = matcher.areas.find(name)
            if reason:
                errors["thematic_areas"] = reason
                unknown[matcher.areas.what].add(name)
            elif area not in row.areas:
                row.areas.append(area)

    for part in SEPARATOR.split(cells.get("partners", "")):
        if not part:
            continue
        match = WITH_ROLE.match(part)
        name, role_text = (match["name"], match["role"]) if match else (part, "")
        role = matcher.role(role_text) if role_text else PartnerRole.COLLABORATOR
        partner, reason = matcher.partners.find(name)
        if reason:
            errors["partners"] = reason
            unknown[matcher.partners.what].add(name)
        elif role is None:
            errors["partners"] = _("“%(role)s” is not a partner's role.") % {"role": role_text}
        elif (partner, role) not in row.roles:
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


# Saving -------------------------------------------------------------------------------


def save(result, user, *, with_look_alikes=()):
    """Save the checked rows as drafts of `user`; returns the activities made.

    Rows that look like records already there are saved only when their number is in
    `with_look_alikes`. Refuses (ValueError) while any row is wrong: nothing is half-saved.
    """
    if result.errors:
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
