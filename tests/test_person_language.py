"""Each person's language, stored on their account: chosen with the switcher, kept across
devices, and the language of their emails whoever acted."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from activities import roles, workflow
from activities.models import NotificationSetting
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db


def speaks(user, language):
    NotificationSetting.objects.update_or_create(user=user, defaults={"language": language})


def test_the_switcher_stores_the_choice_on_the_account(client):
    clerk = make_user(roles.DATA_ENTRY, username="clerk", email="clerk@example.org")
    client.force_login(clerk)
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/activities/"})
    assert response.status_code == 302
    assert NotificationSetting.objects.get(user=clerk).language == "fr"
    # A language the site does not offer changes nothing, and is no error.
    for bad in ["xx", "x" * 10_000, "fr\x00", ""]:
        response = client.post(reverse("set_language"), {"language": bad, "next": "/"})
        assert response.status_code in (302, 400)  # 400: a NUL is refused with the reason
    assert NotificationSetting.objects.get(user=clerk).language == "fr"


def test_an_anonymous_choice_stays_in_the_cookie(client):
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert NotificationSetting.objects.count() == 0
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"


def test_signing_in_on_another_device_opens_the_site_in_the_stored_language(client):
    clerk = make_user(roles.DATA_ENTRY, username="clerk", email="clerk@example.org")
    speaks(clerk, "es")
    response = client.post(
        reverse("login"), {"username": "clerk", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get("/activities/").content.decode()
    assert '<html lang="es">' in page


def test_an_english_clerk_reads_english_when_a_spanish_manager_approves(
    django_capture_on_commit_callbacks,
):
    clerk = make_user(roles.DATA_ENTRY, username="clerk", email="clerk@example.org")
    manager = make_user(roles.MANAGERS, username="jefa", email="jefa@example.org")
    speaks(manager, "es")
    activity = ActivityFactory(review_state="submitted", created_by=clerk, title="Workshop")
    with translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        workflow.approve(activity=activity, user=manager)
    [email] = mail.outbox
    assert email.to == ["clerk@example.org"]
    assert email.subject == "Approved: Workshop"
    assert "approved your work" in email.body and "Aprobad" not in email.body


def test_an_email_to_several_people_is_written_once_per_language(
    django_capture_on_commit_callbacks,
):
    clerk = make_user(roles.DATA_ENTRY, username="clerk", email="clerk@example.org")
    for name, language in [("anne", "fr"), ("bea", "es"), ("carmen", "es"), ("dan", "")]:
        speaks(make_user(roles.MANAGERS, username=name, email=f"{name}@example.org"), language)
    activity = ActivityFactory(review_state="draft", created_by=clerk, title="Atelier")
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        workflow.submit(activity=activity, user=clerk)
    letters = {tuple(email.to): email.subject for email in mail.outbox}
    assert letters == {
        ("dan@example.org",): "Record to review: Atelier",
        ("bea@example.org", "carmen@example.org"): "Registro pendiente de examen: Atelier",
        ("anne@example.org",): "Fiche à examiner\u00a0: Atelier",
    }
