"""Create the unit's three roles as groups, with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DATA_ENTRY = "Data entry"
VIEWERS = "Viewers"
MANAGERS = "Managers"

APPS = ["activities", "partners", "reports"]

# Data entry staff record activities and the records they hang on; they cannot
# approve, publish or delete.
DATA_ENTRY_CODENAMES = {
    "activities": [
        "add_activity", "change_activity", "view_activity",
        "add_activitypartner", "change_activitypartner", "delete_activitypartner",
        "view_activitypartner",
        "add_output", "change_output", "delete_output", "view_output",
        "add_event", "change_event", "view_event",
        "add_initiative", "change_initiative", "view_initiative",
        "view_thematicarea", "view_activitytype",
        "view_historicalactivity", "view_historicalevent",
    ],
    "partners": ["add_partner", "change_partner", "view_partner", "view_historicalpartner"],
    "reports": ["view_reportsection"],
}


def ensure_permissions(apps):
    for app_label in APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label__in=APPS)

    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    managers.permissions.add(*ours)

    viewers, _ = Group.objects.get_or_create(name=VIEWERS)
    viewers.permissions.add(*ours.filter(codename__startswith="view_"))

    data_entry, _ = Group.objects.get_or_create(name=DATA_ENTRY)
    for app_label, codenames in DATA_ENTRY_CODENAMES.items():
        data_entry.permissions.add(
            *ours.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[DATA_ENTRY, VIEWERS, MANAGERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("partners", "0001_initial"),
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
