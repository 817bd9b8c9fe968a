"""Sign-in lockout: whose address counts, and the page a locked-out person sees."""

import math

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def client_ip(request):
    """The client's address: the one our reverse proxy saw, when there is one.

    The proxy appends the address it received the request from to X-Forwarded-For, so the
    last entry is the only one a client cannot forge; earlier entries are not trusted.
    """
    if settings.GCU_BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")


def address_failures(request):
    """Failed sign-ins from the request's address within the cool-off, whatever the username."""
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler, which also locks an address trying many usernames.

    Failures count per username and address (AXES_FAILURE_LIMIT), as django-axes does, and
    per address across usernames (GCU_ADDRESS_FAILURE_LIMIT, higher: colleagues may share
    an office's address). The address count is not made a lockout parameter of django-axes:
    a success would then wipe it, and one valid account would let its owner go on guessing
    the passwords of others. A success clears only that username's failures.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.GCU_ADDRESS_FAILURE_LIMIT:
            request.gcu_address_locked = True
            return max(failures, get_failure_limit(request, credentials))
        return failures


def lockout_response(request, original_response=None, credentials=None):
    """A page saying why sign-in is refused and for how long, answered 429 with Retry-After."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    address_locked = getattr(request, "gcu_address_locked", False)
    response = render(
        request,
        "registration/locked_out.html",
        {
            "failure_limit": settings.GCU_ADDRESS_FAILURE_LIMIT
            if address_locked
            else get_failure_limit(request, credentials),
            "address_locked": address_locked,
            "minutes": minutes,
        },
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response
