"""How django-allauth signs people in here: no self sign-up, accounts made by the provider."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.policy import email_domain_allowed


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": _(
            "Please enter a correct username and password. Note that both fields may be "
            "case-sensitive."
        ),
    }

    def is_open_for_signup(self, request):
        """Nobody makes their own local account: they come from the provider or a superuser."""
        return False

    def post_login(self, request, user, **kwargs):
        """The site opens in the language stored on the account, on any device."""
        response = super().post_login(request, user, **kwargs)
        setting = getattr(user, "notification_setting", None)
        if response is not None and setting is not None and setting.language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                setting.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            )
        return response


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        """The providers configured in the environment only; none is kept in the database.

        So the sign-in page reads nothing from the database to draw its buttons.
        """
        settings_apps = _build_apps_from_settings(provider=provider, client_id=client_id)
        return [app for apps in settings_apps.values() for app in apps]

    def is_open_for_signup(self, request, sociallogin):
        return email_domain_allowed(sociallogin.user.email)

    def pre_social_login(self, request, sociallogin):
        """Refuse anyone whose address is outside the allowed domains, new or returning."""
        email = sociallogin.user.email or (
            sociallogin.email_addresses[0].email if sociallogin.email_addresses else ""
        )
        if not email_domain_allowed(email):
            raise ImmediateHttpResponse(
                render(
                    request,
                    "accounts/domain_refused.html",
                    {"domain": email.rsplit("@", 1)[-1] if "@" in email else ""},
                    status=403,
                )
            )

    def save_user(self, request, sociallogin, form=None):
        """A first sign-in: an account with no role and no staff access, logged."""
        user = super().save_user(request, sociallogin, form)
        if user.is_staff or user.is_superuser:
            user.is_staff = user.is_superuser = False
            user.save(update_fields=["is_staff", "is_superuser"])
        services.record_account_created(
            account=user, how=f"single sign-on ({sociallogin.account.provider})"
        )
        return user
