"""Records in more than one language: each states its own, and may carry its title and
summary in the two others; pages show the reader's language where given, otherwise the
original marked with its `lang`; the report prints the texts in its own language.
"""

import csv
import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from activities import history, languages, roles, workflow
from activities.differences import change_differences
from activities.models import Activity
from reports import completeness
from reports.builder import build_report
from reports.export import export_bytes
from tests.activities.test_admin import activity_form_data
from tests.factories import ActivityFactory, ReportSectionFactory, make_user
from tests.reports.conftest import AnnualReportFactory

pytestmark = pytest.mark.django_db

ADD = reverse("admin:activities_activity_add")


def french_and_english(**overrides):
    """A record written in English with its title and summary also in French."""
    values = {
        "title": "Training on labour migration",
        "summary": "The Unit trained officials.",
        "original_language": "en",
        "title_fr": "Formation sur la migration de main-d'œuvre",
        "summary_fr": "L'Unité a formé des fonctionnaires.",
        "slug": "training-labour-migration",
    }
    return ActivityFactory(**{**values, **overrides})


def test_a_record_is_english_unless_it_says_otherwise():
    activity = ActivityFactory()
    activity.refresh_from_db()
    assert activity.original_language == "en"
    assert [getattr(activity, f) for f in languages.translated_fields()] == [""] * 6


def test_the_text_shown_is_the_readers_language_or_else_the_original():
    activity = french_and_english(summary_fr="")
    assert languages.text_in(activity, "title", "fr") == (activity.title_fr, "fr")
    # No French summary: the original, in its own language.
    assert languages.text_in(activity, "summary", "fr") == ("The Unit trained officials.", "en")
    assert languages.text_in(activity, "title", "es") == ("Training on labour migration", "en")
    assert languages.text_in(activity, "title", "en") == ("Training on labour migration", "en")
    # A translation of blanks is no translation.
    activity.title_es = "   "
    assert languages.text_in(activity, "title", "es")[1] == "en"


def test_a_language_outside_the_three_is_refused_by_the_model_and_the_database():
    activity = ActivityFactory.build(original_language="de")
    with pytest.raises(ValidationError) as refused:
        activity.full_clean(exclude=["activity_type"])
    assert "original_language" in refused.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(original_language="de")


def test_a_translation_in_the_records_own_language_is_refused():
    activity = ActivityFactory.build(original_language="fr", title_fr="Atelier")
    with pytest.raises(ValidationError) as refused:
        activity.full_clean(exclude=["activity_type"])
    assert "title_fr" in refused.value.message_dict


# Writes through the one service ---------------------------------------------------------


def test_translations_are_saved_through_the_service_with_their_history(manager):
    activity = ActivityFactory(title="Panel on remittances")
    activity.title_es = "Panel sobre remesas"
    workflow.save(activity=activity, user=manager, based_on=activity.version)
    activity.refresh_from_db()
    assert activity.title_es == "Panel sobre remesas"
    assert activity.slug == ActivityFactory._meta.model.objects.get(pk=activity.pk).slug
    latest = activity.history.first()
    assert latest.title_es == "Panel sobre remesas"
    assert history.values_of(activity)["title_es"] == "Panel sobre remesas"


def test_a_proposed_translation_shows_in_the_review_differences(data_entry, manager):
    activity = french_and_english()
    proposed = Activity.objects.get(pk=activity.pk)
    proposed.title_es = "Capacitación sobre migración laboral"
    proposed.summary_fr = "L'Unité a formé des inspecteurs."
    outcome = workflow.save(activity=proposed, user=data_entry, based_on=activity.version)
    assert outcome.proposed
    activity.refresh_from_db()
    assert activity.title_es == ""  # nothing changes before a manager approves
    rows = {label: (before, after) for label, before, after in change_differences(outcome.change)}
    assert rows["Title in Spanish"] == ("—", "Capacitación sobre migración laboral")
    assert rows["Summary in French"] == (
        "L'Unité a formé des fonctionnaires.",
        "L'Unité a formé des inspecteurs.",
    )
    workflow.submit_change(change=outcome.change, user=data_entry)
    workflow.approve_change(change=outcome.change, user=manager)
    activity.refresh_from_db()
    assert activity.title_es == "Capacitación sobre migración laboral"


