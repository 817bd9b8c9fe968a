"""Reads of accounts for managers: the accounts page and the admin's first page."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone

from accounts.models import AccountEvent
from activities import roles

AUDIT_LOG_LENGTH = 200


@dataclass(frozen=True)
class AccountRow:
    user: object
    roles: tuple
    last_login: datetime | None
    second_factor: bool
    providers: tuple
    local: bool
    unused: bool
    refused: bool


def unused_since():
    """Accounts not signed in since this moment are listed as unused."""
    return timezone.now() - timedelta(days=settings.GCU_ACCOUNT_UNUSED_DAYS)


def _unused(user, threshold):
    if not user.is_active:
        return False
    return (user.last_login or user.date_joined) < threshold


def account_rows():
    """Every account with its roles, sign-in ways and second factor: 3 queries in all.

    One for the users (with whether they hold a TOTP authenticator and whether the provider
    refused them lately), one each for their groups and their single sign-on accounts.
    """
    User = get_user_model()
    totp = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
    # Refused by the provider since the person last signed in (provider_check.py).
    refused = AccountEvent.objects.filter(
        account=OuterRef("pk"), action=AccountEvent.Action.REFUSED
    ).filter(Q(account__last_login__isnull=True) | Q(at__gt=F("account__last_login")))
    users = (
        User.objects.annotate(has_totp=Exists(totp), refused=Exists(refused))
        .prefetch_related(
            Prefetch("groups", queryset=roles_queryset()),
            "socialaccount_set",
        )
        .order_by("-is_active", "username")
    )
    threshold = unused_since()
    return [
        AccountRow(
            user=user,
            roles=tuple(group.name for group in user.groups.all()),
            last_login=user.last_login,
            second_factor=user.has_totp,
            providers=tuple(sorted({account.provider for account in user.socialaccount_set.all()})),
            local=user.has_usable_password(),
            unused=_unused(user, threshold),
            refused=user.is_active and user.refused,
        )
        for user in users
    ]


def roles_queryset():
    return Group.objects.filter(name__in=roles.ROLE_LABELS).order_by("name")


def waiting_for_role():
    """Active accounts with no role and no superuser power: newcomers a manager should place."""
    User = get_user_model()
    role_groups = roles_queryset()
    return (
        User.objects.filter(is_active=True, is_superuser=False)
        .exclude(groups__in=role_groups)
        .order_by("-date_joined")
    )


def unused_accounts():
    threshold = unused_since()
    User = get_user_model()
    return User.objects.filter(is_active=True).filter(
        Q(last_login__lt=threshold) | Q(last_login__isnull=True, date_joined__lt=threshold)
    )


def audit_log():
    """The latest changes to accounts, newest first."""
    return AccountEvent.objects.select_related(None)[:AUDIT_LOG_LENGTH]


def unused_since_days():
    return settings.GCU_ACCOUNT_UNUSED_DAYS
