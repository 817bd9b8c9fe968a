"""Country names in the active language, each worked out once per language.

django-countries translates a name on every call; a list page names a few dozen countries
in its filter and rows, an export one per row, so the names are kept once looked up.
"""

from django.utils.translation import get_language
from django_countries import countries

_names = {}


def country_name(code):
    """The country's name in the active language ("" for no country)."""
    key = (get_language(), code)
    name = _names.get(key)
    if name is None:
        name = _names[key] = str(countries.name(code)) if code else ""
    return name
