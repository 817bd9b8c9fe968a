"""The product in English, French and Spanish: catalogues complete, pages in the reader's
language, the choice remembered, cached pages kept apart per language, dates typed day first."""

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse

from activities import roles
from activities.models import Activity
from tests.activities.test_admin import activity_form_data
from tests.factories import ActivityFactory, make_user

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "es")


def catalogue(language):
    with (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").open("rb") as source:
        return read_po(source, locale=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_a_guess(language):
    missing, fuzzy = [], []
    for message in catalogue(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            missing.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert missing == [], f"untranslated in {language}"
    assert fuzzy == [], f"fuzzy in {language}"


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext")
def test_the_catalogues_hold_every_message_of_the_code(tmp_path):
    """A string added to the code without its translations fails here."""
    for name in (
        "accounts",
        "activities",
        "api",
        "core",
        "commitments",
        "gcu_tracker",
        "iati",
        "jobs",
        "network",
        "ops",
        "partners",
        "reports",
        "unswap",
    ):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.pyc"))
    for name in ("samples", "web", "templates", "static"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    (tmp_path / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location", "-v", "0"],
        cwd=tmp_path,
        check=True,
        env={"DJANGO_DEBUG": "true", "PATH": "/usr/bin:/bin"},
    )
    with (tmp_path / "locale/fr/LC_MESSAGES/django.po").open("rb") as source:
        in_code = {message.id for message in read_po(source) if message.id}
    for language in LANGUAGES:
        in_catalogue = {message.id for message in catalogue(language) if message.id}
        assert sorted(in_code - in_catalogue, key=str) == [], f"missing from {language}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "words"),
    [("fr", ["Activités", "Filtrer les activités"]), ("es", ["Actividades"])],
)
def test_a_browser_in_french_or_spanish_reads_its_language(client, language, words):
    page = client.get("/activities/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<html lang="{language}">' in page
    for word in words:
        assert word in page


@pytest.mark.django_db
def test_the_switcher_changes_the_language_and_remembers_it(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/activities/"})
    assert response.status_code == 302 and response["Location"] == "/activities/"
    page = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<html lang="es">' in page, "the choice wins over the browser's language"
    assert 'id="language-choice"' in page


@pytest.mark.django_db
def test_cached_fragments_are_kept_apart_per_language(client, settings):
    settings.GCU_PAGE_CACHE = True
    ActivityFactory(title="Meeting")
    french = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    english = client.get("/activities/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Filtrer les activités" in french
    assert "Filtrer" not in english and "Filter activities" in english


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_dates_are_typed_day_first_in_every_language(client, language):
    client.force_login(make_user(roles.MANAGERS, username="head"))
    client.cookies["django_language"] = language
    add = reverse("admin:activities_activity_add")
    saved = client.post(add, activity_form_data(start_date="01/03/2012", end_date=""))
    assert saved.status_code == 302
    assert Activity.objects.get().start_date == datetime.date(2012, 3, 1)
    month_first = client.post(
        add, activity_form_data(title="Other", start_date="03/31/2012", end_date="")
    )
    assert month_first.status_code == 200
    assert "start_date" in month_first.context["adminform"].form.errors


@pytest.mark.django_db
def test_the_admin_shows_dates_as_the_organisation_writes_them(client):
    client.force_login(make_user(roles.MANAGERS, username="head"))
    activity = ActivityFactory(start_date=datetime.date(2011, 5, 17))
    change = reverse("admin:activities_activity_change", args=[activity.pk])
    page = client.get(change, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert 'value="17/05/2011"' in page
    assert 'placeholder="jj/mm/aaaa"' in page


@pytest.mark.django_db
def test_the_api_explains_itself_in_the_readers_language(client):
    response = client.get("/api/activities/?year=abc", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert "nombre" in str(response.json()).lower()


@pytest.mark.django_db
def test_a_report_started_by_a_french_reader_is_still_written_in_english():
    """The builder's own sentences start in the report's language, not the admin's."""
    from django.utils import translation

    from reports.models import AnnualReport

    with translation.override("fr"):
        report = AnnualReport.objects.create(
            year=2031,
            title="Gender Coordination Report 2031",
            symbol="CRP/56",
            period_start=datetime.date(2030, 10, 1),
            period_end=datetime.date(2031, 9, 30),
        )
    report.refresh_from_db()
    assert report.others_title == "Others"
    assert report.others_sentence.startswith("The Unit also carried out")
