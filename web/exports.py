"""CSV and XLSX exports of exactly the rows of a filtered activity list.

The list's rows are read as plain tuples from one query (a server-side cursor on
PostgreSQL, unless the database sits behind PgBouncer in transaction mode:
DJANGO_DISABLE_SERVER_SIDE_CURSORS), CHUNK at a time; each chunk's thematic areas and
partner roles and its outputs come in one query each. No model instance is built per row, so the export
goes at tens of thousands of rows a second, and memory stays bounded however many rows
go out.
"""

import tempfile
from itertools import islice

from django.http import FileResponse, StreamingHttpResponse
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_countries import countries

from activities import languages
from activities.models import (
    ActivityStatus,
    ActivityType,
    DatePrecision,
    Event,
    Initiative,
    OutputKind,
    PartnerRole,
    Prominence,
    ReportSection,
    ReviewState,
    ThematicArea,
    Visibility,
)
from activities.selectors import all_links, links_of
from core.dates import format_date, format_date_range
from core.registry_names import in_language
from core.xlsx import write_workbook
from partners.models import Partner

CHUNK = 10000

# A row's registries (type, event, initiative, report section) are read as ids and named
# from the registries themselves, read once (`registry_cells`): four joins and four names a
# row fewer for the database to send.
COLUMNS = (
    "pk",
    "title",
    "slug",
    "activity_type_id",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "event_id",
    "initiative_id",
    "report_section_id",
    "prominence",
    "summary",
    "participants_total",
    "participants_women",
    "participants_men",
    "status",
    "review_state",
    "visibility",
)

# The record's language and its texts in the others, read only for a file asked for in one
# language (`?lang=fr`): each record's title and summary in it where given.
TEXT_COLUMNS = ("original_language", *languages.translated_fields())


def columns(texts=False):
    """COLUMNS; with `texts`, then TEXT_COLUMNS."""
    return list(COLUMNS) + list(TEXT_COLUMNS if texts else ())


def registry_cells(language, cell):
    """({pk: cell} of activity types, events, initiatives, report sections): each named in
    `language` (English where none), guarded against formulas and written by `cell` once.
    No event, initiative or section is an empty cell."""
    return tuple(
        {None: ""}
        | {
            pk: cell(_safe(name))
            for pk, name in model.objects.order_by().values_list("pk", in_language(field, language))
        }
        for model, field in (
            (ActivityType, "name"),
            (Event, "name"),
            (Initiative, "title"),
            (ReportSection, "title"),
        )
    )


def header(include_states):
    """The columns, named in the user's language, with their widths in characters."""
    columns = [
        (_("Title"), 48),
        (_("Address"), 40),
        (_("Type"), 20),
        (_("Dates"), 26),
        (_("Start date"), 12),
        (_("End date"), 12),
        (_("Dated to the"), 10),
        (_("City"), 16),
        (_("Country"), 20),
        (_("Thematic areas"), 36),
        (_("Partners and roles"), 48),
        (_("Event"), 30),
        (_("Initiative"), 30),
        (_("Report section"), 30),
        (_("Placement in the report"), 16),
        (_("Summary"), 60),
        (_("Outputs"), 40),
        (_("Participants"), 12),
        (_("Women"), 10),
        (_("Men"), 10),
        (_("Status"), 12),
    ]
    if include_states:
        columns += [(_("Review state"), 16), (_("Visibility"), 12)]
    return columns


# Short labels for the report placement: the form's longer ones explain, these fit a cell.
PLACEMENT = {
    Prominence.HEADLINE: gettext_lazy("Headline"),
    Prominence.PARAGRAPH: gettext_lazy("Paragraph"),
    Prominence.MINOR: gettext_lazy("Minor, under “Others”"),
}


def labels(choices):
    """{code: label} of a set of choices, translated once for the whole export."""
    return {value: str(label) for value, label in choices}


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def export_records(queryset, texts=False):
    """(values, area ids, partner roles, outputs) for each activity of the list, in its order.

    values follow `columns(texts)`; the links are as `links_of` gives them. A list
    of up to CHUNK rows looks its links up by id; a longer one reads the link tables whole once
    (`all_links`), a tenth of the database's work of looking up 100,000 rows' links.
    """
    links = None
    read = queryset.values_list(*columns(texts))
    for chunk in _chunks(read.iterator(chunk_size=CHUNK), CHUNK):
        if links is None and len(chunk) < CHUNK:
            areas, partners, outputs = links_of([values[0] for values in chunk])
        else:
            links = links or all_links()
            areas, partners, outputs = links
        for values in chunk:
            pk = values[0]
            yield values, areas.get(pk, ()), partners.get(pk, ()), outputs.get(pk, ())


