"""CSV and XLSX exports of exactly the rows of a filtered activity list.

Rows are read in chunks of CHUNK activities, each chunk with its areas and partner roles
prefetched (three queries a chunk): memory stays bounded however many rows go out, and
each chunk is read whole, so a record changed during a long export is never half old and
half new. On PostgreSQL the chunks come from a server-side cursor, unless the database
sits behind PgBouncer in transaction mode (DJANGO_DISABLE_SERVER_SIDE_CURSORS).
"""

import csv
import io

from django.db.models import Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import Workbook

from activities.models import ActivityPartner, PartnerRole, ThematicArea
from core.dates import format_date_range

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


def export_rows(queryset):
    """The list's activities with what a row shows, fetched a chunk at a time."""
    return (
        queryset.select_related("activity_type", "event")
        .only(*(name for name in COLUMNS), "activity_type__name", "event__name")
        .prefetch_related(
            Prefetch(
                "thematic_areas",
                queryset=ThematicArea.objects.only("name", "order").order_by("order", "name"),
            ),
            Prefetch(
                "roles",
                queryset=ActivityPartner.objects.select_related("partner")
                .only("activity_id", "role", "partner__name")
                .order_by("partner__name", "role"),
            ),
        )
        .iterator(chunk_size=CHUNK)
    )


def rows(queryset, request, include_states):
    """The header, then one list of cells per activity."""
    yield header(include_states)
    base = request.build_absolute_uri("/activities/")
    role_labels = {value: str(label) for value, label in PartnerRole.choices}
    # Dates and country names repeat across rows; translating each once keeps the
    # export fast (translation lookups dominate otherwise).
    date_text, country_text = {}, {}
    for activity in export_rows(queryset):
        start, end, precision = activity.start_date, activity.end_date, activity.date_precision
        dates = date_text.get((start, end, precision))
        if dates is None:
            dates = date_text[start, end, precision] = format_date_range(start, end, precision)
        code = activity.country.code if activity.country else ""
        country_name = country_text.get(code)
        if country_name is None:
            country_name = country_text[code] = countries.name(code) if code else ""
        cells = [
            _safe(activity.title),
            f"{base}{activity.slug}/",
            _safe(activity.activity_type.name),
            dates,
            start.isoformat(),
            end.isoformat() if end else "",
            precision,
            _safe(activity.city),
            country_name,
            _safe("; ".join(area.name for area in activity.thematic_areas.all())),
            _safe(
                "; ".join(
                    f"{role.partner.name} ({role_labels.get(role.role, role.role)})"
                    for role in activity.roles.all()
                )
            ),
            _safe(activity.event.name if activity.event else ""),
            activity.participants_total,
            activity.participants_women,
            activity.participants_men,
            activity.status,
        ]
        if include_states:
            cells += [activity.review_state, activity.visibility]
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
