"""Managers compose, issue and reopen annual reports; viewers may read them in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGERS = "Managers"
VIEWERS = "Viewers"
MODELS = ["annualreport", "historicalannualreport"]


def report_permissions(apps):
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="reports", content_type__model__in=MODELS
    )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = report_permissions(apps)
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    managers.permissions.add(*permissions)
    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    viewers.permissions.add(*permissions.filter(codename__startswith="view_"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="reports", content_type__model__in=MODELS
    )
    for group in Group.objects.filter(name__in=[MANAGERS, VIEWERS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_annualreport"),
        ("activities", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
