from django.apps import AppConfig
from django.db.models.signals import post_migrate
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
        # The dashboard's kept figures are derived from the records, not records themselves.
        derived = {"yearfigures", "figuresgeneration"}
        caching.invalidate_on_writes(
            [
                *(
                    model
                    for model in apps.get_app_config("activities").get_models()
                    if model._meta.model_name not in derived
                ),
                *apps.get_app_config("partners").get_models(),
            ]
        )
        history.connect_signals()
        post_migrate.connect(grant_role_permissions, dispatch_uid="gcu-role-permissions")


def grant_role_permissions(sender, app_config, using="default", **kwargs):
    """After `migrate`, the roles hold the permissions of every model of ours, new ones too.

    Django makes a new model's permissions only once migrations have run; a migration
    cannot grant them. So when the last of the roles' apps has its permissions, the
    groups that exist (a migration makes them) are brought up to date
    (activities/roles.py, what each role may do).
    """
    from django.apps import apps

    from activities import roles

    ours = [config.label for config in apps.get_app_configs() if config.label in roles.ROLE_APPS]
    if app_config.label == ours[-1] and using == "default":
        roles.sync_role_groups(create=False)
