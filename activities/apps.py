from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from django.apps import apps

        from activities import history
        from core import caching

        # Lists, counts, charts and filter choices show the records of these two apps:
        # a write to any of their models makes what is cached against the data stale.
        caching.invalidate_on_writes(
            [
                *apps.get_app_config("activities").get_models(),
                *apps.get_app_config("partners").get_models(),
            ]
        )
        history.connect_signals()
