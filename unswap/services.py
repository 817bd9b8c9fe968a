"""Tagging evidence: one function each, for the staff page, the admin and the samples."""

from django.core.exceptions import PermissionDenied

from unswap.models import ActivityTag, CommitmentTag


def tag_activity(*, indicator, activity, user):
    """Give `activity` as evidence for `indicator` (a suggestion a person accepted)."""
    if user is not None and not user.has_perm("unswap.add_activitytag"):
        raise PermissionDenied("Tagging evidence needs the data entry or manager role.")
    tag, _created = ActivityTag.objects.get_or_create(
        indicator=indicator, activity=activity, defaults={"tagged_by": user}
    )
    return tag


def tag_commitment(*, indicator, commitment, user):
    if user is not None and not user.has_perm("unswap.add_commitmenttag"):
        raise PermissionDenied("Tagging evidence needs the data entry or manager role.")
    tag, _created = CommitmentTag.objects.get_or_create(indicator=indicator, commitment=commitment)
    return tag
