"""Registry names in English, French and Spanish (activity types, thematic areas, report
sections, events, initiatives, partners' names and acronyms, UN-SWAP indicators): entered side
by side in the admin, shown in the reader's language with English as the fallback, matched in
any language by search, filters and the import."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from activities import roles
from activities.matching import Matcher
from activities.models import Activity, ActivityType, Event, Initiative, ReportSection, ThematicArea
from partners.models import Partner
from tests.factories import ActivityFactory, make_user
from unswap.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return ActivityType.objects.create(
        slug="workshop", name_en="Workshop", name_fr="Atelier", name_es="Taller"
    )


def test_the_admin_takes_the_three_names_side_by_side(client):
    client.force_login(make_user(roles.MANAGERS, username="head"))
    add = reverse("admin:activities_activitytype_add")
    form = client.get(add, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    for field in ("name_en", "name_fr", "name_es"):
        assert f'name="{field}"' in form
    response = client.post(
        add,
        {
            "name_en": "Training",
            "name_fr": "Formation",
            "name_es": "Capacitación",
            "slug": "training",
        },
    )
    assert response.status_code == 302
    kind = ActivityType.objects.get(slug="training")
    assert (kind.name_en, kind.name_fr, kind.name_es) == ("Training", "Formation", "Capacitación")


def test_the_admin_finds_a_type_by_any_of_its_names(client, workshop):
    client.force_login(make_user(roles.MANAGERS, username="head"))
    changelist = reverse("admin:activities_activitytype_changelist")
    for words in ("atelier", "taller", "workshop"):
        page = client.get(changelist, {"q": words}).content.decode()
        assert f"/admin/activities/activitytype/{workshop.pk}/change/" in page, words


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Workshop"), ("fr", "Atelier"), ("es", "Taller")]
)
def test_a_type_reads_in_the_readers_language(workshop, language, name):
    with translation.override(language):
        assert ActivityType.objects.get(pk=workshop.pk).name == name


def test_a_type_without_a_translation_reads_in_english():
    ActivityType.objects.create(slug="panel", name_en="Panel discussion")
    with translation.override("fr"):
        assert ActivityType.objects.get(slug="panel").name == "Panel discussion"


def test_the_list_and_its_type_filter_speak_the_readers_language(client, workshop):
    ActivityFactory(title="Regional meeting", activity_type=workshop, visibility="public")
    for language, name in [("fr", "Atelier"), ("es", "Taller"), ("en", "Workshop")]:
        page = client.get("/activities/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        select = re.search(r'<select[^>]*name="activity_type".*?</select>', page, re.S).group(0)
        assert f'<option value="workshop">{name}</option>' in select
        assert f">{name}</td>" in page


@pytest.mark.parametrize("written", ["Atelier", "atelier", "Taller", "Workshop", "workshop"])
def test_the_import_knows_a_type_by_any_of_its_names(workshop, written):
    found, reason = Matcher().types.find(written)
    assert (found, reason) == (workshop, None)


# (admin add page, the fields in three languages, a complete form, the model)
REGISTRIES = [
    (
        "admin:activities_thematicarea_add",
        ["name", "description"],
        {"slug": "psea", "order": "1"},
        ThematicArea,
    ),
    (
        "admin:activities_reportsection_add",
        ["title", "description"],
        {"slug": "s", "order": "9"},
        ReportSection,
    ),
    (
        "admin:activities_event_add",
        ["name"],
        {"slug": "csw", "kind": "session", "date_precision": "day"},
        Event,
    ),
    ("admin:activities_initiative_add", ["title"], {"slug": "i"}, Initiative),
    (
        "admin:partners_partner_add",
        ["name", "acronym"],
        {
            "slug": "ilo",
            "kind": "un_entity",
            "aliases-TOTAL_FORMS": "0",
            "aliases-INITIAL_FORMS": "0",
        },
        Partner,
    ),
]


@pytest.mark.parametrize(("add", "fields", "rest", "model"), REGISTRIES)
def test_each_registry_is_entered_in_three_languages_side_by_side(client, add, fields, rest, model):
    client.force_login(make_user(roles.MANAGERS, username="head", is_superuser=True))
    form = client.get(reverse(add), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    for field in fields:
        places = [form.index(f'name="{field}_{language}"') for language in ("en", "fr", "es")]
        assert places == sorted(places), field  # together, English first
        assert f'name="{field}"' not in form
    data = {**rest}
    for field in fields:
        data.update(
            {f"{field}_en": f"{field} E", f"{field}_fr": f"{field} F", f"{field}_es": f"{field} E2"}
        )
    # A French-speaking manager saves: the English name is still the English one.
    response = client.post(reverse(add), data, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302, response.content.decode()[:3000]
    row = model.objects.get(slug=rest["slug"])
    for field in fields:
        stored = [getattr(row, f"{field}_{language}") for language in ("en", "fr", "es")]
        assert stored == [f"{field} E", f"{field} F", f"{field} E2"]
        with translation.override("fr"):
            assert getattr(model.objects.get(pk=row.pk), field) == f"{field} F"
    first = fields[0]
    # The untranslated column keeps the English name, not the saving manager's.
    assert model.objects.rewrite(False).filter(**{first: f"{first} E"}).exists()


def test_the_indicators_titles_are_kept_in_three_languages(client):
    client.force_login(make_user(roles.MANAGERS, username="head", is_superuser=True))
    pi4 = Indicator.objects.get(number=4)
    form = client.get(reverse("admin:unswap_indicator_change", args=[pi4.pk])).content.decode()
    assert 'value="Évaluation"' in form and 'value="Evaluación"' in form
    with translation.override("es"):
        assert Indicator.objects.get(number=4).title == "Evaluación"


def test_two_types_may_both_lack_a_french_name(client):
    """An empty translation is no name: the second type without French is not refused as a
    duplicate of the first's empty one, and reads in English."""
    client.force_login(make_user(roles.MANAGERS, username="head"))
    add = reverse("admin:activities_activitytype_add")
    for slug, english in [("visit", "Visit"), ("briefing", "Briefing")]:
        response = client.post(
            add, {"name_en": english, "name_fr": "", "name_es": "", "slug": slug}
        )
        assert response.status_code == 302
    with translation.override("fr"):
        kinds = ActivityType.objects.filter(slug__in=["visit", "briefing"])
        assert sorted(kind.name for kind in kinds) == ["Briefing", "Visit"]


