"""How the API names related records: read as id, slug and name; written as an id or a slug."""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from rest_framework import serializers

from activities import roles


class RecordField(serializers.RelatedField):
    """A related record: read as its id, slug and name; written as its id or its slug.

    With `visible_to` (a function of the user giving the registry they may see), a record
    the reader may not know of is shown as null: an event's organiser known only from a
    confidential activity stays unknown to the public.
    """

    default_error_messages = {
        "does_not_exist": _("There is no record with the id or slug “{value}”."),
        "incorrect_type": _("Give the record’s id (a number) or its slug (text)."),
    }

    def __init__(self, *, visible_to=None, **kwargs):
        self.visible_to = visible_to
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if value is None or self.visible_to is None:
            return value
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if roles.is_member(user):
            return value
        # One query per request and registry, however many records are listed.
        known = self.context.setdefault(("visible", self.visible_to), {})
        if "ids" not in known:
            known["ids"] = set(self.visible_to(user).values_list("pk", flat=True))
        return value if value.pk in known["ids"] else None

    def to_representation(self, value):
        return {"id": value.pk, "slug": value.slug, "name": str(value)}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type")
        if isinstance(data, str) and ("\x00" in data or len(data) > 255):
            self.fail("does_not_exist", value=data[:255].replace("\x00", ""))
        queryset = self.get_queryset()
        try:
            if isinstance(data, int):
                return queryset.get(pk=data)
            # Slugs come first: a slug may look like a number.
            record = queryset.filter(slug=data).first()
            if record is None and data.isascii() and data.isdigit():
                record = queryset.get(pk=int(data))
        except (ObjectDoesNotExist, ValueError, TypeError, OverflowError):
            record = None
        if record is None:
            self.fail("does_not_exist", value=data)
        return record


class PartnerField(RecordField):
    """A partner, with its acronym: the report often names partners by it."""

    def to_representation(self, value):
        return {"id": value.pk, "slug": value.slug, "name": value.name, "acronym": value.acronym}


class RecordFieldSchema(OpenApiSerializerFieldExtension):
    """Documents RecordField: an object when read, an id or a slug when written."""

    target_class = RecordField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {
                "oneOf": [
                    {"type": "integer", "minimum": 1},
                    {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"},
                ],
                "description": _("The record’s id or its slug."),
            }
        properties = {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "name": {"type": "string"},
        }
        if isinstance(self.target, PartnerField):
            properties["acronym"] = {"type": "string"}
        return {"type": "object", "properties": properties, "required": list(properties)}
