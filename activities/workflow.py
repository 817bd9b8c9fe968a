"""The review workflow: every move is a service that checks who may make it, logs it and tells people.

| move                     | from                         | to        | who                                  |
|--------------------------|------------------------------|-----------|--------------------------------------|
| submit                   | draft, returned              | submitted | its author, data entry, managers     |
| withdraw                 | submitted                    | draft     | its author, data entry, managers     |
| approve                  | submitted, draft, returned   | approved  | managers                             |
| return (with a comment)  | submitted                    | returned  | managers                             |
| publish / unpublish      | approved                     | public / internal | managers                     |
| change visibility        | approved                     | any       | managers                             |

A change to an approved record by anyone but a manager becomes its pending change (one per
record); the record keeps its approved content on every surface until a manager approves
the change, which is then applied to the same record as one change of its history:

| move on a pending change | from             | to                   | who                  |
|--------------------------|------------------|----------------------|----------------------|
| propose (edit)           | draft, returned  | draft                | its author           |
| submit                   | draft, returned  | submitted            | its author           |
| withdraw                 | submitted        | draft                | its author           |
| approve                  | submitted        | applied, then gone   | managers             |
| return (with a comment)  | submitted        | returned             | managers             |
| discard                  | any              | gone                 | its author, managers |
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from activities import notifications, roles, services
from activities.choices import ChangeState, ReviewAction, ReviewState, Visibility
from activities.history import relations_of
from activities.records import Activity
from activities.review import PendingChange, ReviewEvent, visibility_action
from partners.models import Partner


class NotAllowed(Exception):
    """A move this person may not make (`forbidden`), or not from where the record stands."""

    def __init__(self, message, *, forbidden=False):
        super().__init__(message)
        self.message = message
        self.forbidden = forbidden


def is_manager(user):
    return roles.is_manager(user)


def may_submit(user, activity):
    """Its author, any data entry user, or a manager."""
    return (
        roles.is_manager(user)
        or roles.is_data_entry(user)
        or (activity.created_by_id is not None and activity.created_by_id == user.pk)
    )


_log = ReviewEvent.log


def _move(activity, *, user, action, comment="", **values):
    """Set `values` on the record as one change of its history, and log the move.

    A change of visibility is logged by services.finish_change, as every such change is.
    """
    before = activity.review_state
    with transaction.atomic():
        services.start_change(activity=activity, user=user, based_on=activity.version)
        for name, value in values.items():
            setattr(activity, name, value)
        activity.save(update_fields=[*values, "version", "updated_by", "updated_at"])
        services.finish_change(activity=activity, user=user, reason=str(action.label))
        if "review_state" in values:
            _log(activity, user, action, before, activity.review_state, comment)
    return activity


def _require(condition, message, *, forbidden=False):
    if not condition:
        raise NotAllowed(message, forbidden=forbidden)


# The record's own moves.


def submit(*, activity, user):
    """Submit a draft or returned record, or the pending change of an approved record."""
    change = pending_change_of(activity)
    if activity.review_state == ReviewState.APPROVED and change is not None:
        return submit_change(change=change, user=user)
    _require(
        may_submit(user, activity),
        _("Only its author, data entry staff and managers submit a record."),
        forbidden=True,
    )
    _require(
        activity.review_state in (ReviewState.DRAFT, ReviewState.RETURNED),
        _("Only a draft or a returned record can be submitted; this one is %(state)s.")
        % {"state": activity.get_review_state_display().lower()},
    )
    _move(activity, user=user, action=ReviewAction.SUBMITTED, review_state=ReviewState.SUBMITTED)
    notifications.submitted(activity=activity, by=user)
    return activity


def withdraw(*, activity, user):
    """Take a submitted record, or an approved record's submitted change, back to a draft."""
    change = pending_change_of(activity)
    if activity.review_state == ReviewState.APPROVED and change is not None:
        return withdraw_change(change=change, user=user)
    _require(
        may_submit(user, activity),
        _("Only its author, data entry staff and managers withdraw a record."),
        forbidden=True,
    )
    _require(
        activity.review_state == ReviewState.SUBMITTED,
        _("Only a submitted record can be withdrawn; this one is %(state)s.")
        % {"state": activity.get_review_state_display().lower()},
    )
    return _move(activity, user=user, action=ReviewAction.WITHDRAWN, review_state=ReviewState.DRAFT)


