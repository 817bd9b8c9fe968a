"""A synthetic focal point network for the demo data: a few hundred people over the demo
years, in offices of every region, joining and leaving. Same seed, same network.

Written with bulk inserts and no history, like the demo activities; their emails carry the
seed's prefix so that `remove` finds them.
"""

import random
from datetime import date, timedelta

from django.db import connection

from network.models import FocalPoint, FocalRole, Region, Sex

COUNTRIES = {
    Region.AFRICA: ["KE", "SN", "ET", "GH", "NG", "ZA", "UG", "MZ", "CD", "ZM"],
    Region.AMERICAS: ["CO", "MX", "JM", "PE", "AR", "CR", "GT", "HT", "US", "EC"],
    Region.ASIA_PACIFIC: ["TH", "PH", "BD", "NP", "PK", "ID", "AU", "LK", "VN", "AF"],
    Region.EUROPE: ["AT", "BE", "DE", "IT", "NL", "GB", "TR", "UA", "ES", "PT"],
    Region.MIDDLE_EAST: ["EG", "JO", "TN", "LB", "MA", "IQ"],
    Region.HEADQUARTERS: ["CH"],
}
FIRST_DAY = date(2016, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days


def size_for(activities):
    """Two focal points per thousand activities, between 20 and 600."""
    return max(20, min(600, activities // 500))


def rows(seed, prefix, count):
    rng = random.Random(f"network-{seed}")
    regions = list(COUNTRIES)
    made = []
    for n in range(count):
        region = rng.choice(regions)
        country = rng.choice(COUNTRIES[region])
        appointed = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        ended = None
        if rng.random() < 0.3:
            ended = appointed + timedelta(days=rng.randrange(90, 1500))
        made.append(
            {
                "name": f"Demo focal point {n}",
                "email": f"{prefix}fp-{n}@example.org",
                "sex": Sex.MAN if rng.random() < 0.3 else Sex.WOMAN,
                "office": f"Demo office {country}",
                "country": country,
                "region": region,
                "role": FocalRole.ALTERNATE if rng.random() < 0.25 else FocalRole.FOCAL_POINT,
                "appointed_on": appointed,
                "ended_on": ended,
                "time_share": rng.choice([5, 10, 20, None]),
                "terms_of_reference_signed": rng.random() < 0.7,
            }
        )
    return made


def generate(seed, prefix, activities, insert_rows):
    """The network for `activities` demo activities; returns how many focal points."""
    made = rows(seed, prefix, size_for(activities))
    insert_rows(FocalPoint, made)
    return len(made)


def remove(prefix):
    """The seed's focal points, with plain SQL (demo ones have no trainings nor history)."""
    FocalPoint.objects.filter(email__startswith=prefix)._raw_delete(connection.alias)
