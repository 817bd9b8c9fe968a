"""Registry names in English, French and Spanish (activity types so far): entered side by
side in the admin, shown in the reader's language with English as the fallback, matched in
any language by the import."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from activities import roles
from activities.matching import Matcher
from activities.models import ActivityType
from tests.factories import ActivityFactory, make_user

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
