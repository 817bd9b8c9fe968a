"""The local sign-in and password-reset forms, kept for break-glass accounts."""

from allauth.account.forms import LoginForm, ResetPasswordForm
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.policy import local_sign_in_allowed


class SignInForm(LoginForm):
    """django-allauth's form, its field posted as `username` as the site's always was."""

    def add_prefix(self, field_name):
        return super().add_prefix("username" if field_name == "login" else field_name)

    def clean(self):
        cleaned = super().clean()
        if self.user is not None and not local_sign_in_allowed(self.user):
            self.user = None
            raise forms.ValidationError(
                _(
                    "This account signs in through your organisation: use the button above. "
                    "The password form is kept for emergency accounts."
                ),
                code="local_sign_in_off",
            )
        return cleaned


class PasswordResetForm(ResetPasswordForm):
    """Only accounts that may sign in with a password are sent a link to set one."""

    def clean_email(self):
        email = super().clean_email()
        self.users = [
            user
            for user in self.users
            if user.has_usable_password() and local_sign_in_allowed(user)
        ]
        return email
