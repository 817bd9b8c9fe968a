"""The words of the interface: the organisation's glossary, French typography, and Django's
own admin strings left to Django unless reworded on purpose."""

import re
from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from activities import roles
from core.country_names import UN_SHORT_NAMES
from core.glossary import ADMIN_WORDING, GLOSSARY
from tests.factories import make_user

ROOT = Path(__file__).resolve().parent.parent


def catalogue(language, path=None):
    path = path or ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    with Path(path).open("rb") as source:
        return read_po(source, locale=language)


def translations(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def single_id(message):
    return message.id if isinstance(message.id, str) else message.id[0]


def plain(text):
    return text.replace("’", "'").lower()


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_glossary_term_is_translated_as_the_glossary_says(language):
    wrong = []
    for message in catalogue(language):
        if not message.id:
            continue
        for term in GLOSSARY:
            if plain(term.english) not in plain(single_id(message)):
                continue
            forms = [plain(form) for form in term.forms(language)]
            for text in translations(message):
                if not any(form in plain(text) for form in forms):
                    wrong.append((term.english, text))
    assert wrong == []


def test_the_unit_has_one_name_on_the_site_and_in_the_admin():
    french = {single_id(m): translations(m)[0] for m in catalogue("fr") if m.id}
    assert french["Gender Coordination Unit"] == "Groupe de coordination pour l'égalité des sexes"
    assert (
        "Groupe de coordination pour l’égalité des sexes"
        in (french["Records of the Gender Coordination Unit"])
    )


# Punctuation that French spaces: a regular space or no space before it is an error.
UNSPACED = re.compile(r"(?<![\u00a0\u202f])[:;?!](?=[\s\"»)<]|$)")


def test_french_puts_a_no_break_space_before_colons_semicolons_and_marks():
    unspaced = [
        text
        for message in catalogue("fr")
        if message.id
        for text in translations(message)
        if UNSPACED.search(text)
    ]
    assert unspaced == []


def test_spanish_and_english_keep_their_punctuation_tight():
    spaced = [
        text
        for message in catalogue("es")
        if message.id
        for text in translations(message)
        if re.search(r"[\u00a0\u202f ][:;?!]", text)
    ]
    assert spaced == []


def django_catalogues(language):
    """Django's and the installed apps' own catalogues for the language."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    for folder in folders:
        path = folder / language / "LC_MESSAGES" / "django.po"
        if path.exists():
            yield path


@pytest.mark.parametrize("language", ["fr", "es"])
def test_no_message_of_ours_overrides_djangos_by_accident(language):
    """Our catalogue wins over Django's: an ambiguous word of ours takes a context.

    Overrides on purpose: the admin's wording listed in the glossary module, and countries
    renamed as the UN names them (django-countries' catalogue has "Biélorussie")."""
    with translation.override("en"):
        deliberate = set(ADMIN_WORDING) | {str(name) for name in UN_SHORT_NAMES.values()}
    ours = {single_id(m): translations(m)[0] for m in catalogue(language) if m.id and not m.context}
    overridden = set()
    for path in django_catalogues(language):
        for message in catalogue(language, path):
            if not message.id or message.context or single_id(message) in deliberate:
                continue
            key = single_id(message)
            if key in ours and translations(message)[0] and ours[key] != translations(message)[0]:
                overridden.add((key, ours[key], translations(message)[0]))
    assert sorted(overridden) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "never"),
    [
        ("fr", ["Modifier", "Ajouter"], ["Variation"]),
        ("es", ["Modificar", "Añadir"], ["Variación"]),
    ],
)
def test_the_admin_index_speaks_djangos_words(client, language, expected, never):
    client.force_login(make_user(roles.MANAGERS, username="head"))
    page = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for word in expected:
        assert f">{word}<" in page
    for word in never:
        assert word not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "titles", "never"),
    [
        (
            "fr",
            ["Ajouter\u00a0: activité", "Choisir l’élément à modifier\u00a0: activité"],
            ["Ajout de activité", "objet", "Modification"],
        ),
        ("es", ["Añadir actividad", "Elija el elemento que desea modificar: actividad"], []),
    ],
)
def test_the_admin_titles_read_as_written_by_a_person(client, language, titles, never):
    client.force_login(make_user(roles.MANAGERS, username="head"))
    pages = "".join(
        client.get(reverse(name), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        for name in ("admin:activities_activity_add", "admin:activities_activity_changelist")
    )
    for title in titles:
        assert title in pages
    for words in never:
        assert words not in pages


@pytest.mark.django_db
def test_the_spanish_admin_greets_without_shouting_a_crowd(client):
    client.force_login(make_user(roles.DATA_ENTRY, username="clerk"))
    page = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Le damos la bienvenida," in page and "Bienvenidos" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("fr", ["Date (ordre décroissant)", "Titre (ordre décroissant)"]),
        ("es", ["Fecha (orden descendente)", "Título (orden descendente)"]),
    ],
)
def test_the_sort_choices_are_translated_both_ways(client, language, labels):
    page = client.get("/activities/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for label in labels:
        assert label in page
    assert "descending" not in page