def approve(*, activity, user, comment=""):
    """Approve the record, or, for an approved record, its submitted pending change."""
    _require(services.can_approve(user), _("Only managers approve."), forbidden=True)
    change = pending_change_of(activity)
    if activity.review_state == ReviewState.APPROVED:
        _require(
            change is not None and change.state == ChangeState.SUBMITTED,
            _("This record is approved and has no change waiting for review."),
        )
        return approve_change(change=change, user=user, comment=comment)
    _move(
        activity,
        user=user,
        action=ReviewAction.APPROVED,
        comment=comment,
        review_state=ReviewState.APPROVED,
    )
    notifications.decided(activity=activity, by=user, approved=True, comment=comment)
    return activity


def return_for_changes(*, activity, user, comment):
    """Send a submitted record, or an approved record's submitted change, back with a comment."""
    _require(services.can_approve(user), _("Only managers return records."), forbidden=True)
    _require(bool(comment and comment.strip()), _("Say what should change: a comment is required."))
    change = pending_change_of(activity)
    if activity.review_state == ReviewState.APPROVED:
        _require(
            change is not None and change.state == ChangeState.SUBMITTED,
            _("This record is approved and has no change waiting for review."),
        )
        return return_change(change=change, user=user, comment=comment)
    _require(
        activity.review_state == ReviewState.SUBMITTED,
        _("Only a submitted record can be returned; this one is %(state)s.")
        % {"state": activity.get_review_state_display().lower()},
    )
    _move(
        activity,
        user=user,
        action=ReviewAction.RETURNED,
        comment=comment.strip(),
        review_state=ReviewState.RETURNED,
    )
    notifications.decided(activity=activity, by=user, approved=False, comment=comment.strip())
    return activity


def set_visibility(*, activity, user, visibility):
    """Publish, unpublish or change the visibility of an approved record: managers only."""
    _require(
        services.can_publish(user), _("Only managers change who may see a record."), forbidden=True
    )
    _require(visibility in Visibility.values, _("There is no such visibility."))
    if activity.visibility == visibility:
        return activity
    if visibility == Visibility.PUBLIC:
        _require(
            activity.review_state == ReviewState.APPROVED,
            _("Only an approved record can be published."),
        )
    action = visibility_action(activity.visibility, visibility)
    return _move(activity, user=user, action=action, visibility=visibility)


def for_each(activities, move, **kwargs):
    """Apply `move` to each activity it allows; returns (done, refused) counts."""
    done = refused = 0
    for activity in activities:
        try:
            move(activity=activity, **kwargs)
        except NotAllowed:
            refused += 1
        else:
            done += 1
    return done, refused


# Pending changes of approved records.


def pending_change_of(activity):
    return PendingChange.objects.filter(activity_id=activity.pk).select_related("author").first()


def must_propose(user, activity):
    """Whether `user`'s change to `activity` waits for review instead of applying at once."""
    stored = activity.review_state if activity.pk else None
    return stored == ReviewState.APPROVED and not roles.is_manager(user)


@dataclass(frozen=True)
class Outcome:
    """What came of saving a record: saved as one change, or kept as its pending change."""

    activity: Activity
    change: PendingChange | None = None

    @property
    def proposed(self):
        return self.change is not None


