"""Country names in the active language, each worked out once per language.

django-countries translates a name on every call; a list page names a few dozen countries
in its filter and rows, an export one per row, so the names are kept once looked up.
"""

import unicodedata

from django.utils.translation import get_language
from django_countries import countries
from django_countries.data import COUNTRIES

_names = {}


def country_name(code):
    """The country's name in the active language ("" for no country)."""
    key = (get_language(), code)
    name = _names.get(key)
    if name is None:
        name = _names[key] = str(countries.name(code)) if code else ""
    return name


def collation_key(name, language=None):
    """Sorts names as a reader of `language` does: accents are letters, case does not count.

    "États-Unis" sorts among the E's, "Sénégal" before "Suisse"; Spanish keeps ñ as a
    letter of its own after n; the name itself breaks ties ("Eté" after "Ete").
    """
    language = language or get_language() or "en"
    folded = name.casefold()
    if language.startswith("es"):
        folded = folded.replace("ñ", "n\uffff")
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return (bare, name)


# {(language, codes): [(code, name), ...]}: the filter's countries, named and sorted once for
# each set of codes a list page meets (the set changes only when a record's country does).
_sorted = {}
SORTED_KEPT = 64


def named_in_order(codes):
    """(code, name) of each of `codes`, in the active language and the reader's order. The
    same list object comes back for the same codes: callers must not change it."""
    language = get_language()
    key = (language, tuple(codes))
    choices = _sorted.get(key)
    if choices is None:
        choices = sorted(
            ((code, country_name(code)) for code in key[1]),
            key=lambda choice: collation_key(choice[1], language),
        )
        if len(_sorted) >= SORTED_KEPT:
            _sorted.clear()
        _sorted[key] = choices
    return choices


def every_name(code):
    """The names a person may write for a country: ISO's, the common one, the UN's, old ones."""
    names = {COUNTRIES.get(code, ""), countries.COMMON_NAMES.get(code, ""), countries.name(code)}
    names.update(countries.OLD_NAMES.get(code, ()))
    return {str(name) for name in names} - {""}


# Names people write that neither ISO, the common names nor the UN's give, in the three
# languages; matched ignoring case, accents and punctuation ("U.S.A." is "USA").
SHORT_FORMS = {
    "USA": "US",
    "United States": "US",
    "Etats-Unis": "US",
    "Estados Unidos": "US",
    "EEUU": "US",
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "Grande-Bretagne": "GB",
    "Gran Bretaña": "GB",
    "Reino Unido": "GB",
    "Royaume-Uni": "GB",
    "Holland": "NL",
    "Hollande": "NL",
    "Holanda": "NL",
    "Suisse": "CH",
    "Suiza": "CH",
    "Switzerland": "CH",
    "Russia": "RU",
    "Russie": "RU",
    "Rusia": "RU",
    "South Korea": "KR",
    "Corée du Sud": "KR",
    "Corea del Sur": "KR",
    "North Korea": "KP",
    "Vietnam": "VN",
    "Iran": "IR",
    "Syria": "SY",
    "Syrie": "SY",
    "Siria": "SY",
    "Laos": "LA",
    "Bolivia": "BO",
    "Bolivie": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Tanzanie": "TZ",
    "Moldova": "MD",
    "Moldavie": "MD",
    "Moldavia": "MD",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Turquie": "TR",
    "Turquía": "TR",
    "Burma": "MM",
    "Birmanie": "MM",
    "Palestine": "PS",
    "Palestina": "PS",
    "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI",
    "DRC": "CD",
    "DR Congo": "CD",
    "RDC": "CD",
    "UAE": "AE",
    "EAU": "AE",
    "Macedonia": "MK",
    "Swaziland": "SZ",
    "Cape Verde": "CV",
}
