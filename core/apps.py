from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app may use: dates as the organisation writes them, the data-version cache,
    small model and admin helpers. It imports nothing of the other apps."""

    name = "core"
    verbose_name = "Core"
