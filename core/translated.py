"""Reading a translated registry field (django-modeltranslation) as plain values.

A page that reads rows as tuples rather than model instances names the columns itself:
the reader's language first, then the fallbacks modeltranslation would use. A field that is
not translated is read as it is.
"""

from django.utils.translation import get_language
from modeltranslation import settings as translation_settings
from modeltranslation.translator import NotRegistered, translator


def columns(model, field):
    """The columns of `model.field` to read for the active language, best first."""
    try:
        translated = field in translator.get_options_for_model(model).fields
    except NotRegistered:
        translated = False
    if not translated:
        return (field,)
    languages = translation_settings.AVAILABLE_LANGUAGES
    language = (get_language() or "").split("-")[0]
    if language not in languages:
        language = translation_settings.DEFAULT_LANGUAGE
    fallbacks = translation_settings.FALLBACK_LANGUAGES
    order = [language, *fallbacks.get(language, fallbacks.get("default", ()))]
    return tuple(f"{field}_{code}" for code in dict.fromkeys(order) if code in languages)


def first(values):
    """The first value that is given, as the model's translated field would show it."""
    for value in values:
        if value:
            return value
    return values[-1] if values else ""
