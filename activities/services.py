"""Writes that do more than save(): one change at a time, review moves, deleting and restoring.

The admin, the API and the management commands all write activities through these, so
the version check, the history entry and the review rules are the same everywhere.
"""

from datetime import date

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from activities import history, roles
from activities.models import (
    Activity,
    ActivityPartner,
    Output,
    ReviewEvent,
    ReviewState,
    ThematicArea,
    Visibility,
)
from activities.records import unique_slug
from activities.review import visibility_action
from activities.web_addresses import FormerAddress, is_neutral
from core.caching import bump_data_version
from partners.models import Partner


def can_approve(user):
    return user.has_perm("activities.approve_activity")


def can_publish(user):
    return user.has_perm("activities.publish_activity")


def workflow_errors(user, before, review_state, visibility):
    """Field errors when `user` moves an activity to a state their role does not allow.

    `before` is the stored activity, or None for a new one. Data entry staff may
    draft and submit; approving needs the approve permission and making a record
    public needs the publish permission (both held by managers). Only managers make a
    confidential record less confidential.
    """
    errors = {}
    was_approved = before is not None and before.review_state == ReviewState.APPROVED
    if review_state == ReviewState.APPROVED and not was_approved and not can_approve(user):
        errors["review_state"] = _("Only managers can approve an activity.")
    elif was_approved and review_state != ReviewState.APPROVED and not can_approve(user):
        errors["review_state"] = _("Only managers can withdraw an approval.")
    was_public = before is not None and before.visibility == Visibility.PUBLIC
    was_confidential = before is not None and before.visibility == Visibility.CONFIDENTIAL
    if was_approved and visibility != before.visibility and not roles.is_manager(user):
        errors["visibility"] = _("Only managers change who may see an approved activity.")
        return errors
    if visibility == Visibility.PUBLIC and not was_public and not can_publish(user):
        errors["visibility"] = _("Only managers can make an activity public.")
    elif was_confidential and visibility != Visibility.CONFIDENTIAL and not roles.is_manager(user):
        errors["visibility"] = _(
            "Only managers can make a confidential activity less confidential."
        )
    return errors


class StaleVersion(Exception):
    """The activity was changed by someone else after the version a write was based on."""

    def __init__(self, current):
        super().__init__(f"activity {current.pk} is at version {current.version}")
        self.current = current


def current_state(activity_id):
    """The stored activity with who changed it last, for telling a writer what happened."""
    return Activity.objects.select_related("updated_by").get(pk=activity_id)


def check_version(activity_id, based_on):
    """Raise StaleVersion unless the stored activity is still at version `based_on`."""
    current = current_state(activity_id)
    if current.version != based_on:
        raise StaleVersion(current)
    return current


def _claim_version(activity, based_on):
    """Move the stored version on from `based_on`, or refuse.

    One conditional UPDATE: of two writers based on the same version, exactly one moves it.
    """
    claimed = Activity.objects.filter(pk=activity.pk, version=based_on).update(
        version=F("version") + 1
    )
    if not claimed:
        raise StaleVersion(current_state(activity.pk))
    activity.version = based_on + 1


def fields_changed_since(current, based_on):
    """Names of the fields changed between version `based_on` and `current`, from history."""
    if based_on is None:
        return []
    versions = Activity.history.filter(id=current.pk)
    old = versions.filter(version=based_on).order_by("history_date").last()
    new = versions.first()
    if old is None or new is None or old == new:
        return []
    delta = new.diff_against(old)
    names = [str(Activity._meta.get_field(name).verbose_name) for name in delta.changed_fields]
    return names + [str(label) for label, _old, _new in history.relation_changes(old, new, {})]


CHANGE_ATTRIBUTE = "_gcu_change"


def start_change(*, activity, user, based_on):
    """Begin saving `activity` (new, or based on version `based_on`) as one change.

    Call inside a transaction, save the activity and its relations, then
    `finish_change`. Raises StaleVersion when the record moved on since `based_on`.
    """
    visibility_before = None
    if activity.pk is None:
        kind = "+"
        activity.created_by = activity.created_by or user
        activity.version = 1
    else:
        kind = "~"
        if based_on is None:
            raise ValueError("A change to a stored activity says which version it is based on.")
        visibility_before = (
            Activity.objects.filter(pk=activity.pk).values_list("visibility", flat=True).first()
        )
        _claim_version(activity, based_on)
    activity.updated_by = user
    setattr(activity, history.PAUSE_ATTRIBUTE, True)
    setattr(activity, CHANGE_ATTRIBUTE, (kind, visibility_before))
    return kind


def finish_change(*, activity, user, reason=""):
    """Record the change begun by `start_change` as one history entry, relations included;
    a change of who may see the record goes to its review log too, whoever made it where."""
    begun = getattr(activity, CHANGE_ATTRIBUTE, None)
    if begun is None:
        return
    kind, visibility_before = begun
    delattr(activity, CHANGE_ATTRIBUTE)
    if hasattr(activity, history.PAUSE_ATTRIBUTE):
        delattr(activity, history.PAUSE_ATTRIBUTE)
    if activity.is_published and is_neutral(activity.slug):
        give_final_address(activity)
    history.record(activity, kind, user=user, reason=reason)
    if visibility_before is not None and visibility_before != activity.visibility:
        ReviewEvent.log(
            activity,
            user,
            visibility_action(visibility_before, activity.visibility),
            visibility_before,
            activity.visibility,
        )
    bump_data_version()