def test_a_new_record_titled_as_anothers_translation_is_a_look_alike(manager_client):
    french_and_english()
    data = activity_form_data(
        title="Formation sur la migration de main-d'œuvre",
        original_language="fr",
        slug="formation",
        country="",
    )
    response = manager_client.post(ADD, data)
    assert response.status_code == 200
    assert "This looks like an activity already recorded" in response.content.decode()
    assert not Activity.objects.filter(slug="formation").exists()


# The admin ----------------------------------------------------------------------------


def test_the_admin_form_puts_the_original_first_and_the_others_side_by_side(manager_client):
    page = manager_client.get(ADD).content.decode()
    order = [page.index(f'name="{name}"') for name in ("original_language", "title", "summary")]
    assert order == sorted(order)
    boxes = [page.index(f'name="{name}"') for name in languages.translated_fields()]
    assert min(boxes) > order[-1]
    # One line for the titles, one for the summaries.
    line = re.search(
        r'<div class="form-row[^"]*field-title_en[^"]*">.*?</div>\s*</div>', page, re.S
    )
    assert line and "title_fr" in line.group(0) and "title_es" in line.group(0)


def test_the_admin_saves_a_french_record_with_an_english_title(manager_client):
    data = activity_form_data(
        title="Atelier sur la traite",
        summary="L'Unité a animé un atelier.",
        original_language="fr",
        title_en="Workshop on trafficking",
        slug="atelier-traite",
    )
    response = manager_client.post(ADD, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    activity = Activity.objects.get(slug="atelier-traite")
    assert (activity.original_language, activity.title_en) == ("fr", "Workshop on trafficking")
    assert activity.history.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"original_language": "de"}, "original_language", "Select a valid choice"),
        ({"original_language": "<script>"}, "original_language", "Select a valid choice"),
        ({"original_language": "en", "title_en": "Same again"}, "title_en", "original language"),
        ({"summary_es": "Sólo el resumen."}, "title_es", "Give the title in this language too"),
        ({"title_fr": "x" * 300}, "title_fr", "at most 255 characters"),
    ],
)
def test_bad_language_input_is_named_next_to_its_field(manager_client, overrides, field, message):
    response = manager_client.post(ADD, activity_form_data(**overrides))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors[field])
    assert not Activity.objects.exists()


# Pages ---------------------------------------------------------------------------------


def test_the_list_shows_the_readers_language_and_marks_the_original(client):
    french_and_english()
    ActivityFactory(title="Taller regional", original_language="es", slug="taller")
    french = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">Formation sur la migration de main-d&#x27;œuvre</a>" in french
    assert 'lang="es">Taller regional</a>' in french
    english = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '/activities/training-labour-migration/">Training on labour migration</a>' in english
    spanish = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="en">Training on labour migration</a>' in spanish
    assert '/activities/taller/">Taller regional</a>' in spanish


def test_the_record_page_marks_title_and_summary_each_in_its_own_language(client):
    french_and_english(summary_fr="")
    page = client.get("/activities/training-labour-migration/", HTTP_ACCEPT_LANGUAGE="fr")
    html = page.content.decode()
    assert "<h1>Formation sur la migration de main-d&#x27;œuvre</h1>" in html
    assert '<div class="summary" lang="en"><p>The Unit trained officials.</p></div>' in html
    page = client.get("/activities/training-labour-migration/", HTTP_ACCEPT_LANGUAGE="es")
    assert '<h1 lang="en">Training on labour migration</h1>' in page.content.decode()


