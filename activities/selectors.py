"""Reads that several surfaces share: the registries as the visibility rule lets each user see them.

Partners, events and countries have no visibility of their own. Staff in a role see the
whole registry of partners and events (they need it to enter records without making
duplicates); anyone else knows one only where an activity they may see refers to it, so
that a partner or a place named only on a confidential record stays unknown to them.
"""

from collections import defaultdict
from functools import partial
from itertools import chain, groupby
from operator import itemgetter

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q

from activities import roles
from activities.choices import ChangeState, ReviewState
from activities.models import Activity, ActivityPartner, Event, Output, ThematicArea
from core.caching import for_page
from core.countries import named_in_order
from core.registry_names import in_language
from partners.models import Partner


def partners_visible_to(user):
    """Partners `user` may know of."""
    if roles.is_member(user):
        return Partner.objects.all()
    referred = ActivityPartner.objects.filter(
        partner=OuterRef("pk"), activity__in=Activity.objects.visible_to(user)
    )
    return Partner.objects.filter(Exists(referred))


def events_visible_to(user):
    """Events `user` may know of."""
    if roles.is_member(user):
        return Event.objects.all()
    return Event.objects.filter(
        Exists(Activity.objects.visible_to(user).filter(event=OuterRef("pk")))
    )


def visible_or_none(queryset, record):
    """`record` when it is in `queryset` (a registry as one user sees it), otherwise None.

    For a record page naming another record: an event's organiser, a partner's parent body.
    """
    if record is None or not queryset.filter(pk=record.pk).exists():
        return None
    return record


def country_choices(user):
    """(code, name) of the countries of the activities `user` may see, in the reader's order."""

    def compute():
        return named_in_order(visible_country_codes(Activity.objects.visible_to(user)))

    return for_page(compute, "country-choices", roles.scope(user))


# Each step finds the next country code after the last one through the country index,
# skipping the rows in between: a few hundred index probes instead of reading every row.
NEXT_COUNTRY = """
WITH RECURSIVE found(code) AS (
    SELECT (SELECT country FROM {table} WHERE country > '' {condition} ORDER BY country LIMIT 1)
    UNION ALL
    SELECT (SELECT country FROM {table} WHERE country > found.code {condition}
            ORDER BY country LIMIT 1)
      FROM found WHERE found.code IS NOT NULL
)
SELECT code FROM found WHERE code IS NOT NULL
"""


def visible_country_codes(activities):
    """The distinct country codes of `activities` (a filtered queryset of activities)."""
    if connection.vendor != "postgresql":
        return list(
            activities.exclude(country="").order_by().values_list("country", flat=True).distinct()
        )
    query = activities.query
    compiler = query.get_compiler(connection=connection)
    try:
        where, params = compiler.compile(query.where)
    except FullResultSet:  # no condition: every activity
        where, params = "", []
    except EmptyResultSet:
        return []
    condition = f"AND ({where})" if where else ""
    sql = NEXT_COUNTRY.format(table=Activity._meta.db_table, condition=condition)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *params])
        return [code for (code,) in cursor.fetchall()]


def areas_of(ids):
    """(activity id, area id, slug, name in the reader's language) of the thematic areas of
    the activities `ids`, in the registry's order: the list page's and the API list's read,
    compiled once (core/by_ids.py)."""
    return (
        Activity.thematic_areas.through.objects.filter(activity_id__in=ids)
        .order_by(*(f"thematicarea__{field}" for field in ThematicArea._meta.ordering))
        .values_list(
            "activity_id",
            "thematicarea_id",
            "thematicarea__slug",
            in_language("thematicarea__name"),
        )
    )


def with_relations(activities):
    """Foreign keys joined; areas, partner roles with their partners, and outputs in one query each."""
    return activities.select_related(
        "activity_type", "event", "initiative", "report_section"
    ).prefetch_related(
        "thematic_areas",
        Prefetch("roles", queryset=ActivityPartner.objects.select_related("partner")),
        "outputs",
    )


