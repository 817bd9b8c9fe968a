"""A year's figures of approved records, kept per year and visibility, refreshed after writes.

The dashboard reads one small row per visibility instead of aggregating a year of records
and their links on every request; so it costs the same at 1,000 records as at 100,000.

Freshness does not depend on any code path remembering to refresh: on PostgreSQL every
statement that writes activities, their thematic areas or their partner roles (the admin,
the API, bulk loads, restores, raw SQL) moves a generation counter on, by trigger
(migration 0007). A stored row counts only while its generation is the current one;
anything older is recomputed on the next read. SQLite, for trials, computes every time.
"""

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractMonth

from activities.models import (
    Activity,
    ActivityPartner,
    DatePrecision,
    FiguresGeneration,
    ReviewState,
    YearFigures,
)

EMPTY = {
    "count": 0,
    "year_only": 0,
    "total": 0,
    "women": 0,
    "men": 0,
    "areas": {},
    "types": {},
    "months": {},
    "partners": {},
}


def approved(year, visibility):
    """The approved records of `visibility` that start in `year`."""
    return Activity.objects.filter(
        review_state=ReviewState.APPROVED, visibility=visibility, start_date__year=year
    )


def compute(records):
    """The figures of `records`: five aggregate queries, none over a join."""
    totals = records.aggregate(
        count=Count("pk"),
        year_only=Count("pk", filter=Q(date_precision=DatePrecision.YEAR)),
        total=Sum("participants_total"),
        women=Sum("participants_women"),
        men=Sum("participants_men"),
    )
    # Each (activity, area) link is unique: a plain count per area, grouped on the link table.
    areas = (
        Activity.thematic_areas.through.objects.filter(activity__in=records)
        .values_list("thematicarea_id")
        .annotate(n=Count("*"))
        .order_by()
    )
    # A partner may hold two roles in one activity: counted once.
    partners = (
        ActivityPartner.objects.filter(activity__in=records)
        .values_list("partner_id")
        .annotate(n=Count("activity_id", distinct=True))
        .order_by()
    )
    types = records.values_list("activity_type_id").annotate(n=Count("pk")).order_by()
    months = (
        records.exclude(date_precision=DatePrecision.YEAR)
        .annotate(month=ExtractMonth("start_date"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        **{key: value or 0 for key, value in totals.items()},
        # JSON keys are strings: every key is stored as one, whatever the database.
        "areas": {str(key): n for key, n in areas},
        "types": {str(key): n for key, n in types},
        "months": {str(key): n for key, n in months},
        "partners": {str(key): n for key, n in partners},
    }


def merged(figures):
    """The sum of several visibilities' figures."""
    result = {
        key: (dict(value) if isinstance(value, dict) else value) for key, value in EMPTY.items()
    }
    for one in figures:
        for key, value in one.items():
            if isinstance(value, dict):
                counts = result[key]
                for item, n in value.items():
                    counts[item] = counts.get(item, 0) + n
            else:
                result[key] += value
    return result


def kept():
    """Whether figures are stored (PostgreSQL, whose triggers keep them honest)."""
    return connection.vendor == "postgresql"


def year_figures(year, visibilities):
    """The merged figures of `year` for approved records of the given visibilities.

    One query when every visibility's stored figures are current; a visibility whose
    figures are missing or out of date is computed (five queries) and stored.
    """
    if not kept():
        return merged(compute(approved(year, visibility)) for visibility in visibilities)
    current = FiguresGeneration.objects.values("n")[:1]
    stored = dict(
        YearFigures.objects.filter(
            year=year, visibility__in=visibilities, generation=Coalesce(Subquery(current), 0)
        ).values_list("visibility", "figures")
    )
    missing = [visibility for visibility in visibilities if visibility not in stored]
    if missing:
        # Read before computing: a write committed meanwhile makes what is stored here old.
        generation = FiguresGeneration.current()
        for visibility in missing:
            stored[visibility] = compute(approved(year, visibility))
            keep(year, visibility, generation, stored[visibility])
    return merged(stored[visibility] for visibility in visibilities)


def keep(year, visibility, generation, figures):
    """Store freshly computed figures; a concurrent reader storing the same is no error."""
    try:
        with transaction.atomic():
            YearFigures.objects.update_or_create(
                year=year,
                visibility=visibility,
                defaults={"generation": generation, "figures": figures},
            )
    except IntegrityError:
        pass