def test_partner_and_area_pages_show_the_readers_language(client):
    from tests.factories import ActivityPartnerFactory, PartnerFactory, ThematicAreaFactory

    activity = french_and_english()
    ActivityPartnerFactory(activity=activity, partner=PartnerFactory(slug="ilo"))
    area = ThematicAreaFactory(slug="labour")
    activity.thematic_areas.add(area)
    for url in ("/partners/ilo/", "/areas/labour/", "/activities/?q=migration"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        assert ">Formation sur la migration de main-d&#x27;œuvre</a>" in html, url


def test_the_admin_queues_show_the_readers_language(manager_client, data_entry):
    french_and_english(review_state="submitted", created_by=data_entry)
    page = manager_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="es")
    assert 'lang="en">Training on labour migration</a>' in page.content.decode()
    page = manager_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="fr")
    assert ">Formation sur la migration de main-d&#x27;œuvre</a>" in page.content.decode()


def test_the_review_page_names_the_record_in_the_readers_language(manager_client):
    activity = french_and_english(review_state="submitted")
    url = reverse("admin:activities_activity_review", args=[activity.pk])
    page = manager_client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">Formation sur la migration de main-d&#x27;œuvre</a>" in page
    page = manager_client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert 'lang="en">Training on labour migration</a>' in page


# Exports and the API ---------------------------------------------------------------------


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_keeps_the_texts_as_written_unless_a_language_is_asked(client):
    french_and_english()
    header, row = csv_rows(client.get("/activities/export.csv"))
    assert row[0] == "Training on labour migration"
    assert "The Unit trained officials." in row
    _header, row = csv_rows(client.get("/activities/export.csv", {"lang": "fr"}))
    assert row[0] == "Formation sur la migration de main-d'œuvre"
    assert "L'Unité a formé des fonctionnaires." in row
    # No Spanish text: as written.
    _header, row = csv_rows(client.get("/activities/export.csv", {"lang": "es"}))
    assert row[0] == "Training on labour migration"
    # A language that is not one of the three is refused with the reason.
    refused = client.get("/activities/export.csv", {"lang": "<de>"})
    assert refused.status_code == 400
    assert "Training" not in refused.content.decode()


def test_the_api_gives_the_language_and_every_text(client):
    french_and_english()
    listed = client.get("/api/activities/").json()["results"][0]
    single = client.get("/api/activities/training-labour-migration/").json()
    for record in (listed, single):
        assert record["original_language"] == "en"
        assert record["title_fr"] == "Formation sur la migration de main-d'œuvre"
        assert record["summary_fr"] == "L'Unité a formé des fonctionnaires."
        assert record["title_es"] == record["title_en"] == ""


def test_the_api_writes_translations_and_refuses_a_bad_language(manager):
    activity = ActivityFactory(slug="panel")
    api = APIClient()
    api.force_authenticate(manager)
    url = "/api/activities/panel/"
    answer = api.patch(url, {"title_fr": "Table ronde"}, format="json", HTTP_IF_MATCH="*")
    assert answer.status_code == 200, answer.json()
    activity.refresh_from_db()
    assert activity.title_fr == "Table ronde"
    assert activity.history.first().title_fr == "Table ronde"
    answer = api.patch(url, {"original_language": "xx"}, format="json", HTTP_IF_MATCH="*")
    assert answer.status_code == 400
    assert "original_language" in answer.json()
    answer = api.patch(url, {"original_language": "fr"}, format="json", HTTP_IF_MATCH="*")
    assert answer.status_code == 400
    assert "title_fr" in answer.json()


