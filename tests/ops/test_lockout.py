"""Repeated failed sign-ins lock that username on that address, until the cool-off ends."""

import datetime

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db

SITE = "/accounts/login/"
# The admin's sign-in is the site's, reached from /admin/login/ (test_admin_signs_in_...).
ADMIN = "/accounts/login/?next=/admin/"
RIGHT = "correct horse battery"


def sign_in(client, path, username, password, **extra):
    return client.post(path, {"username": username, "password": password}, **extra)


def fail_until_locked(client, path, username, **extra):
    """The failures up to the limit: each refused with the form, the last one with the lockout."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, path, username, "wrong", **extra).status_code == 200
    return sign_in(client, path, username, "wrong", **extra)


def after_cool_off():
    return time_machine.travel(
        timezone.now() + settings.AXES_COOLOFF_TIME + datetime.timedelta(seconds=1), tick=False
    )


@pytest.mark.parametrize("path", [SITE, ADMIN])
def test_sign_in_locks_after_the_failure_limit_and_opens_after_the_cool_off(
    client, data_entry, path
):
    locked = fail_until_locked(client, path, "clerk")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page
    assert f"after {settings.AXES_FAILURE_LIMIT} failed attempts" in page
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"Try again in {minutes} minutes" in page
    assert locked["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))

    # While locked, even the right password is refused, on the site and in the admin alike.
    assert sign_in(client, SITE, "clerk", RIGHT).status_code == 429
    assert sign_in(client, ADMIN, "clerk", RIGHT).status_code == 429
    assert "_auth_user_id" not in client.session

    with after_cool_off():
        response = sign_in(client, path, "clerk", RIGHT)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(data_entry.pk)


def test_the_lockout_is_for_that_username_on_that_address_only(client, data_entry, viewer):
    assert fail_until_locked(client, SITE, "clerk").status_code == 429
    # The same person from another address, and another person from this one, still sign in.
    assert sign_in(client, SITE, "clerk", RIGHT, REMOTE_ADDR="192.0.2.20").status_code == 302
    client.logout()
    assert sign_in(client, SITE, "viewer", RIGHT).status_code == 302


def test_a_cool_off_that_has_not_passed_keeps_the_lock(client, data_entry):
    assert fail_until_locked(client, SITE, "clerk").status_code == 429
    almost = timezone.now() + settings.AXES_COOLOFF_TIME - datetime.timedelta(seconds=30)
    with time_machine.travel(almost, tick=False):
        assert sign_in(client, SITE, "clerk", RIGHT).status_code == 429


def test_a_success_before_the_limit_starts_the_count_again(client, data_entry):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, SITE, "clerk", "wrong")
    assert sign_in(client, SITE, "clerk", RIGHT).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, SITE, "clerk", "wrong").status_code == 200
    assert sign_in(client, SITE, "clerk", RIGHT).status_code == 302


@override_settings(GCU_BEHIND_PROXY=True)
def test_behind_the_proxy_the_client_address_is_the_one_the_proxy_saw(client, data_entry):
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    mallory = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    assert fail_until_locked(client, SITE, "clerk", **mallory).status_code == 429
    # Claiming another address in front of the proxy's entry changes nothing.
    forged = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.5"}
    assert sign_in(client, SITE, "clerk", RIGHT, **forged).status_code == 429
    # Other people behind the same proxy are not locked out with the attacker.
    colleague = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    assert sign_in(client, SITE, "clerk", RIGHT, **colleague).status_code == 302


@override_settings(GCU_ADDRESS_FAILURE_LIMIT=12)
def test_one_address_trying_many_usernames_is_locked_out(client, data_entry, viewer):
    # Under the limit for each username, never over it: 4 tries on each of 3 names.
    for name in ("alice", "bob", "carol"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, SITE, name, "wrong")
    locked = sign_in(client, SITE, "clerk", RIGHT)
    assert locked.status_code == 429
    assert "whatever the account" in locked.content.decode()
    assert sign_in(client, ADMIN, "viewer", RIGHT).status_code == 429
    # Other addresses are not locked with it, and the lock ends after the cool-off.
    assert sign_in(client, SITE, "clerk", RIGHT, REMOTE_ADDR="192.0.2.20").status_code == 302
    client.logout()
    with after_cool_off():
        assert sign_in(client, SITE, "viewer", RIGHT).status_code == 302


@override_settings(GCU_ADDRESS_FAILURE_LIMIT=12)
def test_signing_in_to_ones_own_account_does_not_clear_the_address_count(
    client, data_entry, viewer
):
    for round_ in range(3):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, SITE, f"victim{round_}", "wrong")
        # The attacker's own account, between rounds, to wipe the slate.
        sign_in(client, SITE, "clerk", RIGHT)
        client.logout()
    assert sign_in(client, SITE, "clerk", RIGHT).status_code == 429


def test_admin_signs_in_through_the_sites_sign_in_and_its_lockout(client, data_entry):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"
    # A form posted to the admin's old address signs nobody in.
    client.post("/admin/login/", {"username": "clerk", "password": RIGHT})
    assert "_auth_user_id" not in client.session
