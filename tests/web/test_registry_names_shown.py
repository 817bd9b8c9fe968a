"""Registry names as each reader reads them: the list and its filters, record pages, the
dashboard, partner pages, the lookups, and the CSV and XLSX exports (with `?lang=`), each in
the reader's language, English where a name has no translation."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activities.models import ActivityType, Event, ReportSection, ThematicArea
from partners.models import Partner
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

CSV = reverse("activities:export-csv")
XLSX = reverse("activities:export-xlsx")

# (English, French, Spanish) of each name the record below is filed under.
TYPE = ("Workshop", "Atelier", "Taller")
AREA = ("Labour migration", "Migration de main-d’œuvre", "Migración laboral")
PARTNER = (
    "International Labour Organization",
    "Organisation internationale du Travail",
    "Organización Internacional del Trabajo",
)
ACRONYM = ("ILO", "OIT", "OIT")
EVENT = ("International Women’s Day 2011", "Journée internationale des femmes 2011", None)
SECTION = ("Inter-agency involvement", "Participation interinstitutions", None)
LANGUAGES = {"en": 0, "fr": 1, "es": 2}


def three(field, names):
    return {f"{field}_{code}": names[i] for code, i in LANGUAGES.items()}


@pytest.fixture
def record():
    return filed_in_three_languages()


def filed_in_three_languages():
    """A record whose type, area, partner, event and section are named in three languages."""
    kind = ActivityType.objects.create(slug="workshop", **three("name", TYPE))
    area = ThematicArea.objects.create(slug="labour", **three("name", AREA))
    partner = Partner.objects.create(
        slug="ilo", kind="un_entity", **three("name", PARTNER), **three("acronym", ACRONYM)
    )
    event = Event.objects.create(slug="iwd-2011", kind="observance", **three("name", EVENT))
    section = ReportSection.objects.create(slug="inter", order=20, **three("title", SECTION))
    activity = ActivityFactory(
        title="Regional consultation",
        activity_type=kind,
        event=event,
        report_section=section,
        start_date=datetime.date(2011, 3, 8),
    )
    activity.thematic_areas.add(area)
    activity.roles.create(partner=partner, role="co_organiser")
    return activity


def named(names, language):
    """The name a reader of `language` sees: theirs, or English where there is none."""
    return names[LANGUAGES[language]] or names[0]


def page(client, address, language, **params):
    response = client.get(address, params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_list_and_its_filters_name_registries_in_the_readers_language(client, record, language):
    html = page(client, "/activities/", language)
    assert f">{named(TYPE, language)}</td>" in html
    assert f">{named(AREA, language)}</a>".replace("’", "’") in html.replace("&#x27;", "'")
    assert f'<option value="workshop">{named(TYPE, language)}</option>' in html
    assert f'<option value="labour">{named(AREA, language)}</option>' in html
    others = {names[i] for names in (TYPE, AREA) for i in range(3)} - {
        named(TYPE, language),
        named(AREA, language),
    }
    for other in others:
        assert f">{other}<" not in html, other


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_record_page_names_its_registries_in_the_readers_language(client, record, language):
    html = page(client, record.get_absolute_url(), language)
    for names in (TYPE, AREA, PARTNER, EVENT, SECTION):
        assert named(names, language) in html, names


@pytest.mark.parametrize("language", ["fr", "es"])
def test_registry_pages_are_titled_in_the_readers_language(client, record, language):
    for address, names in [
        (reverse("partners:detail", args=["ilo"]), PARTNER),
        (reverse("activities:thematic-area", args=["labour"]), AREA),
        (reverse("activities:event", args=["iwd-2011"]), EVENT),
    ]:
        html = page(client, address, language)
        assert f"<h1>{named(names, language)}" in html, address


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_dashboard_names_types_areas_and_partners_in_the_readers_language(
    client, record, language
):
    html = page(client, reverse("activities:dashboard"), language, year="2011")
    for names in (TYPE, AREA, ACRONYM):
        assert named(names, language) in html, names


@pytest.mark.parametrize(
    ("words", "language", "label"),
    [
        ("OIT", "en", "International Labour Organization (ILO)"),
        ("ILO", "fr", "Organisation internationale du Travail (OIT)"),
        ("Trabajo", "es", "Organización Internacional del Trabajo (OIT)"),
    ],
)
def test_the_partner_lookup_finds_any_name_and_answers_in_the_readers_language(
    client, record, words, language, label
):
    response = client.get(reverse("partners:lookup"), {"q": words}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.json()["results"] == [{"value": "ilo", "label": label}]


def test_the_event_lookup_finds_an_event_by_its_french_name(client, record):
    response = client.get(
        reverse("activities:event-lookup"), {"q": "Journée"}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert response.json()["results"] == [
        {"value": "iwd-2011", "label": "International Women’s Day 2011"}
    ]


def csv_rows(response):
    assert response.status_code == 200, response.content
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def cells(rows):
    return dict(zip(rows[0], rows[1], strict=True))


@pytest.mark.parametrize(
    ("query", "accept", "header", "language"),
    [
        ({}, "en", "Type", "en"),
        ({}, "fr", "Type", "fr"),
        ({}, "es", "Tipo", "es"),
        ({"lang": "fr"}, "en", "Type", "fr"),
        ({"lang": "es"}, "fr", "Tipo", "es"),
        ({"lang": "en"}, "es", "Type", "en"),
    ],
)
def test_the_csv_speaks_the_readers_language_or_the_one_asked_for(
    client, record, query, accept, header, language
):
    row = cells(csv_rows(client.get(CSV, query, HTTP_ACCEPT_LANGUAGE=accept)))
    assert row[header] == named(TYPE, language)
    values = set(row.values())
    assert named(AREA, language) in values
    assert named(EVENT, language) in values
    assert named(SECTION, language) in values
    partner = named(PARTNER, language)
    assert any(value.startswith(f"{partner} (") for value in values)


def test_an_english_csv_is_the_same_file_asked_for_by_lang_or_not(client, record):
    plain = b"".join(client.get(CSV).streaming_content)
    asked = b"".join(client.get(CSV, {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr").streaming_content)
    assert plain == asked
    assert b"Workshop" in plain and b"Atelier" not in plain


def test_the_xlsx_takes_the_language_asked_for(client, record):
    response = client.get(XLSX, {"lang": "es"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    header, row = [list(r) for r in sheet.iter_rows(values_only=True)][:2]
    assert header[0] == "Título"
    assert row[header.index("Tipo")] == "Taller"


@pytest.mark.parametrize("lang", ["de", "", "FR", "fr-CA", "xx" * 300, "<script>", "en\x00"])
@pytest.mark.parametrize("export", [CSV, XLSX])
def test_an_unknown_export_language_is_refused_with_the_reason(client, record, export, lang):
    response = client.get(export, {"lang": lang})
    assert response.status_code == 400
    if "\x00" in lang:
        return  # refused before any view, as every NUL character is
    text = response.content.decode()
    assert "lang" in text and "en, fr or es" in text
    assert "<script>" not in text