def test_the_api_schema_describes_the_languages(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    activity = schema["components"]["schemas"]["Activity"]["properties"]
    for name in ["original_language", *languages.translated_fields()]:
        assert name in activity


# The report -----------------------------------------------------------------------------


@pytest.fixture
def bilingual_period(db):
    section = ReportSectionFactory(title="Awareness-raising activities")
    french_and_english(
        report_section=section,
        prominence="headline",
        summary="In May 2011 the Unit trained officials in Austria.",
        summary_fr="En mai 2011, l'Unité a formé des fonctionnaires en Autriche.",
        city="",
        country="AT",
        start_date=datetime.date(2011, 5, 17),
    )
    ActivityFactory(
        title="Panel on remittances",
        slug="panel",
        summary="The Unit spoke on remittances.",
        report_section=section,
        prominence="minor",
        city="Geneva",
        start_date=datetime.date(2011, 6, 1),
    )


def printed(document):
    return [
        (
            item.heading,
            [str(p.text) for p in item.paragraphs]
            + [str(b.text) for p in item.paragraphs for b in p.bullets],
        )
        for s in document.sections[1:]
        for item in s.items
    ]


def test_a_french_report_prints_each_records_french_text(bilingual_period):
    report = AnnualReportFactory(language="fr")
    # As the admin saves it: the builder's sentences as they started follow the language.
    report.full_clean()
    report.save()
    items = printed(build_report(report))
    assert items[0] == (
        "Formation sur la migration de main-d'œuvre",
        ["En mai 2011, l'Unité a formé des fonctionnaires en Autriche."],
    )
    assert items[1][0] == "Autres"
    # The record with no French text is printed as written.
    assert "The Unit spoke on remittances (Geneva" in str(items[1])
    html = export_bytes(report).decode()
    assert '<html lang="fr">' in html
    assert "Formation sur la migration" in html


def test_an_english_report_prints_the_english_texts(bilingual_period):
    report = AnnualReportFactory()
    assert report.language == "en"
    items = printed(build_report(report))
    assert items[0][0] == "Training on labour migration"
    with translation.override("fr"):
        assert printed(build_report(report))[0][0] == "Training on labour migration"


def test_the_completeness_check_lists_records_lacking_the_reports_language(bilingual_period):
    french = completeness.check(AnnualReportFactory(language="fr"))
    lacking = [gap.title for gap in french.gaps if gap.reason == "untranslated"]
    assert lacking == ["Panel on remittances"]
    # The French paragraph names the place and month as the French report writes them.
    assert not [g for g in french.gaps if g.reason.startswith("text_no")]
    spanish = completeness.check(AnnualReportFactory(year=2012, language="es"))
    assert sorted(g.title for g in spanish.gaps if g.reason == "untranslated") == [
        "Panel on remittances",
        "Training on labour migration",
    ]
    english = completeness.check(AnnualReportFactory(year=2013))
    assert not [g for g in english.gaps if g.reason == "untranslated"]


def test_a_new_years_report_keeps_the_language(bilingual_period, manager):
    from reports.services import start_from

    report = AnnualReportFactory(language="es")
    following = start_from(previous=report, user=manager)
    assert following.language == "es"


def test_the_report_admin_refuses_a_language_outside_the_three(manager_client):
    report = AnnualReportFactory()
    url = reverse("admin:reports_annualreport_change", args=[report.pk])
    page = manager_client.get(url).content.decode()
    assert 'name="language"' in page
    report.language = "de"
    with pytest.raises(ValidationError):
        report.full_clean()


def test_roles_do_not_change_what_a_reader_is_shown(client):
    """The same rule for everyone: a viewer reads the French title as an anonymous reader."""
    french_and_english()
    client.force_login(make_user(roles.VIEWERS, username="lecteur"))
    html = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">Formation sur la migration de main-d&#x27;œuvre</a>" in html


def test_some_sample_records_read_in_french_and_spanish(client, sample_records):
    page = client.get("/activities/creative-workshop-deskilled-women/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "<h1>Atelier créatif avec des migrantes déqualifiées</h1>" in page.content.decode()
    page = client.get("/activities/creative-workshop-deskilled-women/", HTTP_ACCEPT_LANGUAGE="es")
    assert "<h1>Taller creativo con mujeres migrantes descualificadas</h1>" in page.content.decode()
    translated = Activity.objects.exclude(title_fr="", title_es="")
    assert translated.count() >= 3
