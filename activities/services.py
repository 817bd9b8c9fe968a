"""Writes that do more than save(): review workflow and restoring deleted activities."""

from datetime import timedelta

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

from activities.caching import bump_data_version
from activities.models import (
    Activity,
    ActivityPartner,
    Output,
    ReviewState,
    Visibility,
)


def can_approve(user):
    return user.has_perm("activities.approve_activity")


def can_publish(user):
    return user.has_perm("activities.publish_activity")


def workflow_errors(user, before, review_state, visibility):
    """Field errors when `user` moves an activity to a state their role does not allow.

    `before` is the stored activity, or None for a new one. Data entry staff may
    draft and submit; approving needs the approve permission and making a record
    public needs the publish permission (both held by managers).
    """
    errors = {}
    was_approved = before is not None and before.review_state == ReviewState.APPROVED
    if review_state == ReviewState.APPROVED and not was_approved and not can_approve(user):
        errors["review_state"] = _("Only managers can approve an activity.")
    elif was_approved and review_state != ReviewState.APPROVED and not can_approve(user):
        errors["review_state"] = _("Only managers can withdraw an approval.")
    was_public = before is not None and before.visibility == Visibility.PUBLIC
    if visibility == Visibility.PUBLIC and not was_public and not can_publish(user):
        errors["visibility"] = _("Only managers can make an activity public.")
    return errors


def _bulk_save(activities, fields, user):
    bulk_update_with_history(
        activities, Activity, [*fields, "updated_by"], default_user=user, batch_size=500
    )
    bump_data_version()  # bulk updates send no post_save


@transaction.atomic
def submit(activities, user):
    """Send drafts for review; returns how many changed."""
    changed = [a for a in activities if a.review_state == ReviewState.DRAFT]
    for activity in changed:
        activity.review_state = ReviewState.SUBMITTED
        activity.updated_by = user
    _bulk_save(changed, ["review_state"], user)
    return len(changed)


@transaction.atomic
def approve(activities, user):
    """Approve what is not approved yet; returns how many changed."""
    if not can_approve(user):
        raise PermissionError("approve_activity")
    changed = [a for a in activities if a.review_state != ReviewState.APPROVED]
    for activity in changed:
        activity.review_state = ReviewState.APPROVED
        activity.updated_by = user
    _bulk_save(changed, ["review_state"], user)
    return len(changed)


@transaction.atomic
def publish(activities, user):
    """Make approved activities public; returns (published, skipped because unapproved)."""
    if not can_publish(user):
        raise PermissionError("publish_activity")
    approved = [a for a in activities if a.review_state == ReviewState.APPROVED]
    changed = [a for a in approved if a.visibility != Visibility.PUBLIC]
    for activity in changed:
        activity.visibility = Visibility.PUBLIC
        activity.updated_by = user
    _bulk_save(changed, ["visibility"], user)
    return len(changed), len(activities) - len(approved)


# Deleting an activity deletes its partner roles and outputs in the same transaction,
# a few milliseconds before the activity's own history entry. Rows whose deletion was
# recorded within this window went with the activity; older deletions were deliberate.
CASCADE_WINDOW = timedelta(seconds=5)


def _rows_deleted_with(history_model, deletion):
    """The inline rows that were deleted together with the activity, as they last stood."""
    latest = {}
    for record in history_model.objects.filter(
        activity_id=deletion.id, history_date__lte=deletion.history_date
    ).order_by("history_date", "history_id"):
        latest[record.id] = record
    window_start = deletion.history_date - CASCADE_WINDOW
    return [r for r in latest.values() if r.history_type == "-" and r.history_date >= window_start]


@transaction.atomic
def restore_activity(deletion, user):
    """Bring back a deleted activity with its partner roles, outputs and thematic areas.

    `deletion` is the activity's historical record of type "-". The activity gets
    its old id and slug back; a new history entry records who restored it.
    """
    if Activity.objects.filter(pk=deletion.id).exists():
        raise ValueError(_("This activity exists; there is nothing to restore."))
    activity = deletion.instance
    activity.updated_by = user
    activity._history_user = user
    activity.save(force_insert=True)
    # The deletion entry is written after the area links are gone; the entry before it
    # holds the last set of areas.
    last_state = deletion.prev_record or deletion
    activity.thematic_areas.set([row.thematicarea_id for row in last_state.thematic_areas.all()])

    for row in _rows_deleted_with(ActivityPartner.history.model, deletion):
        row.instance.save(force_insert=True)
    for row in _rows_deleted_with(Output.history.model, deletion):
        row.instance.save(force_insert=True)
    return activity
