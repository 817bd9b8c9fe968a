"""An activity's history: one entry per change, holding its areas, partner roles and outputs.

Left to itself, simple_history writes an entry on every save() and another on every change
of a many-to-many field: an admin save that also changes the areas wrote three entries,
the first with the old areas, and a bulk approval wrote entries with no areas at all. The
services (activities/services.py) instead save with history paused and record one entry
once the record and all its relations are written.

Each entry also carries `relations`, the record's areas, partner roles and outputs as they
stood, so that a history page shows what really changed, a revert restores exactly that
version, and a deleted activity comes back with what it had when it was deleted.
"""

from contextlib import contextmanager

from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityPartner, Output, activity_history

# simple_history's own switch: an instance carrying this attribute records nothing on save.
PAUSE_ATTRIBUTE = "skip_history_when_saving"

OUTPUT_FIELDS = ("title", "kind", "issued_on", "date_precision", "url")


def relations_of(activity_id):
    """The areas, partner roles and outputs of an activity as stored now: three queries."""
    areas = Activity.thematic_areas.through.objects.filter(activity_id=activity_id)
    roles = ActivityPartner.objects.filter(activity_id=activity_id)
    outputs = Output.objects.filter(activity_id=activity_id).order_by("issued_on", "title")
    return {
        "areas": sorted(areas.values_list("thematicarea_id", flat=True)),
        "partner_roles": sorted([p, r] for p, r in roles.values_list("partner_id", "role")),
        "outputs": [
            {**row, "issued_on": row["issued_on"].isoformat() if row["issued_on"] else None}
            for row in outputs.values(*OUTPUT_FIELDS)
        ],
    }


@contextmanager
def paused(activity):
    """Saves of `activity` and changes to its areas inside the block record no history."""
    setattr(activity, PAUSE_ATTRIBUTE, True)
    try:
        yield activity
    finally:
        if hasattr(activity, PAUSE_ATTRIBUTE):
            delattr(activity, PAUSE_ATTRIBUTE)


def record(activity, kind, *, user, reason=""):
    """Write one history entry of `kind` ("+", "~" or "-") for `activity` as it stands."""
    activity._history_user = user
    if reason:
        activity._change_reason = reason
    activity_history.create_historical_record(activity, kind)


def keep_relations(sender, instance, **kwargs):
    """pre_delete: remember the relations for the entry that the deletion will write.

    Deleting removes the partner roles, outputs and area links before the activity itself,
    so the deletion entry could not read them afterwards; pre_delete is sent before any of
    them goes, whichever way the activity is deleted.
    """
    instance._history_relations = relations_of(instance.pk)


def fill_relations(sender, instance, history_instance, **kwargs):
    """pre_create_historical_record: store the relations with every new entry."""
    kept = getattr(instance, "_history_relations", None)
    history_instance.relations = kept if kept is not None else relations_of(instance.pk)


def connect_signals():
    from django.db.models.signals import pre_delete
    from simple_history.signals import pre_create_historical_record

    pre_delete.connect(keep_relations, sender=Activity, dispatch_uid="activity-keep-relations")
    pre_create_historical_record.connect(
        fill_relations, sender=Activity.history.model, dispatch_uid="activity-history-relations"
    )


def relation_changes(old, new, partner_names):
    """What changed in partner roles and outputs between two entries, as (label, old, new).

    Entries recorded before relations were kept have none; nothing is said about them.
    """
    if old.relations is None or new.relations is None:
        return []
    changes = []

    def roles_text(entry):
        return sorted(
            f"{partner_names.get(partner, partner)} ({role})"
            for partner, role in entry.relations["partner_roles"]
        )

    if old.relations["partner_roles"] != new.relations["partner_roles"]:
        changes.append((_("Partners and roles"), roles_text(old), roles_text(new)))
    if old.relations["outputs"] != new.relations["outputs"]:
        changes.append(
            (
                _("Outputs"),
                [o["title"] for o in old.relations["outputs"]],
                [o["title"] for o in new.relations["outputs"]],
            )
        )
    return changes


def comparable(value):
    """A field's value in one form whatever it came from: a form, the record or its history."""
    if value is None or value == "":
        return None
    if hasattr(value, "pk"):
        return value.pk
    if hasattr(value, "code"):  # a country
        return value.code or None
    if isinstance(value, list | tuple | set | frozenset) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return frozenset(comparable(item) for item in items)
    return value


def values_of(activity):
    """The editable fields of a stored activity, comparable, areas included."""
    values = {
        field.name: comparable(getattr(activity, field.attname))
        for field in Activity._meta.concrete_fields
        if field.editable
    }
    areas = Activity.thematic_areas.through.objects.filter(activity_id=activity.pk)
    values["thematic_areas"] = frozenset(areas.values_list("thematicarea_id", flat=True))
    return values


def values_at(activity_id, version):
    """The editable fields of an activity as they stood at `version`, or None if unknown."""
    entry = (
        Activity.history.filter(id=activity_id, version=version)
        .order_by("-history_date", "-history_id")
        .first()
    )
    if entry is None:
        return None
    values = {
        field.name: comparable(getattr(entry, field.attname))
        for field in Activity._meta.concrete_fields
        if field.editable
    }
    areas = (entry.relations or {}).get("areas")
    if areas is None:
        areas = entry.thematic_areas.values_list("thematicarea_id", flat=True)
    values["thematic_areas"] = frozenset(areas)
    return values
