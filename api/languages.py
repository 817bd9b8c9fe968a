"""The language of the registry names the API answers with: `?lang=en|fr|es`.

Without `lang` the API names registries in the request's language, as the site does
(English for a client that says none); `lang` asks for another, and any other value is a
400 that says which are taken. Names are written in English (the form every registry has):
French and Spanish ones are entered side by side in the admin.
"""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, serializers

from core.registry_names import LANGUAGES, requested_language

LANG = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(LANGUAGES),
    description=_(
        "The language of the names of types, thematic areas, partners, events, initiatives "
        "and report sections: en, fr or es (English where a name has no translation). "
        "Without it, the request's language (Accept-Language), English by default. Names "
        "are written in English."
    ),
)


class SpeaksLanguage:
    """A viewset answering with registry names in the language `?lang=` names."""

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang")
        if language in LANGUAGES:
            with translation.override(language):
                return super().dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if "lang" in request.query_params:
            try:
                requested_language(request.query_params["lang"])
            except ValueError as problem:
                raise exceptions.ValidationError({"lang": [str(problem)]}) from problem


class InLanguage(serializers.CharField):
    """A registry's translated field: read in the active language, English where it has
    none; written as its English form (`name` of a partner is `name_en` when written)."""

    def __init__(self, field, **kwargs):
        self.translated = field
        super().__init__(source=f"{field}_en", **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.translated)


class EnglishSaved:
    """A registry serializer whose rows are saved with English active, so that the table's
    untranslated column keeps the English name whatever the request's language."""

    def validate(self, attrs):
        """The model's messages about `name_en` are about `name`, as the client wrote it."""
        try:
            return super().validate(attrs)
        except serializers.ValidationError as error:
            written_as = {
                field.source: name
                for name, field in self.fields.items()
                if isinstance(field, InLanguage)
            }
            if not isinstance(error.detail, dict):
                raise
            detail = {written_as.get(key, key): value for key, value in error.detail.items()}
            raise serializers.ValidationError(detail) from error

    def save_record(self, instance, validated_data):
        with translation.override("en"):
            return super().save_record(instance, validated_data)
