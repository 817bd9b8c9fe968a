"""CSV and XLSX exports of exactly the rows of a filtered activity list.

The list's rows are read as plain tuples from one query (a server-side cursor on
PostgreSQL, unless the database sits behind PgBouncer in transaction mode:
DJANGO_DISABLE_SERVER_SIDE_CURSORS), CHUNK at a time; each chunk's thematic areas and
partner roles come in one query each. No model instance is built per row, so the export
goes at tens of thousands of rows a second, and memory stays bounded however many rows
go out.
"""

import csv
import io
import tempfile
from itertools import chain, islice

from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django_countries import countries

from activities.models import PartnerRole, ThematicArea
from activities.selectors import links_of
from core.dates import format_date_range
from core.xlsx import write_workbook
from partners.models import Partner

CHUNK = 10000

COLUMNS = (
    "pk",
    "title",
    "slug",
    "activity_type__name",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "event__name",
    "participants_total",
    "participants_women",
    "participants_men",
    "status",
    "review_state",
    "visibility",
)


def header(include_states):
    names = [
        _("Title"),
        _("Address"),
        _("Type"),
        _("Dates"),
        _("Start date"),
        _("End date"),
        _("Date precision"),
        _("City"),
        _("Country"),
        _("Thematic areas"),
        _("Partners and roles"),
        _("Event"),
        _("Participants"),
        _("Women"),
        _("Men"),
        _("Status"),
    ]
    if include_states:
        names += [_("Review state"), _("Visibility")]
    return names


def _chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


def export_records(queryset):
    """(values, area ids, partner roles) for each activity of the list, in the list's order.

    values follow COLUMNS; area ids and (partner id, role) pairs are as `links_of` gives them.
    """
    for chunk in _chunks(queryset.values_list(*COLUMNS).iterator(chunk_size=CHUNK), CHUNK):
        areas, partners = links_of([values[0] for values in chunk])
        for values in chunk:
            yield values, areas.get(values[0], ()), partners.get(values[0], ())


class LinkTexts:
    """The areas and partners cells, from ids: named from the registries, read once, and
    each combination written once (the same few areas come back on row after row)."""

    def __init__(self):
        self.areas = {
            pk: (order, name, name)
            for pk, name, order in ThematicArea.objects.values_list("pk", "name", "order")
        }
        self.partners = dict(Partner.objects.values_list("pk", "name"))
        self.roles = {value: str(label) for value, label in PartnerRole.choices}
        self.area_text, self.partner_text = {}, {}

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
            named = sorted((self.partners[pk], role) for pk, role in pairs if pk in self.partners)
            text = self.partner_text[key] = _safe(
                "; ".join(f"{name} ({self.roles.get(role, role)})" for name, role in named)
            )
        return text


def rows(queryset, request, include_states):
    """One list of cells per activity, in the order of `header`."""
    base = request.build_absolute_uri("/activities/")
    links = LinkTexts()
    # Dates and country names repeat across rows; translating each once keeps the
    # export fast (translation lookups dominate otherwise).
    date_text, country_text = {}, {}
    for values, areas, partners in export_records(queryset):
        (
            _pk,
            title,
            slug,
            type_name,
            start,
            end,
            precision,
            city,
            code,
            event_name,
            total,
            women,
            men,
            status,
            review_state,
            visibility,
        ) = values
        dates = date_text.get((start, end, precision))
        if dates is None:
            dates = date_text[start, end, precision] = format_date_range(start, end, precision)
        country_name = country_text.get(code)
        if country_name is None:
            country_name = country_text[code] = countries.name(code) if code else ""
        cells = [
            _safe(title),
            f"{base}{slug}/",
            _safe(type_name),
            dates,
            start,
            end,
            precision,
            _safe(city),
            country_name,
            links.of_areas(areas),
            links.of_partners(partners),
            _safe(event_name or ""),
            total,
            women,
            men,
            status,
        ]
        if include_states:
            cells += [review_state, visibility]
        yield cells


FORMULA_STARTS = frozenset("=+-@\t\r")


def _safe(text):
    """Keep spreadsheet programs from running staff-typed text that looks like a formula."""
    if text and text[0] in FORMULA_STARTS:
        return "'" + text
    return text


def _csv_blocks(table, rows_per_block=500):
    """CSV text in blocks of rows: one write to the client per block, not per row."""
    buffer = io.StringIO()
    # The byte-order mark lets spreadsheet programs read the file as UTF-8.
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for count, row in enumerate(table, start=1):
        writer.writerow(row)
        if count % rows_per_block == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response(queryset, request, include_states, filename):
    response = StreamingHttpResponse(
        _csv_blocks(chain([header(include_states)], rows(queryset, request, include_states))),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# Column widths in characters, in the order of `header`.
WIDTHS = (48, 40, 20, 26, 12, 12, 10, 18, 22, 36, 48, 30, 12, 10, 10, 12, 16, 12)


def xlsx_response(queryset, request, include_states, filename):
    """The rows as a workbook, written to a temporary file as they are read, then sent from it.

    The writer keeps one batch of rows in memory, so 100,000 rows take no more memory than
    1,000; the file is read back from disk as it is sent.
    """
    names = header(include_states)
    spool = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    write_workbook(
        spool,
        sheet_name=_("Activities"),
        header=names,
        rows=rows(queryset, request, include_states),
        widths=WIDTHS[: len(names)],
    )
    spool.seek(0)
    response = FileResponse(spool, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
