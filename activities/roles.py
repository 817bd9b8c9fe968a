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