def save(
    *,
    activity,
    user,
    based_on,
    areas=None,
    roles=None,
    outputs=None,
    write_relations=None,
    reason="",
):
    """Save `user`'s version of `activity`, new or changed: the one write of a record's content.

    A change to an approved record by anyone but a manager is kept as its pending change
    (nothing of the record changes); otherwise the record is saved as one change of its
    history, a change of visibility logged. `areas` (areas or ids), `roles` ((partner or
    partner id, role) pairs) and `outputs` (dicts) are the relations the writer gives, None
    where it gives none; `write_relations`, when given, writes them instead once the record
    is saved (the admin's inlines). Raises NotAllowed or services.StaleVersion.
    """
    stored_state = (
        Activity.objects.filter(pk=activity.pk).values_list("review_state", flat=True).first()
        if activity.pk is not None and not is_manager(user)
        else None
    )
    if stored_state == ReviewState.APPROVED:
        change = propose_change(
            activity=Activity.objects.get(pk=activity.pk),
            user=user,
            proposed=activity,
            areas=None if areas is None else [getattr(a, "pk", a) for a in areas],
            roles_=None if roles is None else [(getattr(p, "pk", p), r) for p, r in roles],
            outputs=outputs,
            based_on=based_on,
        )
        return Outcome(activity, change)
    if write_relations is None:
        if roles is not None and any(isinstance(p, int) for p, _r in roles):
            partners = Partner.objects.in_bulk([getattr(p, "pk", p) for p, _r in roles])
            roles = [(partners[getattr(p, "pk", p)], r) for p, r in roles]
        services.save_activity(
            activity=activity,
            user=user,
            based_on=based_on,
            areas=areas,
            roles=roles,
            outputs=outputs,
            reason=reason,
        )
    else:
        services.save_activity(
            activity=activity,
            user=user,
            based_on=based_on,
            write_relations=write_relations,
            reason=reason,
        )
    return Outcome(activity)


# Fields a pending change may change: visibility and review state are managers' moves.
NOT_PROPOSED = {"review_state", "visibility", "slug"}


def proposable_fields():
    return [
        f
        for f in Activity._meta.concrete_fields
        if f.editable and not f.primary_key and f.name not in NOT_PROPOSED
    ]


def as_json(value):
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "code"):
        return value.code or ""
    return value


def stored_relations(activity):

    return relations_of(activity.pk)


@transaction.atomic
def propose_change(*, activity, user, proposed, areas=None, roles_=None, outputs=None, based_on):
    """Keep `user`'s change to an approved record as its pending change.

    `proposed` is the record with the new field values set (not saved); `areas` (ids),
    `roles_` ((partner id, role) pairs) and `outputs` (dicts) are the new relations where
    the change gives them. Only what differs from the approved record is kept.
    """
    _require(
        roles.is_data_entry(user) or activity.created_by_id == user.pk,
        _("Only data entry staff propose changes to approved records."),
        forbidden=True,
    )
    stored = Activity.objects.select_for_update().get(pk=activity.pk)
    if based_on is not None and stored.version != based_on:
        raise services.StaleVersion(services.current_state(stored.pk))
    change = pending_change_of(stored)
    if change is not None:
        _require(
            change.author_id == user.pk,
            _("%(who)s's change to this record is waiting for review; it must be decided first.")
            % {"who": change.author or _("Someone")},
            forbidden=True,
        )
        _require(
            change.is_editable,
            _("Your change is submitted for review; withdraw it to edit it again."),
        )
    values = {
        f.attname: as_json(getattr(proposed, f.attname))
        for f in proposable_fields()
        if getattr(proposed, f.attname) != getattr(stored, f.attname)
    }
    current = stored_relations(stored)
    relations = {}
    if areas is not None and sorted(areas) != current["areas"]:
        relations["areas"] = sorted(areas)
    if roles_ is not None and sorted([list(pair) for pair in roles_]) != current["partner_roles"]:
        relations["partner_roles"] = sorted([list(pair) for pair in roles_])
    if outputs is not None:
        rows = [{k: as_json(v) for k, v in row.items()} for row in outputs]
        if sorted(rows, key=lambda r: r["title"]) != sorted(
            current["outputs"], key=lambda r: r["title"]
        ):
            relations["outputs"] = rows
    if change is None:
        change = PendingChange(activity=stored, author=user)
    change.values, change.relations = values, relations
    change.based_on_version = stored.version
    change.state = ChangeState.DRAFT if change.state != ChangeState.RETURNED else change.state
    change.save()
    return change


def _change_move(change, *, user, action, to_state, comment=""):
    before = change.state
    change.state = to_state
    if comment:
        change.comment = comment
    change.save(update_fields=["state", "comment", "updated_at"])
    _log(change.activity, user, action, before, to_state, comment)
    return change


