"""Many activities written in one transaction, as one: an import, a restore of many rows.

Row by row, each write would bring the written record's search vector up to date again for
every partner role it gets (database triggers, migration 0006) and tell the cache once per
row that the data changed. In bulk, the triggers rest until the end of the transaction and
the vectors of the records written are computed once; the cache hears of it once.
"""

import contextlib

from django.db import connection, transaction
from django.utils import timezone

from activities.models import Activity, ActivityPartner, activity_history
from activities.web_addresses import neutral_slug
from core.bulk_copy import allocate_ids, insert
from core.caching import bump_data_version, one_bump

# So many rows written at once that the tables' statistics are renewed afterwards.
ANALYZE_AFTER = 1000
RECOMPUTE = (
    "UPDATE activities_activity a SET search = activities_search_vector(a) WHERE a.id = ANY(%s)"
)
# On PostgreSQL a chunk's activities are written to a staging table first, then into their
# own with their search vectors computed for the whole chunk in one statement: the vector
# of migration 0018 (texts stemmed in their languages; city; partners, type and areas in
# three languages; the staging row has the activity's columns, in their order),
# from links written just before (their foreign keys are checked at commit). Computed row
# by row afterwards, the vectors took a millisecond each and rewrote every row once more.
STAGING = "gcu_activity_staging"


def registry_names(alias, within=""):
    """LEFT JOINs naming, for each activity of `alias`, its type (t.name_en, …), its
    partners (p.names) and its thematic areas (ar.names) in the three languages: the words
    the search vector of migration 0018 holds besides the record's own texts. `within`
    (e.g. "IN (SELECT id FROM …)") narrows the link tables read to those activities."""
    partners = f"WHERE r.activity_id {within}" if within else ""
    areas = f"WHERE l.activity_id {within}" if within else ""
    return f"""
  LEFT JOIN activities_activitytype t ON t.id = {alias}.activity_type_id
  LEFT JOIN (
        SELECT r.activity_id,
               string_agg(concat_ws(' ', pp.name_en, pp.name_fr, pp.name_es,
                                    pp.acronym_en, pp.acronym_fr, pp.acronym_es), ' ') AS names
          FROM activities_activitypartner r
          JOIN partners_partner pp ON pp.id = r.partner_id
         {partners}
         GROUP BY r.activity_id
       ) p ON p.activity_id = {alias}.id
  LEFT JOIN (
        SELECT l.activity_id,
               string_agg(concat_ws(' ', ta.name_en, ta.name_fr, ta.name_es), ' ') AS names
          FROM activities_activity_thematic_areas l
          JOIN activities_thematicarea ta ON ta.id = l.thematicarea_id
         {areas}
         GROUP BY l.activity_id
       ) ar ON ar.activity_id = {alias}.id
"""


# The registries' words of an activity, from the joins of `registry_names`.
REGISTRY_WORDS = "concat_ws(' ', p.names, t.name_en, t.name_fr, t.name_es, ar.names)"
VECTOR = f"activities_text_vector(ROW(s.*)::activities_activity, {REGISTRY_WORDS})"
FROM_STAGING = """
INSERT INTO activities_activity ({columns})
SELECT {values}
  FROM gcu_activity_staging s"""
STAGED_NAMES = registry_names("s", "IN (SELECT id FROM gcu_activity_staging)")


class Written(list):
    """The ids of the activities written whose search vectors are still to be computed;
    `rows` counts every activity written."""

    rows = 0


@contextlib.contextmanager
def writes_in_bulk():
    """Yield a list; put in it the ids of the activities written. Opens a transaction."""
    written = Written()
    with one_bump(), transaction.atomic():
        postgresql = connection.vendor == "postgresql"
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL gcu.bulk_search = 'on'")
        yield written
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL gcu.bulk_search = 'off'")
                if written.rows >= ANALYZE_AFTER:
                    # The planner's statistics describe the tables before the load (the
                    # rows of this transaction count in ANALYZE); with them stale, each
                    # vector below was computed by scanning the link tables whole.
                    cursor.execute(
                        "ANALYZE activities_activity, activities_activitypartner,"
                        " activities_activity_thematic_areas"
                    )
                if written:
                    cursor.execute(RECOMPUTE, [list(written)])


