"""Managers and superusers signing in locally set up a second factor before any manager action."""

import datetime

import pytest
import time_machine
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from accounts.policy import second_factor_missing
from tests.accounts import totp
from tests.factories import ActivityFactory
from tests.ops.test_faults import database_away

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"
ACTIVATE = "/accounts/2fa/totp/activate/"


def sign_in(client, username, next_url="/admin/"):
    return client.post(
        "/accounts/login/", {"username": username, "password": PASSWORD, "next": next_url}
    )


def set_up_totp(client):
    """What a person does: type the password again, scan the secret, type the app's code."""
    page = client.get(ACTIVATE)
    assert page["Location"] == f"/accounts/reauthenticate/?next={ACTIVATE.replace('/', '%2F')}"
    client.post(page["Location"], {"password": PASSWORD})
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    assert secret in page.content.decode()
    response = client.post(ACTIVATE, {"code": totp.code(secret)})
    assert response.status_code == 302
    return secret


@pytest.fixture
def submitted():
    return ActivityFactory(review_state="submitted", title="Waiting for a manager")


def test_a_manager_signed_in_locally_cannot_approve_until_a_second_factor_is_set_up(
    client, manager, submitted
):
    response = sign_in(client, "manager")
    assert response["Location"] == "/admin/"
    # Every admin page leads to the set-up page, with the reason.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE)
    page = client.get(response["Location"], follow=True).content.decode()
    assert "Set up a second factor" in page
    # Approving, in the admin or through the API, is refused; the record stays submitted.
    client.post(
        "/admin/activities/activity/", {"action": "approve", "_selected_action": [submitted.pk]}
    )
    api = client.post(f"/api/activities/{submitted.slug}/approve/", content_type="application/json")
    assert api.status_code == 403
    assert "second factor" in api.json()["detail"]
    submitted.refresh_from_db()
    assert submitted.review_state == "submitted"

    set_up_totp(client)
    assert Authenticator.objects.filter(user=manager, type="totp").exists()
    assert client.get("/admin/").status_code == 200
    api = client.post(f"/api/activities/{submitted.slug}/approve/", content_type="application/json")
    assert api.status_code == 200
    submitted.refresh_from_db()
    assert submitted.review_state == "approved"


def test_a_superuser_signed_in_locally_is_asked_too(client):
    get_user_model().objects.create_superuser("admin", "", PASSWORD)
    sign_in(client, "admin")
    assert client.get("/admin/")["Location"].startswith(ACTIVATE)


def test_data_entry_staff_are_offered_a_second_factor_but_not_made_to(client, data_entry):
    sign_in(client, "clerk")
    assert client.get("/admin/").status_code == 200
    assert client.get("/accounts/2fa/").status_code == 200
    set_up_totp(client)
    assert Authenticator.objects.filter(user=data_entry, type="totp").exists()


def test_with_a_second_factor_the_password_alone_does_not_sign_in(client, manager):
    sign_in(client, "manager")
    secret = set_up_totp(client)
    client.post("/accounts/logout/")

    later = timezone.now() + datetime.timedelta(minutes=2)
    with time_machine.travel(later, tick=False):
        response = sign_in(client, "manager")
        assert response["Location"] == "/accounts/2fa/authenticate/"
        assert "_auth_user_id" not in client.session
        wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
        assert wrong.status_code == 200
        assert "_auth_user_id" not in client.session
        response = client.post(
            "/accounts/2fa/authenticate/", {"code": totp.code(secret, later.timestamp())}
        )
        assert response["Location"] == "/admin/"
        assert client.session["_auth_user_id"] == str(manager.pk)
        assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_when_the_phone_is_lost(client, manager):
    sign_in(client, "manager")
    set_up_totp(client)
    codes = client.get("/accounts/2fa/recovery-codes/").context["unused_codes"]
    client.post("/accounts/logout/")
    sign_in(client, "manager")
    response = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(manager.pk)


def test_tests_and_sessions_without_a_sign_in_record_are_not_asked(client, manager):
    """force_login opens no sign-in flow; every real session has its record (policy.py)."""
    client.force_login(manager)
    assert client.get("/admin/").status_code == 200


def test_a_manager_signed_in_through_the_provider_is_not_asked(rf, manager):
    """The provider holds their second factor; sessions record how they were opened."""
    request = rf.get("/admin/")
    request.user = manager
    request.session = SessionStore()
    request.session["account_authentication_methods_user"] = str(manager.pk)
    request.session["account_authentication_methods"] = [
        {"method": "socialaccount", "provider": "agency", "uid": "1", "at": 0}
    ]
    assert not second_factor_missing(request)
    request.session["account_authentication_methods"] = [{"method": "password", "at": 0}]
    assert second_factor_missing(request)


def test_while_the_database_is_away_a_manager_action_answers_503(client, manager):
    sign_in(client, "manager")
    client.raise_request_exception = False
    with database_away():
        admin = client.get("/admin/")
        api = client.post("/api/activities/", {}, content_type="application/json")
    assert (admin.status_code, api.status_code) == (503, 503)
    assert admin["Retry-After"] == "30"