class LinkTexts:
    """The areas, partners and outputs cells, from ids: named from the registries in the
    active language (English where none), read once, and each combination written once (the
    same few areas come back row after row)."""

    def __init__(self):
        self.areas = {
            pk: (order, name, name)
            for pk, name, order in ThematicArea.objects.values_list("pk", "name", "order")
        }
        self.partners = dict(Partner.objects.values_list("pk", "name"))
        self.roles = labels(PartnerRole.choices)
        self.kinds = labels(OutputKind.choices)
        self.area_text, self.partner_text, self.pair_text = {}, {}, {}

    def of_areas(self, ids):
        key = tuple(ids)
        text = self.area_text.get(key)
        if text is None:
            named = sorted(self.areas[pk] for pk in ids if pk in self.areas)
            text = self.area_text[key] = _safe("; ".join(name for _o, _n, name in named))
        return text

    def of_partners(self, pairs):
        key = tuple(pairs)
        text = self.partner_text.get(key)
        if text is None:
            named = sorted(self.pair(pair) for pair in key)
            text = self.partner_text[key] = _safe("; ".join(t for _n, _r, t in named if t))
        return text

    def pair(self, pair):
        """(name, role, "Name (Role)") of a partner's role: sorted by name, then role."""
        named = self.pair_text.get(pair)
        if named is None:
            pk, role = pair
            name = self.partners.get(pk)
            text = "" if name is None else f"{name} ({self.roles.get(role, role)})"
            named = self.pair_text[pair] = (name or "", role, text)
        return named

    def of_outputs(self, outputs):
        parts = []
        for title, kind, issued_on, precision in outputs:
            details = self.kinds.get(kind, kind)
            if issued_on:
                details += f", {format_date(issued_on, precision)}"
            parts.append(f"{title} ({details})")
        return _safe("; ".join(parts))


class Cells:
    """How a row's cells are written: as values for the workbook (dates as dates, numbers as
    numbers), or as CSV fields for the CSV (`CsvCells`). A value that repeats across rows
    (a label, a date span, a country, a link text) goes through `once` once per distinct
    value; the staff-typed texts of each row go through `text`."""

    def once(self, value):
        return value

    def text(self, value):
        return value

    def date(self, value):
        return value

    def number(self, value):
        return value


class CsvCells(Cells):
    """Each cell as csv.writer (QUOTE_MINIMAL) writes it: quoted when it holds a comma, a
    quote or a line break, its quotes doubled. Rows then join with commas: no writer call
    and no conversion per cell, and the repeating cells are quoted once for the export."""

    def __init__(self):
        self.numbers = {None: ""}

    def text(self, value):
        if '"' in value:
            return '"' + value.replace('"', '""') + '"'
        if "," in value or "\n" in value or "\r" in value:
            return '"' + value + '"'
        return value

    once = text

    def date(self, value):
        return "" if value is None else value.isoformat()

    def number(self, value):
        text = self.numbers.get(value)
        if text is None:
            text = self.numbers[value] = str(value)
        return text