def test_an_empty_translation_reads_as_the_english_one():
    area = ThematicArea.objects.create(
        slug="remittances", name_en="Remittances", name_fr="", description_en="Money sent home."
    )
    with translation.override("fr"):
        area = ThematicArea.objects.get(pk=area.pk)
        assert (area.name, area.description) == ("Remittances", "Money sent home.")


def un_registries():
    area = ThematicArea.objects.create(
        slug="fgm",
        name_en="Female genital mutilation",
        name_fr="Mutilations génitales féminines",
        name_es="Mutilación genital femenina",
    )
    partner = Partner.objects.create(
        slug="ilo",
        name_en="International Labour Organization",
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        acronym_en="ILO",
        acronym_fr="OIT",
        acronym_es="OIT",
    )
    event = Event.objects.create(
        slug="iwd",
        kind="observance",
        name_en="International Women's Day",
        name_fr="Journée internationale des femmes",
        name_es="Día Internacional de la Mujer",
    )
    return area, partner, event


@pytest.mark.parametrize(
    ("registry", "words"),
    [
        (0, "génitales"),
        (0, "genital femenina"),
        (1, "OIT"),
        (1, "Travail"),
        (2, "Journée"),
        (2, "Día Internacional"),
    ],
)
def test_the_admin_finds_a_registry_row_by_any_of_its_names(client, registry, words):
    client.force_login(make_user(roles.MANAGERS, username="head", is_superuser=True))
    row = un_registries()[registry]
    meta = row._meta
    changelist = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    page = client.get(changelist, {"q": words}).content.decode()
    assert f"/{meta.model_name}/{row.pk}/change/" in page


def test_searching_atelier_finds_the_workshops(client, workshop):
    """On PostgreSQL through the index the database keeps (migration 0016), on SQLite with
    LIKE: the type's, areas' and partners' names in every language."""
    ActivityFactory(title="Regional meeting", activity_type=workshop)
    other = ActivityType.objects.create(slug="visit", name_en="Visit", name_fr="Visite")
    ActivityFactory(title="Field trip", activity_type=other)
    for words in ("atelier", "Atelier", "taller", "workshop"):
        page = client.get("/activities/", {"q": words}, HTTP_ACCEPT_LANGUAGE="fr")
        assert [a.title for a in page.context["activities"]] == ["Regional meeting"], words


def test_search_finds_areas_and_partners_by_their_names_in_every_language(client):
    area, partner, _event = un_registries()
    by_area = ActivityFactory(title="Seminar")
    by_area.thematic_areas.add(area)
    by_partner = ActivityFactory(title="Forum")
    by_partner.roles.create(partner=partner, role="co_organiser")
    found = {
        words: [a.title for a in client.get("/activities/", {"q": words}).context["activities"]]
        for words in ("mutilación", "génitales", "OIT", "Travail", "Trabajo", "ILO")
    }
    assert found == {
        "mutilación": ["Seminar"],
        "génitales": ["Seminar"],
        "OIT": ["Forum"],
        "Travail": ["Forum"],
        "Trabajo": ["Forum"],
        "ILO": ["Forum"],
    }


def test_a_renamed_type_is_found_by_its_new_name_at_once(client, workshop):
    ActivityFactory(title="Regional meeting", activity_type=workshop)
    ActivityType.objects.filter(pk=workshop.pk).update(name_fr="Séminaire-atelier")
    titles = [a.title for a in client.get("/activities/", {"q": "séminaire"}).context["activities"]]
    assert titles == ["Regional meeting"]


def test_the_sample_registries_speak_three_languages(client):
    from samples.sample_data.load import load_2011

    load_2011()
    with translation.override("fr"):
        assert ActivityType.objects.get(slug="workshop").name == "Atelier"
        assert ActivityType.objects.get(slug="training").name == "Formation"
        ilo = Partner.objects.get(slug="ilo")
        assert (ilo.name, ilo.acronym) == ("Organisation internationale du Travail", "OIT")
        assert Partner.objects.get(slug="un-women").acronym == "ONU Femmes"
    with translation.override("es"):
        assert ActivityType.objects.get(slug="training").name == "Capacitación"
        assert Partner.objects.get(slug="un-women").acronym == "ONU Mujeres"
        assert Partner.objects.get(slug="iom").name == (
            "Organización Internacional para las Migraciones"
        )
    for model, field in [
        (ActivityType, "name"),
        (ThematicArea, "name"),
        (ReportSection, "title"),
    ]:
        missing = model.objects.filter(**{f"{field}_fr__isnull": True})
        assert not missing.exists(), model
    # Searching "atelier" in French finds the sample's published workshops.
    found = client.get(
        "/activities/", {"q": "atelier", "page_size": 100}, HTTP_ACCEPT_LANGUAGE="fr"
    ).context["page_obj"]
    workshops = set(
        Activity.objects.published()
        .filter(activity_type__slug="workshop")
        .values_list("title", flat=True)
    )
    assert workshops
    assert workshops <= {a.title for a in found}
