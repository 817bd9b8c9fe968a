"""The network's figures on a day, and a year before: counts only, never a name.

What the staff page shows and what the report's network sentence says come from here.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from network.models import FocalPoint, FocalRole, Region, Sex


@dataclass(frozen=True)
class RegionFigures:
    region: str
    label: str
    total: int
    women: int
    men: int
    countries: int


@dataclass(frozen=True)
class NetworkFigures:
    on: datetime.date
    total: int
    women: int
    men: int
    focal_points: int
    alternates: int
    countries: int
    regions: int
    by_region: tuple[RegionFigures, ...]


def year_before(day):
    """The same day a year earlier; 29 February becomes the 28th.

    >>> year_before(datetime.date(2012, 2, 29))
    datetime.date(2011, 2, 28)
    """
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


ROW = ("appointed_on", "ended_on", "sex", "country", "region", "role")


def _active(row, day):
    appointed, ended = row[0], row[1]
    return appointed <= day and (ended is None or ended >= day)


def figures_of(rows, day):
    """The figures on `day` of focal point rows (as ROW), counted in Python."""
    active = [row for row in rows if _active(row, day)]
    by_region = []
    for region, label in Region.choices:
        here = [row for row in active if row[4] == region]
        if here:
            by_region.append(
                RegionFigures(
                    region=region,
                    label=str(label),
                    total=len(here),
                    women=sum(1 for row in here if row[2] == Sex.WOMAN),
                    men=sum(1 for row in here if row[2] == Sex.MAN),
                    countries=len({row[3] for row in here}),
                )
            )
    return NetworkFigures(
        on=day,
        total=len(active),
        women=sum(1 for row in active if row[2] == Sex.WOMAN),
        men=sum(1 for row in active if row[2] == Sex.MAN),
        focal_points=sum(1 for row in active if row[5] == FocalRole.FOCAL_POINT),
        alternates=sum(1 for row in active if row[5] == FocalRole.ALTERNATE),
        countries=len({row[3] for row in active}),
        regions=len(by_region),
        by_region=tuple(by_region),
    )


def network_then_and_now(day):
    """(figures a year before `day`, figures on `day`), in one query."""
    before = year_before(day)
    rows = list(
        FocalPoint.objects.filter(appointed_on__lte=day)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=before))
        .order_by()
        .values_list(*ROW)
    )
    # Countries are compared by code; the field gives a Country object on instances only.
    rows = [(a, e, s, str(c), r, role) for a, e, s, c, r, role in rows]
    return figures_of(rows, before), figures_of(rows, day)