def rows(queryset, request, include_states, cells=None):
    """One tuple of cells per activity, in the order of `header`: labels, not codes, in the
    user's language; dates as dates (the workbook shows them as such, the CSV as ISO).

    About 20 cells a row for 100,000 rows: every label, date span, country name and link
    text is worked out once per distinct value and looked up after that, so a row costs a
    few dictionary look-ups and one tuple. `cells` says how each cell is written (`Cells`).
    """
    cells = cells or Cells()
    once, text, number = cells.once, cells.text, cells.number
    base = request.build_absolute_uri("/activities/")
    links = LinkTexts()
    precisions, statuses = labels(DatePrecision.choices), labels(ActivityStatus.choices)
    states, visibilities = labels(ReviewState.choices), labels(Visibility.choices)
    placements = {code: str(label) for code, label in PLACEMENT.items()}
    # Dates, country names, labels and link texts repeat across rows; translating and
    # writing each once keeps the export fast (translation lookups dominate otherwise).
    date_text, country_text, label_text = {}, {}, {}
    area_text, partner_text = {}, {}
    starts = FORMULA_STARTS
    # A record's title and summary in the file's language only when the list asked for one
    # (`lang`); otherwise as written, the file's columns as they were.
    language = request.GET.get("lang")
    texts_in = TEXT_COLUMNS.index if language in languages.LANGUAGES else None
    types, events, initiatives, sections = registry_cells(get_language(), once)
    records = export_records(queryset, texts=texts_in is not None)
    for values, areas, partners, outputs in records:
        (
            _pk,
            title,
            slug,
            type_id,
            start,
            end,
            precision,
            city,
            code,
            event_id,
            initiative_id,
            section_id,
            prominence,
            summary,
            total,
            women,
            men,
            status,
            review_state,
            visibility,
            *texts,
        ) = values
        if texts_in is not None and language != texts[0]:
            # Without `lang`, the texts as written: the file's columns stay as they were.
            translated = texts[texts_in(f"title_{language}")]
            title = translated if translated.strip() else title
            translated = texts[texts_in(f"summary_{language}")]
            summary = translated if translated.strip() else summary
        dates = date_text.get((start, end, precision))
        if dates is None:
            dates = date_text[start, end, precision] = (
                once(format_date_range(start, end, precision)),
                cells.date(start),
                cells.date(end),
            )
        country_name = country_text.get(code)
        if country_name is None:
            country_name = country_text[code] = once(countries.name(code) if code else "")
        codes = (precision, prominence, status, review_state, visibility)
        named = label_text.get(codes)
        if named is None:
            named = label_text[codes] = (
                once(precisions.get(precision, precision)),
                once(placements.get(prominence, prominence)),
                once(statuses.get(status, status)),
                once(states.get(review_state, review_state)),
                once(visibilities.get(visibility)),
            )
        area_cell = area_text.get(areas)
        if area_cell is None:
            area_cell = area_text[areas] = once(links.of_areas(areas))
        partner_cell = partner_text.get(partners)
        if partner_cell is None:
            partner_cell = partner_text[partners] = once(links.of_partners(partners))
        # _safe() written out for the free texts: seven calls a row cost more than the rest.
        row = (
            text("'" + title if title[:1] in starts else title),
            text(f"{base}{slug}/"),
            types[type_id],
            dates[0],
            dates[1],
            dates[2],
            named[0],
            text("'" + city if city[:1] in starts else city),
            country_name,
            area_cell,
            partner_cell,
            events[event_id],
            initiatives[initiative_id],
            sections[section_id],
            named[1],
            text("'" + summary if summary[:1] in starts else summary),
            text(links.of_outputs(outputs)) if outputs else "",
            number(total),
            number(women),
            number(men),
            named[2],
        )
        yield row + named[3:] if include_states else row


FORMULA_STARTS = frozenset("=+-@\t\r")


def _safe(text):
    """Keep spreadsheet programs from running staff-typed text that looks like a formula."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def _csv_blocks(names, table, rows_per_block=2000):
    """CSV text in blocks of rows: one write to the client per block, not per row.

    `names` is the header; `table` gives rows of fields already written as CSV (`CsvCells`),
    so a line is the fields joined with commas, ended as csv.writer ends it.
    """
    # The byte-order mark lets spreadsheet programs read the file as UTF-8. The header goes
    # out with the first rows: the view reads the first block to learn that the database
    # answers before the response starts.
    head = "\ufeff" + ",".join(CsvCells().text(str(name)) for name in names) + "\r\n"
    join = ",".join
    rows = iter(table)
    while block := list(islice(rows, rows_per_block)):
        yield head + "\r\n".join(map(join, block)) + "\r\n"
        head = ""
    if head:
        yield head


def csv_response(queryset, request, include_states, filename):
    names = [name for name, _width in header(include_states)]
    response = StreamingHttpResponse(
        _csv_blocks(names, rows(queryset, request, include_states, CsvCells())),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(queryset, request, include_states, filename):
    """The rows as a workbook, written to a temporary file as they are read, then sent from it.

    The writer keeps one batch of rows in memory, so 100,000 rows take no more memory than
    1,000; the file is read back from disk as it is sent.
    """
    columns = header(include_states)
    spool = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    write_workbook(
        spool,
        sheet_name=_("Activities"),
        header=[name for name, _width in columns],
        rows=rows(queryset, request, include_states),
        widths=[width for _name, width in columns],
    )
    spool.seek(0)
    response = FileResponse(spool, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


# The filters a file name mentions, in this order; others (sort, page) change no row.
NAMED_FILTERS = (
    "year",
    "date_after",
    "date_before",
    "thematic_area",
    "activity_type",
    "partner",
    "event",
    "country",
    "status",
    "review_state",
    "visibility",
    "q",
)


def export_filename(query, today):
    """ "activities-2011-psea-2026-11-28": what the rows are, and the day they were taken."""
    parts = [_("activities")]
    for name in NAMED_FILTERS:
        for value in query.getlist(name):
            if slug := slugify(value)[:30]:
                parts.append(slug)
    parts.append(today.isoformat())
    return slugify("-".join(str(part) for part in parts))[:120]
