"""CSV and XLSX exports of exactly the rows of a filtered activity list.

Rows are read as plain values from three streams (activities, their areas, their
partner roles) sorted alike, so 100,000 rows go out in constant memory.
"""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import Workbook

from activities.models import Activity, ActivityPartner, PartnerRole
from reports.dates import format_date_range

CHUNK = 2000

COLUMNS = [
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
]


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


def _link_order(queryset):
    """The list's ordering, restated from the side of a table that points at activities."""
    order = list(queryset.query.order_by) or list(Activity._meta.ordering)
    mapped = []
    for field in order:
        descending, name = field.startswith("-"), field.lstrip("-")
        name = "activity_id" if name in ("id", "pk") else f"activity__{name}"
        mapped.append(f"-{name}" if descending else name)
    return mapped


class _Follower:
    """Reads a stream of (activity_id, value) rows in step with the activities."""

    def __init__(self, rows):
        self.rows = iter(rows)
        self.current = next(self.rows, None)

    def take(self, activity_id):
        values = []
        while self.current is not None and self.current[0] == activity_id:
            values.append(self.current[1:])
            self.current = next(self.rows, None)
        return values


def _followers(queryset):
    """Areas and partner roles streamed in the list's own order: two more queries in all.

    Each stream is sorted like the activities, so one pass over the three together
    gathers every row's links without holding them all in memory.
    """
    ids = queryset.values("pk")
    order = _link_order(queryset)
    areas = (
        Activity.thematic_areas.through.objects.filter(activity__in=ids)
        .order_by(*order, "thematicarea__order", "thematicarea__name")
        .values_list("activity_id", "thematicarea__name")
        .iterator(chunk_size=CHUNK)
    )
    partners = (
        ActivityPartner.objects.filter(activity__in=ids)
        .order_by(*order, "partner__name", "role")
        .values_list("activity_id", "partner__name", "role")
        .iterator(chunk_size=CHUNK)
    )
    return _Follower(areas), _Follower(partners)


def rows(queryset, request, include_states):
    """The header, then one list of cells per activity."""
    yield header(include_states)
    base = request.build_absolute_uri("/activities/")
    role_labels = {value: str(label) for value, label in PartnerRole.choices}
    # Dates and country names repeat across rows; translating each once keeps the
    # export fast (translation lookups dominate otherwise).
    date_text, country_text = {}, {}
    areas, partners = _followers(queryset)
    activities = queryset.values_list("pk", *COLUMNS).iterator(chunk_size=CHUNK)
    for (
        pk,
        title,
        slug,
        type_name,
        start,
        end,
        precision,
        city,
        country,
        event,
        total,
        women,
        men,
        status,
        review_state,
        visibility,
    ) in activities:
        dates = date_text.get((start, end, precision))
        if dates is None:
            dates = date_text[start, end, precision] = format_date_range(start, end, precision)
        country_name = country_text.get(country)
        if country_name is None:
            country_name = country_text[country] = countries.name(country) if country else ""
        cells = [
            _safe(title),
            f"{base}{slug}/",
            _safe(type_name),
            dates,
            start.isoformat(),
            end.isoformat() if end else "",
            precision,
            _safe(city),
            country_name,
            _safe("; ".join(name for (name,) in areas.take(pk))),
            _safe(
                "; ".join(
                    f"{name} ({role_labels.get(role, role)})" for name, role in partners.take(pk)
                )
            ),
            _safe(event or ""),
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
        _csv_blocks(rows(queryset, request, include_states)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(queryset, request, include_states, filename):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Activities"))
    for row in rows(queryset, request, include_states):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