def create_many(entries, *, user):
    """Create new activities as drafts of `user`, each with its history entry, in one
    transaction; returns them. See `create_in_bulk`."""
    entries = list(entries)
    with writes_in_bulk() as written:
        create_in_bulk(entries, user=user, written=written)
    return [entry[0] for entry in entries]


def create_in_bulk(entries, *, user, written):
    """Create new activities as drafts of `user`, inside `writes_in_bulk()`.

    entries: (activity, areas, (partner, role) pairs, reason) for unsaved, checked
    activities. A few statements for them all instead of some twenty each: the records,
    their area links and partner roles in bulk (the roles with their own history), then one
    history entry per record holding its relations, as the services write them one by one.
    Called once per chunk of a large import, all inside the one transaction.
    """
    for activity, _areas, _roles, _reason in entries:
        activity.created_by = activity.updated_by = user
        activity.version = 1
        if not activity.slug:
            # Imported records are drafts: their addresses are neutral until published.
            activity.slug = neutral_slug()
    activities = [entry[0] for entry in entries]
    staged = connection.vendor == "postgresql"
    if staged:
        allocate_ids(Activity, activities)  # the links below name them
    else:
        insert(Activity, activities)
    link = Activity.thematic_areas.through
    links = insert(
        link,
        (
            {"activity_id": activity.pk, "thematicarea_id": area.pk}
            for activity, areas, _roles, _reason in entries
            for area in areas
        ),
    )
    roles = insert(
        ActivityPartner,
        (
            {"activity_id": activity.pk, "partner_id": partner.pk, "role": role}
            for activity, _areas, roles, _reason in entries
            for partner, role in roles
        ),
    )
    # Each role's own first history entry, as bulk_create_with_history writes it.
    now = timezone.now()
    insert(
        ActivityPartner.history.model,
        (
            {
                **row,
                "history_date": now,
                "history_user_id": user.pk,
                "history_change_reason": "",
                "history_type": "+",
            }
            for row in roles
        ),
    )
    if staged:
        _from_staging(activities)
    else:
        written.extend(activity.pk for activity in activities)
    written.rows += len(activities)
    record_created(entries, links, user=user)
    bump_data_version()


def _from_staging(activities):
    """Write the activities with their search vectors (see FROM_STAGING)."""
    columns = [field.column for field in Activity._meta.concrete_fields]
    quoted = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE IF NOT EXISTS {STAGING}"
            " (LIKE activities_activity INCLUDING DEFAULTS) ON COMMIT DROP"
        )
        insert(Activity, activities, into=STAGING)
        cursor.execute(
            FROM_STAGING.format(
                columns=", ".join(quoted(column) for column in columns),
                values=", ".join(
                    VECTOR if column == "search" else f"s.{quoted(column)}" for column in columns
                ),
            )
            + STAGED_NAMES
        )
        cursor.execute(f"TRUNCATE {STAGING}")


def record_created(entries, links, *, user):
    """One history entry per new activity, as history.record writes it one by one: the
    record's fields, its relations, and its area links in the history's own link table."""
    History = Activity.history.model
    AreaHistory = activity_history.m2m_models[Activity._meta.get_field("thematic_areas")]
    now = timezone.now()
    history_of = {}
    tracked = [field.attname for field in History.tracked_fields]
    for activity, areas, roles, reason in entries:
        values = activity.__dict__
        history_of[activity.pk] = {
            **{name: values.get(name) for name in tracked},
            "history_date": now,
            "history_user_id": user.pk,
            "history_change_reason": reason,
            "history_type": "+",
            "relations": {
                "areas": sorted(area.pk for area in areas),
                "partner_roles": sorted([partner.pk, role] for partner, role in roles),
                "outputs": [],
            },
        }
    insert(History, history_of.values())
    insert(
        AreaHistory,
        (
            {
                "history_id": history_of[row["activity_id"]]["history_id"],
                "id": row["id"],
                "activity_id": row["activity_id"],
                "thematicarea_id": row["thematicarea_id"],
            }
            for row in links
        ),
    )
