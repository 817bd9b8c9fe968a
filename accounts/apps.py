from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Who may sign in and how: single sign-on, the second factor, roles and their audit log."""

    name = "accounts"
    verbose_name = _("Accounts")
