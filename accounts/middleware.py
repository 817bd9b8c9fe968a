"""Managers and superusers signed in with a password set up a second factor before acting."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.policy import second_factor_missing

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# Signing in and out, the second factor's own pages and the language switcher stay open.
OPEN_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/i18n/",
)


class SecondFactorRequiredMiddleware:
    """Until they have one, such a person reaches no admin page and makes no change anywhere.

    They are sent to set up an authenticator app (the API answers 403 with the reason).
    People signed in through the provider are not asked: the provider holds their second
    factor.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        acting = path.startswith("/admin/") or request.method not in SAFE_METHODS
        if acting and not path.startswith(OPEN_PREFIXES) and second_factor_missing(request):
            reason = _(
                "Set up a second factor (an authenticator app) before you approve, publish or "
                "change anything."
            )
            if path.startswith("/api/"):
                return JsonResponse({"detail": reason}, status=403)
            messages.warning(request, reason)
            url = reverse("mfa_activate_totp")
            return HttpResponseRedirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
