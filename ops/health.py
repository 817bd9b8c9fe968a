"""/healthz for load balancers: 200 when the database answers, 503 when it does not."""

import logging

from django.db import DEFAULT_DB_ALIAS, Error, connections
from django.http import HttpResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"


def database_answers(alias=DEFAULT_DB_ALIAS):
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Error as error:
        logger.warning("Health check: the database does not answer: %s", error)
        return False
    return True


def health(request):
    """`ok`, or 503 so that a load balancer takes this server out of rotation."""
    if database_answers():
        response = HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
    else:
        response = HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain; charset=utf-8"
        )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers /healthz ahead of the host check and the HTTPS redirect.

    Load balancers probe each server by its address over plain http, which
    ALLOWED_HOSTS and SECURE_SSL_REDIRECT would otherwise refuse.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == PATH:
            return health(request)
        return self.get_response(request)
