"""Staff sign in on the site itself, not only through the admin."""

import pytest
from django.urls import reverse

from activities import roles
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db


def test_a_viewer_without_admin_access_signs_in_and_sees_internal_records(client):
    make_user(roles.VIEWERS, username="reader", is_staff=False)
    ActivityFactory(title="Internal briefing note", visibility="internal")
    response = client.post(
        reverse("login"),
        {"username": "reader", "password": "correct horse battery", "next": "/activities/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/activities/"
    assert "Internal briefing note" in response.content.decode()


def test_a_wrong_password_is_refused_with_a_message(client):
    make_user(roles.VIEWERS, username="reader", is_staff=False)
    response = client.post(reverse("login"), {"username": "reader", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_signing_out_returns_to_public_records(client, viewer):
    client.force_login(viewer)
    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("activities:dashboard")
    assert not response.context["user"].is_authenticated
