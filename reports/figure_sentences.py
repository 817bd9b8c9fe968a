"""Sentences the builder writes from figures kept outside the activities: the focal point
network's size, and commitments counted by status, each under the heading a report gives
it and worded per report (ReportHeading.network_sentence, .commitments_sentence).

One query for the headings that state figures, then one for the network (a year before
the period's end and at it) and one for the published commitments by status, when a
heading asks for them: a fixed number whatever the numbers.
"""

import dataclasses

from django.db.models import Count
from django.utils.formats import number_format

from commitments.models import Commitment, CommitmentStatus
from network.figures import network_then_and_now
from reports import markup


def written(number):
    return number_format(number, force_grouping=True)


def network_values(before, now):
    """The names a network sentence may use, with their figures written out."""
    return {
        "count": written(now.total),
        "men": written(now.men),
        "women": written(now.women),
        "countries": written(now.countries),
        "regions": written(now.regions),
        "count_before": written(before.total),
        "men_before": written(before.men),
        "women_before": written(before.women),
        "countries_before": written(before.countries),
        "regions_before": written(before.regions),
    }


def commitment_counts(source_ids):
    """{source id: {status: count}} of the published commitments of those sources."""
    counts = {pk: dict.fromkeys(CommitmentStatus.values, 0) for pk in source_ids}
    rows = (
        Commitment.objects.published()
        .filter(source_id__in=source_ids)
        .values_list("source_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for source_id, status, n in rows:
        counts[source_id][status] = n
    return counts


def commitments_values(counts, source_title):
    """The names a commitments sentence may use: the total, each status, the source."""
    return {
        "total": written(sum(counts.values())),
        "source": source_title,
        **{status: written(n) for status, n in counts.items()},
    }


def heading_sentences(report):
    """{heading id: sentence} for the report's headings that state figures."""
    if report.pk is None:
        return {}
    headings = list(
        report.headings.exclude(network_sentence="", commitments_sentence="").values_list(
            "pk",
            "network_sentence",
            "commitments_sentence",
            "commitments_source_id",
            "commitments_source__title",
        )
    )
    network = None
    if any(wording for _pk, wording, *_rest in headings):
        network = network_values(*network_then_and_now(report.period_end))
    sources = {source for _pk, _n, wording, source, _t in headings if wording and source}
    counts = commitment_counts(sources) if sources else {}
    sentences = {}
    for pk, network_wording, commitments_wording, source, source_title in headings:
        parts = []
        if network_wording:
            parts.append(network_wording.format(**network))
        if commitments_wording and source:
            values = commitments_values(counts[source], source_title)
            parts.append(commitments_wording.format(**values))
        if parts:
            sentences[pk] = " ".join(parts)
    return sentences


def with_sentence(items, sentence):
    """`items` with `sentence` ending the first paragraph.

    A heading with nothing of the period stays empty, so that the report's check names it
    (reports/completeness.py): figures alone do not make a section.
    """
    if not sentence or not items or not items[0].paragraphs:
        return items
    first, *others = items[0].paragraphs
    first = dataclasses.replace(first, text=first.text + markup.plain(" " + sentence))
    return [dataclasses.replace(items[0], paragraphs=(first, *others)), *items[1:]]
