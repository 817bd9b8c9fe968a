"""The API's list of activities as plain rows: the JSON of `ActivitySerializer`, written directly.

Integrations page through the whole list; through the nested serialisers each record
cost about 60 field objects, more than its share of the queries. Here a page is one query
of plain values with its foreign keys joined, then one query each for thematic areas,
partner roles and outputs, and each record's JSON is written as a dict in the serialiser's
order. `tests/api/test_rows.py` holds it equal to the serialiser's output, record by record.
The serialiser stays the schema and the path for a single record and for writes.
"""

from collections import defaultdict

from django.utils import timezone
from django_countries import countries

from activities import selectors
from activities.models import ActivityPartner, Output
from core.addresses import slug_url
from core.by_ids import rows_by_ids
from core.registry_names import in_language

COLUMNS = (
    "id",
    "slug",
    "title",
    "summary",
    "original_language",
    "title_en",
    "title_fr",
    "title_es",
    "summary_en",
    "summary_fr",
    "summary_es",
    "activity_type_id",
    "activity_type__slug",
    "activity_type__name",  # in the request's language (`columns`)
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "event_id",
    "event__slug",
    "event__name",  # in the request's language (`columns`)
    "initiative_id",
    "initiative__slug",
    "initiative__title",  # in the request's language (`columns`)
    "participants_total",
    "participants_women",
    "participants_men",
    "report_section_id",
    "report_section__slug",
    "report_section__title",  # in the request's language (`columns`)
    "prominence",
    "report_order",
    "status",
    "review_state",
    "visibility",
    "created_at",
    "updated_at",
    "version",
)


# Registry names read in the request's language, English where none (core/registry_names.py).
IN_LANGUAGE = {"activity_type__name", "event__name", "initiative__title", "report_section__title"}


def columns():
    return [in_language(c) if c in IN_LANGUAGE else c for c in COLUMNS]


# The title and summary in each language (activities/languages.py), in COLUMNS' order.
TEXTS = COLUMNS[COLUMNS.index("original_language") + 1 : COLUMNS.index("activity_type_id")]


class PageRows:
    """`activities` (filtered, visible to the reader) for a paginator: counted on their own
    table, as the serialiser's list was (the joins of the rows would make the count read
    every joined row), and read as tuples of COLUMNS, in their order."""

    ordered = True

    def __init__(self, activities):
        self.activities = activities
        self.rows = activities.values_list(*columns())

    def count(self):
        return self.activities.count()

    def __getitem__(self, index):
        return self.rows[index]


def page_rows(activities):
    return PageRows(activities)


def _record(pk, slug, name):
    return None if pk is None else {"id": pk, "slug": slug, "name": name}


def _date(value):
    return None if value is None else value.isoformat()


def _moment(value, zone):
    """A timestamp as REST framework writes it: in the site's time zone, UTC as "Z"."""
    if value is None:
        return None
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _roles_of(ids):
    return (
        ActivityPartner.objects.filter(activity_id__in=ids)
        .order_by("role", "partner__name")
        .values_list(
            "activity_id",
            "partner_id",
            "partner__slug",
            in_language("partner__name"),
            in_language("partner__acronym"),
            "role",
        )
    )


def _outputs_of(ids):
    return (
        Output.objects.filter(activity_id__in=ids)
        .order_by("issued_on", "title")
        .values_list("activity_id", "title", "kind", "issued_on", "date_precision", "url")
    )


def relations_of(ids):
    """({id: [area]}, {id: [partner role]}, {id: [output]}) for the activities `ids`, as the
    serialiser writes them, in the order the models give them: three queries, each compiled
    once (core/by_ids.py)."""
    areas, roles, outputs = defaultdict(list), defaultdict(list), defaultdict(list)
    for activity_id, pk, slug, name in rows_by_ids(selectors.areas_of, ids):
        areas[activity_id].append({"id": pk, "slug": slug, "name": name})
    for activity_id, pk, slug, name, acronym, role in rows_by_ids(_roles_of, ids):
        partner = {"id": pk, "slug": slug, "name": name, "acronym": acronym}
        roles[activity_id].append({"partner": partner, "role": role})
    made = rows_by_ids(_outputs_of, ids)
    for activity_id, title, kind, issued_on, precision, url in made:
        outputs[activity_id].append(
            {
                "title": title,
                "kind": kind,
                "issued_on": _date(issued_on),
                "date_precision": precision,
                "url": url,
            }
        )
    return areas, roles, outputs


def records(rows, request):
    """The JSON of `ActivitySerializer` for each row of `page_rows`, in order."""
    if not rows:
        return []
    areas, roles, outputs = relations_of([row[0] for row in rows])
    page_url = slug_url("activities:detail")
    site = request.build_absolute_uri("/")[:-1]
    zone = timezone.get_current_timezone()
    result = []
    for (
        pk,
        slug,
        title,
        summary,
        original_language,
        *texts,
        type_id,
        type_slug,
        type_name,
        start_date,
        end_date,
        precision,
        city,
        country,
        event_id,
        event_slug,
        event_name,
        initiative_id,
        initiative_slug,
        initiative_title,
        total,
        women,
        men,
        section_id,
        section_slug,
        section_title,
        prominence,
        report_order,
        status,
        review_state,
        visibility,
        created_at,
        updated_at,
        version,
    ) in rows:
        result.append(
            {
                "id": pk,
                "slug": slug,
                "title": title,
                "summary": summary,
                "original_language": original_language,
                **dict(zip(TEXTS, texts, strict=True)),
                "activity_type": {"id": type_id, "slug": type_slug, "name": type_name},
                "start_date": _date(start_date),
                "end_date": _date(end_date),
                "date_precision": precision,
                "city": city,
                "country": countries.alpha2(country) if country else "",
                "thematic_areas": areas.get(pk, []),
                "partners": roles.get(pk, []),
                "event": _record(event_id, event_slug, event_name),
                "initiative": _record(initiative_id, initiative_slug, initiative_title),
                "participants_total": total,
                "participants_women": women,
                "participants_men": men,
                "report_section": _record(section_id, section_slug, section_title),
                "prominence": prominence,
                "report_order": report_order,
                "status": status,
                "review_state": review_state,
                "visibility": visibility,
                "outputs": outputs.get(pk, []),
                "created_at": _moment(created_at, zone),
                "updated_at": _moment(updated_at, zone),
                "version": version,
                "page_url": site + page_url(slug),
            }
        )
    return result
