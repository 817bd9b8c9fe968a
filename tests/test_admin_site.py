"""The admin's first page: the unit's records first; tokens and sign-in records for superusers."""

import pytest
from django.contrib.auth import get_user_model

from activities import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def sections(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return [app["app_label"] for app in response.context["app_list"]]


def test_a_superuser_sees_the_records_first_and_the_technical_sections_last(client):
    client.force_login(
        get_user_model().objects.create_superuser("root", password="a-long-password-1")
    )
    listed = sections(client)
    assert listed[:3] == ["activities", "partners", "reports"]
    assert set(listed[-2:]) == {"authtoken", "axes"}


@pytest.mark.parametrize("role", [roles.MANAGERS, roles.DATA_ENTRY])
def test_staff_never_see_tokens_or_sign_in_records(client, role):
    client.force_login(make_user(role, username="staff"))
    listed = sections(client)
    assert listed[0] == "activities"
    assert "authtoken" not in listed and "axes" not in listed
    assert client.get("/admin/authtoken/tokenproxy/").status_code in (302, 403, 404)
    assert client.get("/admin/axes/accessattempt/").status_code in (302, 403, 404)
