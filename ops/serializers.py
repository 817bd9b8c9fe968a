"""Django's JSON serialization, keeping timestamps to the microsecond, for backups."""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.utils.timezone import is_aware

__all__ = ["Deserializer", "Serializer"]


class Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts times to milliseconds, as ECMAScript does; a restore must not."""

    def default(self, o):
        if isinstance(o, datetime.time) and is_aware(o):
            raise ValueError("JSON can't represent timezone-aware times.")
        if isinstance(o, datetime.datetime | datetime.time):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = Encoder
