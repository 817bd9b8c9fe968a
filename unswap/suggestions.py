"""Which indicators an activity probably gives evidence for: offered to staff, never set.

| the activity                                                   | suggests               |
|----------------------------------------------------------------|------------------------|
| its type is a workshop or a training                           | PI 15 capacity dev.    |
| it issued a publication, paper, information sheet, press note  | PI 16 knowledge, comm. |
| a UN entity, UN body or inter-agency network took part         | PI 17 coherence        |
| filed under the focal point network, or a network meeting      | PI 11 gender architec. |
"""

from collections import defaultdict

from activities.models import ActivityPartner, Output, OutputKind
from partners.models import PartnerKind

CAPACITY, ARCHITECTURE, KNOWLEDGE, COHERENCE = 15, 11, 16, 17
TRAINING_WORDS = ("workshop", "training")
PUBLISHED = [
    OutputKind.PUBLICATION,
    OutputKind.PAPER,
    OutputKind.INFORMATION_SHEET,
    OutputKind.PRESS_RELEASE,
]
UN_KINDS = [PartnerKind.UN_ENTITY, PartnerKind.UN_BODY, PartnerKind.INTER_AGENCY]


def suggested_numbers(activities):
    """{activity id: {indicator number}} for `activities` (a queryset); three queries."""
    rows = activities.values_list(
        "pk", "activity_type__slug", "activity_type__name", "report_section__slug"
    )
    found = defaultdict(set)
    ids = []
    for pk, type_slug, type_name, section in rows:
        ids.append(pk)
        kind = f"{type_slug} {type_name}".lower()
        if any(word in kind for word in TRAINING_WORDS):
            found[pk].add(CAPACITY)
        if section == "focal-point-network" or "network" in kind:
            found[pk].add(ARCHITECTURE)
    published = Output.objects.filter(activity__in=activities, kind__in=PUBLISHED)
    for pk in published.values_list("activity_id", flat=True).distinct():
        found[pk].add(KNOWLEDGE)
    with_un = ActivityPartner.objects.filter(activity__in=activities, partner__kind__in=UN_KINDS)
    for pk in with_un.values_list("activity_id", flat=True).distinct():
        found[pk].add(COHERENCE)
    return found
