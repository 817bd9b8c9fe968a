"""Countries by the UN's short names in each language, sorted as the reader sorts."""

import re

import pytest
from django.utils import translation
from django_countries import countries

from activities.matching import Matcher
from core.countries import collation_key
from tests.factories import ActivityFactory

UN_NAMES = [
    ("fr", "MM", "Myanmar"),
    ("fr", "BY", "Bélarus"),
    ("fr", "MD", "République de Moldova"),
    ("fr", "RU", "Fédération de Russie"),
    ("fr", "KP", "République populaire démocratique de Corée"),
    ("fr", "KR", "République de Corée"),
    ("fr", "LA", "République démocratique populaire lao"),
    ("fr", "MH", "Îles Marshall"),
    ("fr", "BZ", "Belize"),
    ("fr", "GT", "Guatemala"),
    ("fr", "TZ", "République-Unie de Tanzanie"),
    ("es", "MM", "Myanmar"),
    ("es", "BY", "Belarús"),
    ("es", "RU", "Federación de Rusia"),
    ("es", "KP", "República Popular Democrática de Corea"),
    ("es", "LA", "República Democrática Popular Lao"),
    ("en", "RU", "Russian Federation"),
    ("en", "MD", "Republic of Moldova"),
    ("en", "VN", "Viet Nam"),
    # The Council's reports print these by their common names.
    ("en", "GB", "United Kingdom"),
    ("en", "NL", "Netherlands"),
]


@pytest.mark.parametrize(("language", "code", "name"), UN_NAMES)
def test_countries_carry_the_uns_short_name_in_each_language(language, code, name):
    with translation.override(language):
        assert str(countries.name(code)) == name


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("fr", ["Égypte", "Espagne", "États-Unis d'Amérique", "Éthiopie", "Sénégal", "Suisse"]),
        ("es", ["Egipto", "España", "Estados Unidos", "Nicaragua", "Níger", "Nigeria"]),
        ("en", ["Chad", "Côte d'Ivoire", "Croatia"]),
    ],
)
def test_the_collation_sorts_accents_as_letters(language, names):
    backwards = names[::-1]
    assert sorted(backwards, key=lambda name: collation_key(name, language)) == names


def test_every_country_choice_in_french_puts_etats_unis_among_the_e():
    with translation.override("fr"):
        names = [str(name) for _code, name in countries]
    assert names.index("Espagne") < names.index("États-Unis d'Amérique") < names.index("Éthiopie")
    assert names.index("Éthiopie") < names.index("Fidji")


@pytest.mark.django_db
def test_the_country_filter_sorts_in_the_readers_order(client):
    for code in ("CH", "SN", "US", "ES", "EG"):
        ActivityFactory(country=code)
    page = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    select = re.search(r'<select[^>]*name="country".*?</select>', page, re.S).group(0)
    options = re.findall(r'<option value="[A-Z]{2}"[^>]*>([^<]+)</option>', select)
    assert options == ["Égypte", "Espagne", "États-Unis d&#x27;Amérique", "Sénégal", "Suisse"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "written", ["Russia", "Russian Federation", "Fédération de Russie", "Federación de Rusia", "RU"]
)
def test_the_import_knows_a_country_by_any_of_its_names(written):
    assert Matcher().country(written) == "RU"