def submit_change(*, change, user):
    _require(change.author_id == user.pk, _("Only its author submits a change."), forbidden=True)
    _require(change.is_editable, _("This change is already submitted."))
    _require(
        bool(change.values or change.relations),
        _("This change changes nothing; there is nothing to submit."),
    )
    _change_move(
        change, user=user, action=ReviewAction.CHANGE_SUBMITTED, to_state=ChangeState.SUBMITTED
    )
    notifications.submitted(activity=change.activity, by=user, change=change)
    return change


def withdraw_change(*, change, user):
    _require(change.author_id == user.pk, _("Only its author withdraws a change."), forbidden=True)
    _require(change.state == ChangeState.SUBMITTED, _("This change is not submitted."))
    return _change_move(
        change, user=user, action=ReviewAction.CHANGE_WITHDRAWN, to_state=ChangeState.DRAFT
    )


@transaction.atomic
def approve_change(*, change, user, comment=""):
    """Apply the change to the same record (same id, slug and history) as one change."""
    _require(services.can_approve(user), _("Only managers approve."), forbidden=True)
    _require(change.state == ChangeState.SUBMITTED, _("This change is not submitted for review."))
    activity = change.apply_to(Activity.objects.select_for_update().get(pk=change.activity_id))
    activity.full_clean(exclude=["slug"])
    relations = change.relations
    roles_given = relations.get("partner_roles")
    partners = Partner.objects.in_bulk([p for p, _r in roles_given or []])
    services.save_activity(
        activity=activity,
        user=user,
        based_on=activity.version,
        areas=relations.get("areas"),
        roles=None
        if roles_given is None
        else [(partners[p], r) for p, r in roles_given if p in partners],
        outputs=None if "outputs" not in relations else _output_rows(relations["outputs"]),
        reason=_("Change by %(who)s approved") % {"who": change.author or _("someone")},
    )
    author = change.author
    # The change now is the approved record: the log says so rather than leaving "To" blank.
    _log(
        activity,
        user,
        ReviewAction.CHANGE_APPROVED,
        ChangeState.SUBMITTED,
        ReviewState.APPROVED,
        comment,
    )
    change.delete()
    notifications.decided(activity=activity, by=user, approved=True, comment=comment, author=author)
    return activity


def _output_rows(rows):
    return [
        {**row, "issued_on": date.fromisoformat(row["issued_on"]) if row.get("issued_on") else None}
        for row in rows
    ]


def return_change(*, change, user, comment):
    _require(services.can_approve(user), _("Only managers return changes."), forbidden=True)
    _require(bool(comment and comment.strip()), _("Say what should change: a comment is required."))
    _require(change.state == ChangeState.SUBMITTED, _("This change is not submitted for review."))
    _change_move(
        change,
        user=user,
        action=ReviewAction.CHANGE_RETURNED,
        to_state=ChangeState.RETURNED,
        comment=comment.strip(),
    )
    notifications.decided(
        activity=change.activity,
        by=user,
        approved=False,
        comment=comment.strip(),
        author=change.author,
    )
    return change


def discard_change(*, change, user):
    _require(
        change.author_id == user.pk or roles.is_manager(user),
        _("Only its author or a manager discards a change."),
        forbidden=True,
    )
    _log(change.activity, user, ReviewAction.CHANGE_DISCARDED, change.state, "")
    change.delete()


def waiting_for(user):
    """What waits for `user`: for managers, submitted records and changes; for data entry,
    their returned work and their drafts."""
    visible = Activity.objects.visible_to(user)
    if roles.is_manager(user):
        return {
            "submitted": visible.filter(review_state=ReviewState.SUBMITTED),
            "changes": PendingChange.objects.filter(state=ChangeState.SUBMITTED).select_related(
                "activity", "author"
            ),
        }
    if roles.is_data_entry(user):
        return {
            "returned": visible.filter(review_state=ReviewState.RETURNED, created_by=user),
            "returned_changes": PendingChange.objects.filter(
                author=user, state=ChangeState.RETURNED
            ).select_related("activity"),
            "drafts": visible.filter(review_state=ReviewState.DRAFT, created_by=user),
            "draft_changes": PendingChange.objects.filter(
                author=user, state=ChangeState.DRAFT
            ).select_related("activity"),
        }
    return {}
