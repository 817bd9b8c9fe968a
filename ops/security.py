"""Sign-in lockout: whose address counts, and the page a locked-out person sees."""

import math

from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
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


def lockout_response(request, original_response=None, credentials=None):
    """A page saying why sign-in is refused and for how long, answered 429 with Retry-After."""
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(
        request,
        "registration/locked_out.html",
        {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes},
        status=429,
    )
    if cool_off:
        response["Retry-After"] = str(math.ceil(cool_off.total_seconds()))
    return response
