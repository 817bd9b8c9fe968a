from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Running the site: the health check, sign-in lockout, backups and restores."""

    name = "ops"
    verbose_name = _("Operations")
