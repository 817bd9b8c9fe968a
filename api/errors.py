"""The API's error answers: always JSON, and the database's refusals as client errors."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler as default_exception_handler

from activities.services import StaleVersion
from activities.workflow import NotAllowed


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the records as they stand.")
    default_code = "conflict"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = _(
        "Say which version of the activity this change is based on: send If-Match with "
        "the ETag of your last read, or the record's “version” in the body."
    )
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def stale_detail(current):
    who = current.updated_by.get_username() if current.updated_by else _("someone")
    return _(
        "%(who)s changed this activity after the version your change is based on. "
        "Read it again (it is at version %(version)s) and apply your change to it."
    ) % {"who": who, "version": current.version}


def exception_handler(exc, context):
    """Answer the database's refusals as client errors, never as server errors."""
    if isinstance(exc, NotAllowed):
        # A move the role may not make is a 403; one the record's state refuses, a 409.
        exc = exceptions.PermissionDenied(exc.message) if exc.forbidden else Conflict(exc.message)
    elif isinstance(exc, StaleVersion):
        # Two writers based on the same version: the other one was saved first.
        exc = Conflict(stale_detail(exc.current))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict(_("This record cannot be deleted while other records refer to it."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, IntegrityError):
        # Writes are validated with the model's rules first; this is only reached when a
        # concurrent write took a unique value between validation and saving.
        exc = Conflict(_("Another change was saved at the same time; please try again."))
    return default_exception_handler(exc, context)


def not_found(request, *args, **kwargs):
    """An address under /api/ that names no endpoint."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
