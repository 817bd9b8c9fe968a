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
from core.bulk_copy import insert
from core.caching import bump_data_version, one_bump

# So many rows written at once that the tables' statistics are renewed afterwards.
ANALYZE_AFTER = 1000
RECOMPUTE = (
    "UPDATE activities_activity SET search = "
    "activities_search_vector(id, title, summary, city) WHERE id = ANY(%s)"
)


@contextlib.contextmanager
def writes_in_bulk():
    """Yield a list; put in it the ids of the activities written. Opens a transaction."""
    written = []
    with one_bump(), transaction.atomic():
        postgresql = connection.vendor == "postgresql"
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL gcu.bulk_search = 'on'")
        yield written
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL gcu.bulk_search = 'off'")
                if written:
                    cursor.execute(RECOMPUTE, [list(written)])
                if len(written) >= ANALYZE_AFTER:
                    # The planner's statistics describe the tables before the load; with
                    # autovacuum off or slow, nothing else would bring them up to date.
                    cursor.execute(
                        "ANALYZE activities_activity, activities_activitypartner,"
                        " activities_activity_thematic_areas"
                    )


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
    insert(Activity, [entry[0] for entry in entries])
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
    record_created(entries, links, user=user)
    written.extend(activity.pk for activity, *_rest in entries)
    bump_data_version()


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