def links_of(activity_ids):
    """({id: (area id, ...)}, {id: ((partner id, role), ...)}, {id: ((title, kind, date,
    precision), ...)})
    for many activities, in three queries.

    For exports of tens of thousands of rows: plain tuples read straight from the link
    tables (no join, no sort: the caller names and orders them from the small registries),
    and the ids passed as one array literal on PostgreSQL.
    """
    areas, partners, outputs = defaultdict(list), defaultdict(list), defaultdict(list)
    if not activity_ids:
        return areas, partners, outputs
    if connection.vendor == "postgresql":
        # One array literal: parsed once, where a list becomes thousands of constants.
        condition = "= ANY(%s::bigint[])"
        params = ["{" + ",".join(str(int(pk)) for pk in activity_ids) + "}"]
    else:
        condition, params = f"IN ({', '.join(['%s'] * len(activity_ids))})", list(activity_ids)
    link = Activity.thematic_areas.through._meta.db_table
    role = ActivityPartner._meta.db_table
    output = Output._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT activity_id, thematicarea_id FROM {link} WHERE activity_id {condition}",
            params,
        )
        for activity_id, area_id in cursor.fetchall():
            areas[activity_id].append(area_id)
        cursor.execute(
            f"SELECT activity_id, partner_id, role FROM {role} WHERE activity_id {condition}",
            params,
        )
        for activity_id, partner_id, role_code in cursor.fetchall():
            partners[activity_id].append((partner_id, role_code))
        cursor.execute(
            f"SELECT activity_id, title, kind, issued_on, date_precision FROM {output}"
            f" WHERE activity_id {condition} ORDER BY issued_on, title",
            params,
        )
        for activity_id, *made in cursor.fetchall():
            outputs[activity_id].append(tuple(made))
    # Tuples, as `all_links` gives: a row's links can key the caches of their texts.
    return tuple(
        {pk: tuple(found) for pk, found in links.items()} for links in (areas, partners, outputs)
    )


def _grouped(cursor, sql, item, batch=10000):
    """{activity id: tuple of `item(row)` for its rows} from `sql` (rows ordered by activity
    id, which comes first). Each distinct tuple is kept once and shared, so 100,000
    activities take a few megabytes; grouping and picking run in C, not per row in Python."""
    cursor.execute(sql)
    rows = chain.from_iterable(iter(partial(cursor.fetchmany, batch), []))
    links, shared = {}, {}
    for activity_id, group in groupby(rows, itemgetter(0)):
        key = tuple(map(item, group))
        links[activity_id] = shared.setdefault(key, key)
    return links


def all_links():
    """What `links_of` gives, for every activity: the three link tables read whole.

    For long exports. Reading a link table in its index's order costs the database a tenth
    of looking up 100,000 activities' links one by one; the rows of activities the reader
    may not see are read but never looked up.
    """
    link = Activity.thematic_areas.through._meta.db_table
    role = ActivityPartner._meta.db_table
    output = Output._meta.db_table
    with connection.cursor() as cursor:
        return (
            _grouped(
                cursor,
                f"SELECT activity_id, thematicarea_id FROM {link} ORDER BY 1",
                itemgetter(1),
            ),
            _grouped(
                cursor,
                f"SELECT activity_id, partner_id, role FROM {role} ORDER BY 1",
                itemgetter(1, 2),
            ),
            _grouped(
                cursor,
                f"SELECT activity_id, title, kind, issued_on, date_precision FROM {output}"
                " ORDER BY activity_id, issued_on, title",
                itemgetter(1, 2, 3, 4),
            ),
        )


def waiting_records(user, queue):
    """The records behind one list of `waiting_for`, those with a pending change included:
    what the list's link to the list of activities shows ("review", "returned", "drafts")."""
    visible = Activity.objects.visible_to(user)
    if queue == "review" and roles.is_manager(user):
        return visible.filter(
            Q(review_state=ReviewState.SUBMITTED) | Q(pending_change__state=ChangeState.SUBMITTED)
        )
    states = {
        "returned": (ReviewState.RETURNED, ChangeState.RETURNED),
        "drafts": (ReviewState.DRAFT, ChangeState.DRAFT),
    }
    if queue in states and roles.is_data_entry(user):
        record_state, change_state = states[queue]
        return visible.filter(
            Q(review_state=record_state, created_by=user)
            | Q(pending_change__author=user, pending_change__state=change_state)
        )
    return visible.none()
