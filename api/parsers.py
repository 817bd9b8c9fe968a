"""The API's JSON parser, on its own because REST framework imports it while defining its views."""

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers


def holds_nul(value):
    """Whether a parsed JSON value holds a NUL character in any string, keys included."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(holds_nul(k) or holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(holds_nul(item) for item in value)
    return False


class JSONParser(parsers.JSONParser):
    """JSON bodies, refusing NUL characters (`\\u0000`) anywhere with a 400.

    PostgreSQL cannot store or compare text holding NUL; no field of ours means one.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        if holds_nul(data):
            raise exceptions.ParseError(
                _("The request holds a NUL character, which no field accepts.")
            )
        return data
