"""Names in a spreadsheet matched to the registries, as people write them.

A name matches whatever its case, accents, punctuation and spacing ("U.N.F.P.A." is
UNFPA, "I.L.O." is ILO), by any of a record's names in English, French and Spanish, its
acronym, its slug, or for a partner any alias a clerk confirmed once ("OIT" is ILO). A
name that matches nothing comes with the closest existing names, to pick from.
"""

import difflib
from collections import defaultdict

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from activities.models import (
    ActivityStatus,
    ActivityType,
    DatePrecision,
    Event,
    Initiative,
    PartnerRole,
    Prominence,
    ReportSection,
    ThematicArea,
)
from core.countries import SHORT_FORMS, every_name
from core.sheets import match_key, plain
from partners.models import Partner, PartnerAlias

LANGUAGES = ("en", "fr", "es")
# How alike a written name and a registered one must be to be offered (difflib's ratio).
CLOSE = 0.6
SHORT = 0.3  # for acronyms of up to four letters: "OIT" and "ILO" share one
# Words an acronym leaves out: "Organisation internationale du Travail" is OIT.
JOINING = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "in",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "et",
    "del",
    "el",
    "los",
    "las",
    "y",
    "para",
    "pour",
    "en",
    "d",
    "l",
}


def names_of(record, *fields):
    """Every stored form of `fields`: the field itself and its translations where it has them."""
    for name in fields:
        yield getattr(record, name, "")
        for language in LANGUAGES:
            yield getattr(record, f"{name}_{language}", "")


class Registry:
    """One kind of named record, found by any of its names."""

    def __init__(self, what, kind, pairs):
        self.what = what  # said to the user: "partner"
        self.kind = kind  # the model's name, for the forms of the preview: "partner"
        self.by_key = defaultdict(set)
        self.records = {}
        # "oit" for "Organisation internationale du Travail": offered, never matched.
        self.by_initials = defaultdict(set)
        for record, names in pairs:
            self.records[record.pk] = record
            for name in names:
                key = match_key(name) if name else ""
                if key:
                    self.by_key[key].add(record.pk)
                    initials = initials_of(name)
                    if len(initials) > 1:
                        self.by_initials[initials].add(record.pk)

    def add(self, key, record):
        self.records.setdefault(record.pk, record)
        self.by_key[key].add(record.pk)

    def find(self, name):
        """(record, None) or (None, reason)."""
        found = self.by_key.get(match_key(name), set())
        if len(found) == 1:
            return self.records[next(iter(found))], None
        if not found:
            return None, _("No %(what)s is called “%(name)s”.") % {"what": self.what, "name": name}
        return None, _("“%(name)s” names several: %(names)s.") % {
            "name": name,
            "names": ", ".join(sorted(str(self.records[pk]) for pk in found)),
        }

    def closest(self, name, limit=3):
        """The records whose names are most like `name`, best first.

        Alike as strings (difflib), one inside the other ("Population Fund"), or as an
        acronym of a name in another language ("OIT", the initials of "Organisation
        internationale du Travail"); a short acronym is compared more loosely.
        """
        key = match_key(name)
        if not key:
            return []
        cutoff = CLOSE if len(key) > 4 else SHORT
        pks = sorted(self.by_initials.get(key, ()))
        keys = difflib.get_close_matches(key, self.by_key, n=limit * 3, cutoff=cutoff)
        keys += [k for k in self.by_key if len(key) > 3 and (key in k or k in key)]
        pks += [pk for close in keys for pk in sorted(self.by_key[close])]
        found = []
        for pk in pks:
            record = self.records[pk]
            if record not in found:
                found.append(record)
        return found[:limit]


def initials_of(name):
    """The first letters of a name's words, leaving out the words that only join them."""
    words = plain(name).split()
    return "".join(w[0] for w in words if w not in JOINING and not w.isdigit())


def choice_finder(choices, extra=None):
    """A function from a label (any of the three languages) or a code to the code."""
    known = {}
    for language in LANGUAGES:
        with translation.override(language):
            for code, label in list(choices) + list((extra or {}).items()):
                known[match_key(code)] = code
                known[match_key(str(label))] = code
                known[match_key(str(label).split(":")[0])] = code
    return lambda text: known.get(match_key(text))


class Matcher:
    """The registries, read once per check."""

    def __init__(self):
        self.types = Registry(
            _("activity type"),
            "activitytype",
            ((t, (*names_of(t, "name"), t.slug)) for t in ActivityType.objects.all()),
        )
        self.areas = Registry(
            _("thematic area"),
            "thematicarea",
            ((a, (*names_of(a, "name"), a.slug)) for a in ThematicArea.objects.all()),
        )
        self.partners = Registry(
            _("partner"),
            "partner",
            (
                (p, (*names_of(p, "name", "acronym"), p.slug))
                for p in Partner.objects.prefetch_related(None)
            ),
        )
        for alias in PartnerAlias.objects.select_related("partner"):
            self.partners.add(alias.key, alias.partner)
        self.events = Registry(
            _("event"),
            "event",
            ((e, (*names_of(e, "name"), e.slug)) for e in Event.objects.all()),
        )
        self.initiatives = Registry(
            _("initiative"),
            "initiative",
            ((i, (*names_of(i, "title"), i.slug)) for i in Initiative.objects.all()),
        )
        self.sections = Registry(
            _("report section"),
            "reportsection",
            ((s, tuple(names_of(s, "title"))) for s in ReportSection.objects.all()),
        )
        self.role = choice_finder(PartnerRole.choices)
        self.precision = choice_finder(DatePrecision.choices)
        self.status = choice_finder(ActivityStatus.choices)
        self.prominence = choice_finder(
            Prominence.choices,
            {
                Prominence.HEADLINE: gettext_lazy("Headline"),
                Prominence.PARAGRAPH: gettext_lazy("Paragraph"),
                Prominence.MINOR: gettext_lazy("Minor, under “Others”"),
            },
        )
        # A country by its code, ISO's name, the common one or the UN's, in any of the three
        # languages, or a short form ("USA", "UK").
        self._places = None
        self.countries = {}
        for language in LANGUAGES:
            with translation.override(language):
                for code, _name in countries:
                    for name in (code, *every_name(code)):
                        self.countries.setdefault(match_key(name), code)
        for name, code in SHORT_FORMS.items():
            self.countries.setdefault(match_key(name), code)

    def country(self, name):
        return self.countries.get(match_key(name))

    @property
    def places(self):
        """The countries as a registry, for the closest names to an unknown one."""
        if self._places is None:
            self._places = Registry(
                _("country"),
                "country",
                ((Country(code), names) for code, names in _names_by_code(self.countries).items()),
            )
        return self._places


class Country(str):
    """A country code that reads as the country's name in the active language."""

    @property
    def pk(self):
        return str.__str__(self)

    def __str__(self):
        return str(countries.name(self.pk))


def _names_by_code(keys):
    found = defaultdict(list)
    for key, code in keys.items():
        found[code].append(key)
    return found


__all__ = ["Matcher", "Registry", "choice_finder", "plain"]
