"""Signing in through the agency's OpenID Connect provider, a real one in another process."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.socialaccount.models import SocialToken
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

from accounts.models import AccountEvent
from activities import roles
from tests.factories import make_user
from tests.oidc_provider.fixture import PROVIDER_ID

pytestmark = pytest.mark.django_db

LOGIN = f"/accounts/oidc/{PROVIDER_ID}/login/"


@pytest.fixture
def sso(oidc_provider, settings):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_provider.settings()
    settings.GCU_SSO_ALLOWED_DOMAINS = ["agency.example"]
    return oidc_provider


def start(client, next_url="/activities/"):
    """The site's button: a POST that sends the browser to the provider."""
    response = client.post(LOGIN, {"next": next_url})
    assert response.status_code == 302
    authorize = response["Location"]
    assert authorize.startswith(f"{client.sso.issuer}/authorize/")
    return authorize


def sign_in(client, sso, username, next_url="/activities/"):
    client.sso = sso
    back = sso.sign_in(start(client, next_url), username)
    assert back is not None and back.startswith("http://testserver/")
    return client.get(back.removeprefix("http://testserver"))


def signed_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def test_the_sign_in_page_offers_the_provider(client, sso):
    page = client.get("/accounts/login/").content.decode()
    assert "Sign in with Agency" in page
    assert f'action="{LOGIN}' in page


def test_a_first_sign_in_makes_an_account_with_no_role_and_no_staff_access(client, sso):
    response = sign_in(client, sso, "amina")
    assert response.status_code == 302
    assert response["Location"] == "/activities/"
    user = signed_in_user(client)
    assert user.email == "amina.diallo@agency.example"
    assert (user.first_name, user.last_name) == ("Amina", "Diallo")
    assert not user.is_staff and not user.is_superuser
    assert not user.groups.exists()
    assert not user.has_usable_password()
    assert user.socialaccount_set.get().provider == PROVIDER_ID
    event = AccountEvent.objects.get(account=user)
    assert event.action == AccountEvent.Action.CREATED
    assert event.detail == f"single sign-on ({PROVIDER_ID})"
    # Without a role, the admin is closed and records are those anyone may read.
    assert client.get("/admin/").status_code in (302, 403)


def test_a_second_sign_in_finds_the_same_account(client, sso):
    sign_in(client, sso, "bruno")
    first = signed_in_user(client)
    client.post("/accounts/logout/")
    assert signed_in_user(client) is None
    sign_in(client, sso, "bruno")
    assert signed_in_user(client) == first
    assert get_user_model().objects.filter(email="bruno.silva@agency.example").count() == 1
    assert AccountEvent.objects.filter(account=first).count() == 1


def test_an_address_outside_the_allowed_domains_gets_no_account(client, sso):
    response = sign_in(client, sso, "outsider")
    assert response.status_code == 403
    assert "elsewhere.example cannot sign in here" in response.content.decode()
    assert signed_in_user(client) is None
    assert not get_user_model().objects.filter(email="someone@elsewhere.example").exists()


def test_an_account_disabled_at_the_provider_cannot_sign_in(client, sso):
    client.sso = sso
    assert sso.sign_in(start(client), "gone") is None
    assert not get_user_model().objects.filter(email="gone@agency.example").exists()


def test_a_wrong_state_is_refused(client, sso):
    client.sso = sso
    back = sso.sign_in(start(client), "amina")
    parts = urlsplit(back)
    query = parse_qs(parts.query)
    forged = f"{parts.path}?code={query['code'][0]}&state=forged-{query['state'][0]}"
    response = client.get(forged)
    assert response.status_code == 401
    assert "Third-Party Login Failure" in response.content.decode()
    assert signed_in_user(client) is None
    assert not get_user_model().objects.filter(email="amina.diallo@agency.example").exists()


def test_a_callback_from_another_browser_is_refused(client, sso):
    """The state belongs to the session that started the sign-in."""
    client.sso = sso
    back = sso.sign_in(start(client), "amina")
    client.cookies.clear()
    response = client.get(back.removeprefix("http://testserver"))
    assert response.status_code == 401
    assert "Third-Party Login Failure" in response.content.decode()
    assert signed_in_user(client) is None


def test_signing_out_ends_the_session(client, sso):
    sign_in(client, sso, "amina")
    assert signed_in_user(client) is not None
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert signed_in_user(client) is None


@override_settings(GCU_LOCAL_SIGN_IN="superusers")
def test_with_the_local_form_kept_for_superusers_others_use_the_provider(client, sso, viewer):
    response = client.post(
        "/accounts/login/", {"username": "viewer", "password": "correct horse battery"}
    )
    assert response.status_code == 200
    assert "signs in through your organisation" in response.content.decode()
    assert signed_in_user(client) is None
    get_user_model().objects.create_superuser("root", "root@agency.example", "a-long-password-1")
    response = client.post(
        "/accounts/login/", {"username": "root", "password": "a-long-password-1"}
    )
    assert response.status_code == 302
    assert signed_in_user(client).username == "root"


def test_an_account_the_provider_no_longer_lets_in_is_listed_for_deactivation(client, sso, manager):
    sign_in(client, sso, "bruno")
    bruno = signed_in_user(client)
    assert SocialToken.objects.get(account__user=bruno).token_secret
    client.post("/accounts/logout/")

    out = io.StringIO()
    call_command("check_sso_accounts", stdout=out)
    assert "1 still allowed, 0 refused" in out.getvalue()

    sso.set_active("bruno", False)
    try:
        out = io.StringIO()
        call_command("check_sso_accounts", stdout=out)
    finally:
        sso.set_active("bruno", True)
    assert "0 still allowed, 1 refused by the provider" in out.getvalue()
    event = AccountEvent.objects.get(account=bruno, action=AccountEvent.Action.REFUSED)
    assert event.detail == f"{PROVIDER_ID}: invalid_grant"

    client.force_login(manager)
    page = client.get("/accounts/staff/")
    assert [row.user for row in page.context["refused"]] == [bruno]
    assert "1 account is refused by the provider." in page.content.decode()
    client.post(f"/accounts/staff/{bruno.pk}/deactivate/")
    bruno.refresh_from_db()
    assert not bruno.is_active
    assert client.get("/accounts/staff/").context["refused"] == []


def test_a_local_account_with_the_same_address_is_the_one_signed_in(client, sso):
    """Accounts made before single sign-on keep their role and history."""
    clerk = make_user(roles.DATA_ENTRY, username="clerk", email="amina.diallo@agency.example")
    sign_in(client, sso, "amina")
    assert signed_in_user(client) == clerk
    assert clerk.socialaccount_set.get().provider == PROVIDER_ID
    assert get_user_model().objects.filter(email="amina.diallo@agency.example").count() == 1
    assert not AccountEvent.objects.filter(action=AccountEvent.Action.CREATED).exists()
