"""The API's OpenAPI schema: drf-spectacular's, with the error answers of each operation.

On its own because drf-spectacular reads the schema class while defining its views.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular import openapi
from rest_framework import permissions, serializers

from api.languages import LANG


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("What went wrong."))


VALIDATION_ERRORS = {
    "type": "object",
    "description": _(
        "Messages per field: a list of messages, or for a list of records the messages "
        "of each refused record under its position; "
        "`non_field_errors` for the record as a whole; `detail` for an unreadable request."
    ),
    "additionalProperties": {},
}


PENDING_CHANGE = {
    "type": "object",
    "description": _(
        "The change is kept as the record's pending change, waiting for a manager; the "
        "record itself is unchanged. The body is the pending change, as "
        "`GET /api/activities/{slug}/pending/` gives it."
    ),
    "additionalProperties": {},
}


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, declaring the error answers each operation can give."""

    def error_responses(self):
        errors = {"401": ErrorSerializer}
        if self.method in {"GET", "HEAD"}:
            errors["404"] = ErrorSerializer
            if self._is_list_view():
                errors["400"] = VALIDATION_ERRORS
            return errors
        errors["403"] = ErrorSerializer
        errors["409"] = ErrorSerializer
        if self.method in {"PUT", "PATCH"} and self.view.basename == "activity":
            # A change by data entry staff to an approved record waits for review.
            errors["202"] = PENDING_CHANGE
        if self.method in {"PUT", "PATCH", "DELETE"} and self.view.basename == "activity":
            # A change to an activity says which version it is based on (If-Match or the
            # body); a deletion may (If-Match).
            errors["412"] = ErrorSerializer
            if self.method != "DELETE":
                errors["428"] = ErrorSerializer
        if self.method != "POST" or "{" in self.path:
            errors["404"] = ErrorSerializer
        if self.method != "DELETE":
            errors["400"] = VALIDATION_ERRORS
        return errors

    def get_override_parameters(self):
        """Every operation takes `lang`, the language of the registry names it answers with."""
        return [*super().get_override_parameters(), LANG]

    def get_auth(self):
        """Anonymous reads are allowed wherever the permission class lets them through."""
        auths = super().get_auth()
        anonymous_reads = any(
            isinstance(p, permissions.DjangoModelPermissionsOrAnonReadOnly)
            for p in self.view.get_permissions()
        )
        if anonymous_reads and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        # Any operation answers 400 to a `lang` that is not en, fr or es.
        errors = {"400": VALIDATION_ERRORS, **self.error_responses()}
        for code, body in errors.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(body, code, direction=direction)
        return responses
