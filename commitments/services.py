"""Writes on commitments: one function each, for the admin, the commands and the samples.

Only managers approve or publish a commitment (as for activities); others' commitments
stay drafts or internal whatever the form sent.
"""

from django.core.exceptions import PermissionDenied

from activities import roles
from activities.models import ReviewState, Visibility
from commitments.models import Commitment, ProgressUpdate


def save_commitment(*, commitment, user, reason=""):
    """Create or change `commitment` as `user`; refused if they may not publish what it says."""
    if user is not None and not roles.is_manager(user):
        before = None
        if commitment.pk:
            before = (
                Commitment.objects.filter(pk=commitment.pk)
                .values_list("review_state", "visibility")
                .first()
            )
        wanted = (commitment.review_state, commitment.visibility)
        if wanted != before and (
            commitment.review_state == ReviewState.APPROVED
            or commitment.visibility == Visibility.PUBLIC
        ):
            raise PermissionDenied("Only managers approve or publish commitments.")
    if commitment.pk is None and commitment.created_by is None:
        commitment.created_by = user
    commitment.full_clean()
    commitment._history_user = user
    if reason:
        commitment._change_reason = reason
    commitment.save()
    return commitment


def add_update(
    *, commitment, author, text, written_on=None, evidence=(), status=None, progress=None
):
    """A dated progress update; it may move the commitment's status and progress too."""
    update = ProgressUpdate(commitment=commitment, author=author, text=text)
    if written_on is not None:
        update.written_on = written_on
    update.full_clean()
    update.save()
    update.evidence.set(evidence)
    if status is not None or progress is not None:
        if status is not None:
            commitment.status = status
        if progress is not None:
            commitment.progress = progress
        save_commitment(commitment=commitment, user=None)
    return update
