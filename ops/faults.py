"""Bad input and faults answered as such: a 400 with the reason, a 503 while the database is away.

Never a 500 for what a client sent, and never an HTML page on the API: its errors are JSON.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
# Seconds a client is asked to wait before trying again while the database is away.
RETRY_AFTER = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def is_api(request):
    return request.path_info.startswith(API_PREFIX)


def plain_page(request, status, title, message):
    """A short page that needs nothing but the template engine: no database, no session."""
    html = loader.render_to_string(
        "errors/plain.html", {"title": title, "message": message, "status": status}
    )
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def error_response(request, status, title, message):
    """The API's errors as JSON ({"detail": ...}), the site's as a short page."""
    if is_api(request):
        return JsonResponse({"detail": message}, status=status)
    return plain_page(request, status, title, message)


def database_unavailable(request):
    response = error_response(
        request,
        503,
        _("Service unavailable"),
        _("The records cannot be reached at the moment. Please try again in a minute."),
    )
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


def has_nul(text):
    return "\x00" in text


class BadInputMiddleware:
    """Refuse NUL characters in the address, the query and form fields with a 400.

    PostgreSQL cannot store or compare text holding NUL, and no field of ours means one;
    refusing them here covers every page, lookup and admin form at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.has_nul(request):
            return error_response(
                request,
                400,
                _("Bad request"),
                _("The request holds a NUL character, which no field accepts."),
            )
        return self.get_response(request)

    @staticmethod
    def has_nul(request):
        if has_nul(request.path_info):
            return True
        forms = [request.GET, request.POST] if request.method == "POST" else [request.GET]
        for data in forms:
            for key, values in data.lists():
                if has_nul(key) or any(has_nul(value) for value in values):
                    return True
        return False


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with Retry-After, not 500.

    Django closes a connection that failed at the end of the request, so the next request
    connects afresh and everything works again as soon as the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.error("The database does not answer: %s", exception)
            return database_unavailable(request)
        return None


def bad_request(request, exception=None):
    return error_response(request, 400, _("Bad request"), _("The request could not be understood."))


def permission_denied(request, exception=None):
    return error_response(
        request,
        403,
        pgettext("error page", "Forbidden"),
        _("You do not have permission to do this."),
    )


def page_not_found(request, exception=None):
    if is_api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    from django.views.defaults import page_not_found as site_not_found

    return site_not_found(request, exception)


def server_error(request):
    """Errors raised outside views (a middleware, a session save) end here: 503 if the database is away."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_DOWN):
        return database_unavailable(request)
    return error_response(
        request,
        500,
        _("Server error"),
        _("Something went wrong on our side. It has been logged; please try again later."),
    )
