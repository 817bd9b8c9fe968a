"""Sentences the builder writes from figures kept outside the activities: the focal point
network's size under its heading, worded per report (ReportHeading.network_sentence).

Two queries at most whatever the network's size: the headings that state figures, and
the network a year before the period's end and at it.
"""

import dataclasses

from django.utils.formats import number_format

from network.figures import network_then_and_now
from reports import markup
from reports.document import Item, Paragraph


def network_values(before, now):
    """The names a network sentence may use, with their figures written out."""

    def written(number):
        return number_format(number, force_grouping=True)

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


def network_sentence(wording, period_end):
    """`wording` with the network's figures at `period_end` and a year before it."""
    before, now = network_then_and_now(period_end)
    return wording.format(**network_values(before, now))


def heading_sentences(report):
    """{heading id: sentence} for the report's headings that state the network's figures."""
    if report.pk is None:
        return {}
    wordings = list(
        report.headings.exclude(network_sentence="").values_list("pk", "network_sentence")
    )
    if not wordings:
        return {}
    values = network_values(*network_then_and_now(report.period_end))
    return {pk: wording.format(**values) for pk, wording in wordings}


def with_sentence(items, sentence, numbers):
    """`items` with `sentence` ending the first paragraph, or as a paragraph of its own."""
    if not sentence:
        return items
    if items and items[0].paragraphs:
        first, *others = items[0].paragraphs
        first = dataclasses.replace(first, text=first.text + markup.plain(" " + sentence))
        return [dataclasses.replace(items[0], paragraphs=(first, *others)), *items[1:]]
    return [Item(heading="", paragraphs=(Paragraph(next(numbers), markup.plain(sentence)),))]
