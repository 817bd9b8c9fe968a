"""Local accounts reset a forgotten password by email; the password rules are Django's."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

from activities import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db

RESET = "/accounts/password/reset/"


def reset_link():
    links = re.findall(
        r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body
    )
    return links[0] if links else None


def test_a_local_account_sets_a_new_password_from_the_emailed_link(client):
    make_user(roles.DATA_ENTRY, username="clerk", email="clerk@agency.example")
    response = client.post(RESET, {"email": "clerk@agency.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["clerk@agency.example"]
    form = client.get(reset_link(), follow=True)
    assert form.status_code == 200
    set_password = form.redirect_chain[-1][0] if form.redirect_chain else reset_link()

    # Django's validators apply: a common password is refused next to the field.
    weak = client.post(set_password, {"password1": "password123", "password2": "password123"})
    assert weak.status_code == 200
    assert "This password is too common." in weak.content.decode()

    strong = "lantern-orchard-basalt-71"
    response = client.post(set_password, {"password1": strong, "password2": strong})
    assert response.status_code == 302
    user = get_user_model().objects.get(username="clerk")
    assert user.check_password(strong)
    # The link works once.
    assert "Bad Token" in client.get(reset_link(), follow=True).content.decode()


def test_an_account_that_signs_in_through_the_provider_gets_no_link(client):
    get_user_model().objects.create_user("amina", email="amina@agency.example", password=None)
    client.post(RESET, {"email": "amina@agency.example"})
    assert not any("/password/reset/key/" in message.body for message in mail.outbox)
    user = get_user_model().objects.get(username="amina")
    assert not user.has_usable_password()


@override_settings(GCU_LOCAL_SIGN_IN="superusers")
def test_with_the_local_form_for_superusers_only_others_get_no_link(client):
    make_user(roles.DATA_ENTRY, username="clerk", email="clerk@agency.example")
    client.post(RESET, {"email": "clerk@agency.example"})
    assert not any("/password/reset/key/" in message.body for message in mail.outbox)


def test_an_unknown_or_malformed_address_is_answered_without_a_server_error(client):
    assert client.post(RESET, {"email": "nobody@agency.example"}).status_code == 302
    response = client.post(RESET, {"email": "not an address"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
