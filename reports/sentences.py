"""The sentences the report's builder writes itself, as a new report or heading starts
with them, and the figures a heading's sentences may name."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from activities.languages import LANGUAGES

# The figures a heading's network sentence may name, each in braces.
NETWORK_PLACEHOLDERS = dict.fromkeys(
    [
        "count",
        "men",
        "women",
        "countries",
        "regions",
        "count_before",
        "men_before",
        "women_before",
        "countries_before",
        "regions_before",
    ],
    1,
)
NETWORK_SENTENCE_HELP = _(
    "Ends the heading’s first paragraph with the network’s figures at the end of the "
    "period: {count} focal points and alternates, {men}, {women}, {countries}, {regions}, "
    "and the same a year before: {count_before}, {men_before}, {women_before}, "
    "{countries_before}, {regions_before}. Leave empty to say nothing."
)
DEFAULT_NETWORK_SENTENCE = _(
    "At the end of the period the network counted {count} focal points ({men} men) in "
    "{countries} countries, against {count_before} ({men_before} men) in "
    "{countries_before} countries a year before."
)

COMMITMENTS_PLACEHOLDERS = dict.fromkeys(
    ["total", "not_started", "on_track", "delayed", "done", "dropped", "source"], 1
)
COMMITMENTS_SENTENCE_HELP = _(
    "Ends the heading’s first paragraph with the chosen commitments counted by status: "
    "{total}, {not_started}, {on_track}, {delayed}, {done}, {dropped}, and {source} for "
    "their source. Leave empty to say nothing."
)
DEFAULT_COMMITMENTS_SENTENCE = _(
    "Of the {total} measures announced, {on_track} are on track, {delayed} delayed and {done} done."
)


# The sentences the builder writes itself, as a new report starts with them.
DEFAULT_SENTENCES = {
    "areas_sentence": _("In the reporting period, the Unit concentrated on these thematic areas:"),
    "others_title": _("Others"),
    "others_sentence": _(
        "The Unit also carried out the following activities in the reporting period:"
    ),
    "reach_sentence": _("Since it began, the initiative has reached {count} {label}."),
    "network_sentence": DEFAULT_NETWORK_SENTENCE,
    "commitments_sentence": DEFAULT_COMMITMENTS_SENTENCE,
}


def in_report_language(key):
    """A builder sentence as a new report starts with it: in the report's language (the
    site's), whatever language the manager who creates the report reads the admin in."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(DEFAULT_SENTENCES[key])


def sentences_follow_language(report):
    """The builder's sentences still as they started, in any language, put in the report's:
    a report switched to French says "Autres", while a sentence the manager wrote stays."""
    if report.language not in LANGUAGES:
        return
    for key in ("areas_sentence", "others_title", "others_sentence", "reach_sentence"):
        value = getattr(report, key)
        as_started = set()
        for language in LANGUAGES:
            with translation.override(language):
                as_started.add(str(DEFAULT_SENTENCES[key]))
        if value in as_started:
            with translation.override(report.language):
                setattr(report, key, str(DEFAULT_SENTENCES[key]))


def default_areas_sentence():
    return in_report_language("areas_sentence")


def default_others_title():
    return in_report_language("others_title")


def default_others_sentence():
    return in_report_language("others_sentence")


def default_reach_sentence():
    return in_report_language("reach_sentence")
