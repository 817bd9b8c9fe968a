"""`make run`'s superuser signs in with the printed password and sets up its second factor."""

import io
import re

import pytest
from django.core.management import call_command

from tests.accounts import totp

pytestmark = pytest.mark.django_db


def test_the_printed_password_signs_in_and_the_setup_page_shows_the_secret(client, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("create_dev_admin", stdout=out)
    password = re.search(r"with password (\S+) ", out.getvalue()).group(1)
    assert "authenticator app" in out.getvalue()
    response = client.post(
        "/accounts/login/", {"username": "admin", "password": password, "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    reauthenticate = client.get("/admin/", follow=True)
    assert reauthenticate.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    client.post(reauthenticate.redirect_chain[-1][0], {"password": password})
    secret = (
        client.session.get("mfa.totp.secret")
        or client.get("/accounts/2fa/totp/activate/").context["form"].secret
    )
    client.post("/accounts/2fa/totp/activate/", {"code": totp.code(secret)})
    assert client.get("/admin/").status_code == 200


def test_without_the_requirement_the_dev_admin_goes_straight_in(client, settings):
    settings.DEBUG = True
    settings.GCU_REQUIRE_SECOND_FACTOR = False
    out = io.StringIO()
    call_command("create_dev_admin", stdout=out)
    password = re.search(r"with password (\S+) ", out.getvalue()).group(1)
    client.post("/accounts/login/", {"username": "admin", "password": password})
    assert client.get("/admin/").status_code == 200
