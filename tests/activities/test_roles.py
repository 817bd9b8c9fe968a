"""The three roles and what each may do."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from activities import roles
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_the_migration_creates_the_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.DATA_ENTRY,
        roles.VIEWERS,
        roles.MANAGERS,
    }


def test_migrate_gives_the_roles_the_permissions_they_lack():
    """A permission of a model added later reaches the roles at the next migrate."""
    from django.core.management.sql import emit_post_migrate_signal

    # In a rolled-back test: a transactional one would end in a flush whose post_migrate
    # makes rows under keys the next test's serialized data does not expect.
    managers = Group.objects.get(name=roles.MANAGERS)
    managers.permissions.remove(*managers.permissions.filter(codename="change_reportheading"))
    viewers = Group.objects.get(name=roles.VIEWERS)
    viewers.permissions.remove(*viewers.permissions.filter(codename="view_reportissue"))
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert managers.permissions.filter(codename="change_reportheading").exists()
    assert viewers.permissions.filter(codename="view_reportissue").exists()


def test_migrate_never_makes_groups_that_data_will_bring():
    """After a flush (a restore, a test) the groups come from the data loaded next."""
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert not Group.objects.exists()


@pytest.mark.parametrize(
    ("role", "allowed", "refused"),
    [
        (
            roles.DATA_ENTRY,
            ["activities.add_activity", "activities.change_activity", "partners.add_partner"],
            [
                "activities.approve_activity",
                "activities.publish_activity",
                "activities.delete_activity",
            ],
        ),
        (roles.VIEWERS, ["activities.view_activity"], ["activities.change_activity"]),
        (
            roles.MANAGERS,
            [
                "activities.approve_activity",
                "activities.publish_activity",
                "activities.delete_activity",
                "reports.change_annualreport",
            ],
            [],
        ),
    ],
)
def test_each_role_holds_its_permissions(role, allowed, refused):
    user = make_user(role, username=f"perm-{role}")
    for permission in allowed:
        assert user.has_perm(permission), permission
    for permission in refused:
        assert not user.has_perm(permission), permission


def test_sync_roles_gives_back_lost_groups_and_is_idempotent():
    Group.objects.filter(name=roles.MANAGERS).delete()
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("sync_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    managers = Group.objects.get(name=roles.MANAGERS)
    assert managers.permissions.filter(codename="approve_activity").exists()
