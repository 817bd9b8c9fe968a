"""A year's UN-SWAP evidence as a reader may see it: per indicator, the activities and
commitments tagged for it, and the suggestions not yet taken up."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q

from activities.models import Activity
from commitments.models import Commitment
from unswap.models import ActivityTag, CommitmentTag, Indicator
from unswap.suggestions import suggested_numbers


@dataclass
class IndicatorEvidence:
    indicator: Indicator
    activities: list = field(default_factory=list)
    commitments: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.activities) + len(self.commitments)


def year_evidence(user, year, with_suggestions=False):
    """[IndicatorEvidence] for the 17 indicators; a fixed number of queries."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    activities = Activity.objects.visible_to(user).in_period(start, end)
    commitments = (
        Commitment.objects.visible_to(user)
        .filter(announced_on__lte=end)
        .filter(Q(due_on__isnull=True) | Q(due_on__gte=start))
    )
    rows = {i.pk: IndicatorEvidence(i) for i in Indicator.objects.order_by("number")}
    tagged = set()
    for tag in (
        ActivityTag.objects.filter(activity__in=activities)
        .select_related("activity")
        .order_by("indicator__number", "activity__start_date", "activity__pk")
    ):
        rows[tag.indicator_id].activities.append(tag.activity)
        tagged.add((tag.indicator_id, tag.activity_id))
    for tag in (
        CommitmentTag.objects.filter(commitment__in=commitments)
        .select_related("commitment__source")
        .order_by("indicator__number", "commitment__title")
    ):
        rows[tag.indicator_id].commitments.append(tag.commitment)
    if with_suggestions:
        by_number = {row.indicator.number: row for row in rows.values()}
        suggested = suggested_numbers(activities)
        titles = dict(activities.filter(pk__in=list(suggested)).values_list("pk", "title"))
        for activity_id, numbers in sorted(suggested.items()):
            for number in sorted(numbers):
                row = by_number.get(number)
                if row and (row.indicator.pk, activity_id) not in tagged:
                    row.suggestions.append((activity_id, titles.get(activity_id, "")))
    return list(rows.values())
