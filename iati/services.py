"""Writes of the IATI settings: one function each, used by the admin, commands and samples."""

from iati.models import ActivityMarker, AreaMapping


def map_area(*, thematic_area, sector_code="", gender_significance=None):
    """Set (or change) how `thematic_area` is published; returns the mapping."""
    mapping, _created = AreaMapping.objects.update_or_create(
        thematic_area=thematic_area,
        defaults={"sector_code": sector_code, "gender_significance": gender_significance},
    )
    return mapping


def mark_activity(*, activity, gender_significance):
    """Give `activity` its own gender marker, or None to follow its areas again."""
    if gender_significance is None:
        ActivityMarker.objects.filter(activity=activity).delete()
        return None
    marker, _created = ActivityMarker.objects.update_or_create(
        activity=activity, defaults={"gender_significance": gender_significance}
    )
    return marker
