"""The unit's roles, kept as Django groups created by a migration.

Data entry staff record activities and submit them; viewers read internal records;
managers approve, publish, see confidential records and issue reports.
"""

from django.utils.translation import gettext_lazy as _

DATA_ENTRY = "Data entry"
VIEWERS = "Viewers"
MANAGERS = "Managers"

ROLE_LABELS = {
    DATA_ENTRY: _("Data entry"),
    VIEWERS: _("Viewers"),
    MANAGERS: _("Managers"),
}


# What each role may do, by app. Managers hold every permission of these apps and viewers
# every view permission; data entry staff record and submit, but cannot approve, publish
# or delete activities.
ROLE_APPS = ["activities", "partners", "iati", "network", "commitments", "unswap", "reports"]
DATA_ENTRY_CODENAMES = {
    "activities": [
        "add_activity",
        "change_activity",
        "view_activity",
        "add_activitypartner",
        "change_activitypartner",
        "delete_activitypartner",
        "view_activitypartner",
        "add_output",
        "change_output",
        "delete_output",
        "view_output",
        "add_event",
        "change_event",
        "view_event",
        "add_initiative",
        "change_initiative",
        "view_initiative",
        "view_thematicarea",
        "view_activitytype",
        "view_historicalactivity",
        "view_historicalevent",
        "view_reportsection",
    ],
    "partners": [
        "add_partner",
        "change_partner",
        "view_partner",
        "view_historicalpartner",
        "view_partneralias",
    ],
    "network": [
        "add_focalpoint",
        "change_focalpoint",
        "view_focalpoint",
        "view_historicalfocalpoint",
        "add_training",
        "change_training",
        "delete_training",
        "view_training",
    ],
    "commitments": [
        "add_commitment",
        "change_commitment",
        "view_commitment",
        "view_historicalcommitment",
        "add_progressupdate",
        "change_progressupdate",
        "view_progressupdate",
        "view_source",
    ],
    "unswap": [
        "view_indicator",
        "add_activitytag",
        "delete_activitytag",
        "view_activitytag",
        "add_commitmenttag",
        "delete_commitmenttag",
        "view_commitmenttag",
    ],
    "reports": [],
}


def sync_role_groups(*, create=True):
    """Give the three groups their permissions (idempotent); create missing ones if `create`.

    After `migrate` the groups are only brought up to date, never made: a database just
    emptied (by a restore, or between tests) gets its groups from what is loaded next,
    under that data's own keys.
    """
    from django.contrib.auth.models import Group, Permission

    def group(name):
        if create:
            return Group.objects.get_or_create(name=name)[0]
        return Group.objects.filter(name=name).first()

    ours = Permission.objects.filter(content_type__app_label__in=ROLE_APPS)
    if managers := group(MANAGERS):
        managers.permissions.add(*ours)
    if viewers := group(VIEWERS):
        viewers.permissions.add(*ours.filter(codename__startswith="view_"))
    if data_entry := group(DATA_ENTRY):
        for app_label, codenames in DATA_ENTRY_CODENAMES.items():
            data_entry.permissions.add(
                *ours.filter(content_type__app_label=app_label, codename__in=codenames)
            )


def role_names(user):
    """The role groups of `user`, read once per request and kept on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_gcu_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.filter(name__in=ROLE_LABELS).values_list("name", flat=True))
        user._gcu_role_names = cached
    return cached


def is_manager(user):
    """Managers (and superusers) see everything, confidential records included."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or MANAGERS in role_names(user)


def is_member(user):
    """Signed-in staff in any role also see internal records."""
    return is_manager(user) or bool(role_names(user))


def is_data_entry(user):
    """Data entry staff also see unapproved records that are not confidential, and their own."""
    return DATA_ENTRY in role_names(user)


PUBLIC_SCOPE, MEMBER_SCOPE, MANAGER_SCOPE = "public", "member", "manager"


def scope(user):
    """Which view of the records `user` has; cached data is kept per scope.

    Data entry staff see the records they created, so each of them is a scope of their own.
    """
    if is_manager(user):
        return MANAGER_SCOPE
    if is_data_entry(user):
        return f"entry-{user.pk}"
    if is_member(user):
        return MEMBER_SCOPE
    return PUBLIC_SCOPE
