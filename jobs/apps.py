from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Work done in the background for one person: a stored upload or a result file, the
    progress of the work, and its outcome; files removed after a day."""

    name = "jobs"
    verbose_name = _("Background work")
