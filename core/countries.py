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


def every_name(code):
    """The names a person may write for a country: ISO's, the common one, the UN's, old ones."""
    names = {COUNTRIES.get(code, ""), countries.COMMON_NAMES.get(code, ""), countries.name(code)}
    names.update(countries.OLD_NAMES.get(code, ()))
    return {str(name) for name in names} - {""}
