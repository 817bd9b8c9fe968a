"""Django's password validators are on: weak passwords are refused where people set them."""

import pytest
from django.contrib.auth.forms import AdminPasswordChangeForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Xy7!ab", "too short"),
        ("password123", "too common"),
        ("7394028175629", "entirely numeric"),
        ("clerk2011", "too similar"),
    ],
)
def test_weak_passwords_are_refused(data_entry, password, reason):
    with pytest.raises(ValidationError, match=reason):
        validate_password(password, user=data_entry)


def test_the_admin_refuses_a_weak_password_when_setting_one(data_entry):
    form = AdminPasswordChangeForm(data_entry, {"password1": "password", "password2": "password"})
    assert not form.is_valid()
    assert "This password is too common." in form.errors["password2"]


def test_a_strong_password_is_accepted(data_entry):
    validate_password("lantern-orchard-basalt-71", user=data_entry)
