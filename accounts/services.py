"""Every change to who can do what: roles, creating and deactivating accounts.

Each writes its line of the audit log (AccountEvent) in the same transaction, so no page,
admin form or sign-in can change an account without leaving who, when and what.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import AccountEvent
from activities import roles


class AccountRefused(Exception):
    """A change the actor may not make; the message says why, for the page."""


def role_of(user):
    """The one role `user` holds (a group name), or None; several show joined by commas."""
    names = sorted(name for name in user_role_names(user))
    return ", ".join(names) if names else None


def user_role_names(user):
    return {group.name for group in user.groups.all() if group.name in roles.ROLE_LABELS}


def _name(user):
    return user.get_username() if user is not None else ""


def _log(*, actor, account, action, detail=""):
    return AccountEvent.objects.create(
        actor=actor,
        actor_name=_name(actor),
        account=account,
        account_name=_name(account),
        action=action,
        detail=detail[:300],
    )


def _check_actor(actor, account):
    if not roles.is_manager(actor):
        raise AccountRefused(_("Only managers change accounts."))
    if actor.pk == account.pk:
        raise AccountRefused(_("You cannot change your own account; ask another manager."))
    if account.is_superuser and not actor.is_superuser:
        raise AccountRefused(_("Only a superuser changes a superuser's account."))


def record_account_created(*, account, actor=None, how):
    """A new account: made by single sign-on on a first sign-in, or by a person in the admin."""
    return _log(actor=actor, account=account, action=AccountEvent.Action.CREATED, detail=how)


@transaction.atomic
def set_role(*, actor, account, role):
    """Give `account` exactly one role (a group name), or none; staff access follows the role.

    Data entry staff and managers work in the admin, so they get staff access; viewers and
    accounts without a role do not.
    """
    _check_actor(actor, account)
    if role is not None and role not in roles.ROLE_LABELS:
        raise AccountRefused(_("Choose one of the roles."))
    before = role_of(account)
    groups = Group.objects.filter(name__in=roles.ROLE_LABELS)
    account.groups.remove(*groups)
    if role is not None:
        account.groups.add(groups.get(name=role))
    account.is_staff = account.is_superuser or role in (roles.DATA_ENTRY, roles.MANAGERS)
    account.save(update_fields=["is_staff"])
    account._gcu_role_names = None
    if before == role:
        return None
    return _log(
        actor=actor,
        account=account,
        action=AccountEvent.Action.ROLE_CHANGED,
        detail=f"{before or '—'} → {role or '—'}",
    )


def record_role_change(*, actor, account, before, after):
    """A role changed elsewhere (a superuser editing groups in the admin): logged the same way."""
    if before == after:
        return None
    return _log(
        actor=actor,
        account=account,
        action=AccountEvent.Action.ROLE_CHANGED,
        detail=f"{before or '—'} → {after or '—'}",
    )


@transaction.atomic
def deactivate(*, actor, account, reason=""):
    """Stop `account` from signing in; its records, history and review log stay as they are."""
    _check_actor(actor, account)
    if not account.is_active:
        return None
    account.is_active = False
    account.save(update_fields=["is_active"])
    return _log(actor=actor, account=account, action=AccountEvent.Action.DEACTIVATED, detail=reason)


@transaction.atomic
def reactivate(*, actor, account):
    """Let a deactivated account sign in again, with the role it had."""
    _check_actor(actor, account)
    if account.is_active:
        return None
    account.is_active = True
    account.save(update_fields=["is_active"])
    return _log(actor=actor, account=account, action=AccountEvent.Action.REACTIVATED)


def record_active_change(*, actor, account, was_active):
    """Active ticked or unticked elsewhere (the admin's user form): logged the same way."""
    if was_active == account.is_active:
        return None
    action = (
        AccountEvent.Action.REACTIVATED if account.is_active else AccountEvent.Action.DEACTIVATED
    )
    return _log(actor=actor, account=account, action=action)


def record_refused_by_provider(*, account, reason):
    """The provider no longer lets `account` in: listed on the accounts page to deactivate."""
    return _log(actor=None, account=account, action=AccountEvent.Action.REFUSED, detail=reason)