def give_final_address(activity):
    """A published record's address, made from its title now; the neutral one redirects."""
    FormerAddress.objects.create(slug=activity.slug, activity=activity)
    activity.slug = unique_slug(activity.title)
    Activity.objects.filter(pk=activity.pk).update(slug=activity.slug)


@transaction.atomic
def save_activity(
    *,
    activity,
    user,
    based_on=None,
    areas=None,
    roles=None,
    outputs=None,
    write_relations=None,
    reason="",
):
    """Save `activity` with its areas and partner roles as one change.

    `areas` (thematic areas), `roles` ((partner, role) pairs) and `outputs` (dicts of
    output fields) replace the stored ones when given; `write_relations`, when given, is
    called once the record is saved to write relations kept another way (the admin's
    inlines). Raises StaleVersion when `based_on` is not the stored version.
    """
    start_change(activity=activity, user=user, based_on=based_on)
    activity.save()
    if areas is not None:
        activity.thematic_areas.set(areas)
    if roles is not None:
        replace_roles(activity, roles)
    if outputs is not None:
        replace_outputs(activity, outputs)
    if write_relations is not None:
        write_relations()
    finish_change(activity=activity, user=user, reason=reason)
    return activity


def restore_relations(activity, relations):
    """Put back the partner roles and outputs a past version had (its areas come with the form)."""
    if relations is None:
        return
    partners = {
        p.pk: p for p in Partner.objects.filter(pk__in=[p for p, _r in relations["partner_roles"]])
    }
    replace_roles(
        activity,
        [(partners[p], role) for p, role in relations["partner_roles"] if p in partners],
    )
    Output.objects.filter(activity=activity).delete()
    Output.objects.bulk_create(_outputs(activity, relations["outputs"]))


def replace_outputs(activity, rows):
    """Make the activity's outputs exactly `rows`, keeping those whose title stays."""
    wanted = {row["title"]: row for row in rows}
    for output in Output.objects.filter(activity=activity):
        if wanted.get(output.title) is None:
            output.delete()
            continue
        row = wanted.pop(output.title)
        if any(getattr(output, field) != value for field, value in row.items()):
            for field, value in row.items():
                setattr(output, field, value)
            output.full_clean()
            output.save()
    for row in wanted.values():
        output = Output(activity=activity, **row)
        output.full_clean()
        output.save()


def _outputs(activity, rows):
    for row in rows:
        issued_on = date.fromisoformat(row["issued_on"]) if row["issued_on"] else None
        yield Output(activity=activity, **{**row, "issued_on": issued_on})


def replace_roles(activity, pairs):
    """Make the activity's partner roles exactly `pairs`; roles that stay are kept as they are."""
    wanted = {(partner.pk, role): partner for partner, role in pairs}
    for row in ActivityPartner.objects.filter(activity=activity):
        if wanted.pop((row.partner_id, row.role), None) is None:
            row.delete()
    for (_partner_id, role), partner in wanted.items():
        ActivityPartner.objects.create(activity=activity, partner=partner, role=role)


@transaction.atomic
def delete_activity(*, activity, user):
    """Delete an activity; its history entry keeps what it had, for restoring it."""
    activity._history_user = user
    activity.delete()


@transaction.atomic
def restore_activity(*, deletion, user):
    """Bring back a deleted activity with its areas, partner roles and outputs.

    `deletion` is the activity's history entry of type "-". The activity gets its old id
    and slug back; a new history entry records who restored it.
    """
    if Activity.objects.filter(pk=deletion.id).exists():
        raise ValueError(_("This activity exists; there is nothing to restore."))
    kept = deletion.relations or {"areas": [], "partner_roles": [], "outputs": []}
    activity = deletion.instance
    activity.updated_by = user
    # Areas and partners deleted since then cannot come back with it.
    areas = ThematicArea.objects.filter(pk__in=kept["areas"])
    partners = set(
        Partner.objects.filter(pk__in=[p for p, _r in kept["partner_roles"]]).values_list(
            "pk", flat=True
        )
    )
    with history.paused(activity):
        activity.save(force_insert=True)
        activity.thematic_areas.set(areas)
    ActivityPartner.objects.bulk_create(
        ActivityPartner(activity=activity, partner_id=partner, role=role)
        for partner, role in kept["partner_roles"]
        if partner in partners
    )
    Output.objects.bulk_create(_outputs(activity, kept["outputs"]))
    history.record(activity, "+", user=user, reason="Restored")
    bump_data_version()
    return activity


def possible_duplicates(*, user, title, start_date, activity_type, city, country, limit=5):
    """Activities `user` may see that a new one may repeat: the same title (ignoring case),
    as written or in one of its translations, or the same start date, type and place."""
    same = Q(pk__in=[])
    if title.strip():
        for name in ("title", "title_en", "title_fr", "title_es"):
            same |= Q(**{f"{name}__iexact": title.strip()})
    if start_date and activity_type and (city or country):
        place = Q(city__iexact=city.strip()) if city.strip() else Q(country=country)
        same |= Q(start_date=start_date, activity_type=activity_type) & place
    return list(
        Activity.objects.visible_to(user).filter(same).order_by("-start_date", "-id")[:limit]
    )
