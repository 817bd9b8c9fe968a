"""Who may sign in how: the break-glass local form, the domain allow-list, the second factor."""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings

from activities import roles


def local_sign_in_allowed(user):
    """Whether `user` may sign in with a password (GCU_LOCAL_SIGN_IN: all, superusers, none).

    Production turns the local form off for everyone but superusers, whose accounts are
    the way in when the identity provider is down or misconfigured.
    """
    policy = settings.GCU_LOCAL_SIGN_IN
    if policy == "all":
        return True
    if policy == "superusers":
        return user.is_superuser
    return False


def email_domain_allowed(email):
    """Whether an address's domain is on GCU_SSO_ALLOWED_DOMAINS (any, when the list is empty).

    >>> email_domain_allowed("ana@un.org")  # with ["un.org"]
    True
    """
    allowed = settings.GCU_SSO_ALLOWED_DOMAINS
    if not allowed:
        return True
    if not email or "@" not in email:
        return False
    return email.rsplit("@", 1)[1].strip().lower() in allowed


def signed_in_locally(request):
    """Whether this session was opened with a password rather than through the provider.

    Every sign-in goes through django-allauth, which records how it was made in the
    session; sessions from before it were ended by accounts' first migration.
    """
    records = get_authentication_records(request, request.user)
    methods = {record.get("method") for record in records}
    return "password" in methods and "socialaccount" not in methods


def has_second_factor(user):
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def second_factor_missing(request):
    """A manager or superuser signed in locally who has no second factor yet."""
    if not settings.GCU_REQUIRE_SECOND_FACTOR:
        return False
    user = request.user
    if not user.is_authenticated or "account_authentication_methods" not in request.session:
        return False
    if not signed_in_locally(request):
        return False
    return roles.is_manager(user) and not has_second_factor(user)
