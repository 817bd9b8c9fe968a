"""The import's template: the registries' lists as drop-downs, instructions, two examples;
and what the product writes out (the template's lists, the list's export) reads back in."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from activities.matching import Matcher
from activities.models import Activity
from tests.factories import (
    ActivityFactory,
    ActivityTypeFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:activities_activity_import")
TEMPLATE = reverse("admin:activities_activity_import_template")


@pytest.fixture
def registries():
    return {
        "training": ActivityTypeFactory(
            name_en="Training", name_fr="Formation", name_es="Capacitación", slug="training"
        ),
        "panel": ActivityTypeFactory(
            name_en="Panel discussion",
            name_fr="Réunion-débat",
            name_es="Mesa redonda",
            slug="panel",
        ),
        "area": ThematicAreaFactory(name="Women’s labour migration", slug="labour"),
        "ilo": PartnerFactory(name="International Labour Organization", acronym="ILO"),
        "event": EventFactory(name="Commission on the Status of Women, 55th session"),
    }


def template(client, language="en"):
    response = client.get(TEMPLATE, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def validations(sheet):
    """{column letter: (list formula, refuses other text)} of the sheet's drop-downs."""
    found = {}
    for check in sheet.data_validations.dataValidation:
        for cells in check.sqref.ranges:
            found[cells.coord.split(":")[0].rstrip("0123456789")] = (
                check.formula1,
                bool(check.showErrorMessage),
            )
    return found


def test_the_template_lists_the_registries_and_offers_them_as_drop_downs(
    data_entry_client, registries
):
    book = template(data_entry_client)
    assert book.sheetnames[:3] == ["Activities", "Instructions", "Types"]
    assert {"Countries", "Thematic areas", "Partners", "Events", "Statuses"} <= set(book.sheetnames)
    activities = book["Activities"]
    header = [cell.value for cell in activities[1]]
    assert header[:4] == ["Title", "Type", "Summary", "Start date"]
    drop_downs = validations(activities)
    assert drop_downs["B"] == ("'Types'!$A$2:$A$3", True)  # Type: the two types, strictly
    assert drop_downs["H"][0].startswith("'Countries'!$A$2:$A$2")
    assert drop_downs["I"] == ("'Thematic areas'!$A$2:$A$2", False)  # several may be named
    assert drop_downs["R"][1] is True  # Status
    types = [row[0] for row in book["Types"].iter_rows(min_row=2, values_only=True)]
    assert types == ["Panel discussion", "Training"]
    instructions = " ".join(
        str(row[0]) for row in book["Instructions"].iter_rows(values_only=True) if row[0]
    )
    assert "Required columns: Title, Type, Summary, Start date." in instructions
    examples = list(activities.iter_rows(min_row=2, values_only=True))
    assert len(examples) == 2 and examples[0][1] == "Training"


def test_the_template_is_in_the_importers_language(data_entry_client, registries):
    book = template(data_entry_client, "fr")
    assert "Types" in book.sheetnames and "Pays" in book.sheetnames
    header = [cell.value for cell in book.worksheets[0][1]]
    assert header[:2] == ["Titre", "Type"]
    types = [row[0] for row in book["Types"].iter_rows(min_row=2, values_only=True)]
    assert types == ["Formation", "Réunion-débat"]
    assert book.worksheets[0]["B2"].value == "Formation"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_name_the_template_lists_reads_back_as_its_record(
    data_entry_client, registries, language
):
    book = template(data_entry_client, language)
    from django.utils import translation

    with translation.override(language):
        matcher = Matcher()
    sheets = {
        "Types": matcher.types,
        "Thematic areas": matcher.areas,
        "Partners": matcher.partners,
        "Events": matcher.events,
    }
    localized = {
        "fr": {
            "Thematic areas": "Domaines thématiques",
            "Partners": "Partenaires",
            "Events": "Événements",
        },
        "es": {
            "Types": "Tipos",
            "Thematic areas": "Esferas temáticas",
            "Partners": "Asociados",
            "Events": "Eventos",
        },
    }.get(language, {})
    for title, registry in sheets.items():
        names = [
            r[0] for r in book[localized.get(title, title)].iter_rows(min_row=2, values_only=True)
        ]
        assert names
        for name in names:
            record, reason = registry.find(name)
            assert reason is None, reason
    country_sheet = {"en": "Countries", "fr": "Pays", "es": "Países"}[language]
    countries = [r[0] for r in book[country_sheet].iter_rows(min_row=2, values_only=True)]
    assert len(countries) > 240
    assert all(matcher.country(name) for name in countries)


def test_the_template_as_downloaded_imports_its_two_examples(data_entry_client, registries):
    response = data_entry_client.get(TEMPLATE)
    upload = io.BytesIO(b"".join(response.streaming_content))
    upload.name = "template.xlsx"
    shown = data_entry_client.post(IMPORT, {"file": upload}, follow=True)
    result = shown.context["result"]
    assert result.sheet == "Activities"
    assert [row.status for row in result.rows] == ["new", "new"], [r.errors for r in result.rows]


def test_the_lists_export_reads_back_unchanged(manager_client, registries):
    first = ActivityFactory(
        title="Panel on remittances",
        activity_type=registries["panel"],
        start_date=datetime.date(2011, 3, 1),
        date_precision="month",
        city="Vienna",
        country="AT",
        status="ongoing",
        prominence="headline",
        participants_total=40,
        participants_women=25,
        participants_men=15,
        event=registries["event"],
    )
    first.thematic_areas.add(registries["area"])
    first.roles.create(partner=registries["ilo"], role="host")
    ActivityFactory(
        title="Training in Chisinau",
        activity_type=registries["training"],
        start_date=datetime.date(2011, 5, 17),
        end_date=datetime.date(2011, 5, 18),
        country="MD",
    )
    exported = manager_client.get(reverse("activities:export-xlsx"))
    upload = io.BytesIO(b"".join(exported.streaming_content))
    upload.name = "export.xlsx"
    shown = manager_client.post(IMPORT, {"file": upload}, follow=True)
    result = shown.context["result"]
    assert [row.status for row in result.rows] == ["duplicate", "duplicate"]
    fields = [
        "title",
        "activity_type_id",
        "summary",
        "start_date",
        "end_date",
        "date_precision",
        "city",
        "country",
        "event_id",
        "status",
        "prominence",
        "participants_total",
        "participants_women",
        "participants_men",
    ]
    originals = {a.title: a for a in Activity.objects.all()}
    for row in result.rows:
        original = originals[row.activity.title]
        assert {f: getattr(row.activity, f) for f in fields} == {
            f: getattr(original, f) for f in fields
        }
        assert row.areas == list(original.thematic_areas.all())
        assert row.roles == [(r.partner, r.role) for r in original.roles.all()]
