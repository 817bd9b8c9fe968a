"""Registry fields in English, French and Spanish (django-modeltranslation), the one way every
app declares them (activities/, partners/ and unswap/translation.py).

`name` reads in the active language and falls back to English; `name_en`, `name_fr` and
`name_es` are the stored forms, entered side by side in the admin. A translation left empty
reads as the English one (`fallback_undefined`), never as an empty name; a unique field stores
an empty translation as NULL, so that two rows may both lack a French name.
"""

from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.translator import TranslationOptions, translator

# The languages a registry field is held in, English first: the fallback.
LANGUAGES = ("en", "fr", "es")


class RegistryTranslation(TranslationOptions):
    fallback_undefined = ""


def translated(model, *fields, unique=(), history=False):
    """Hold `fields` of `model` in the three languages; with `history`, its historical model
    (django-simple-history) keeps the three forms of each change too."""
    options = type(
        f"{model.__name__}Translation",
        (RegistryTranslation,),
        {
            "fields": fields,
            "empty_values": {field: None if field in unique else "" for field in fields},
        },
    )
    translator.register(model, options)
    if history:
        translator.register(model.history.model, options)
    return options


def in_any_language(paths, word):
    """Q: one of the registry fields at `paths` (e.g. "partner__name") holds `word` in English,
    French or Spanish."""
    match = Q()
    for path in paths:
        for field in three(path):
            match |= Q(**{f"{field}__icontains": word})
    return match


def three(path):
    """The field at `path` in each language: three("partner__name") is partner__name_en,
    partner__name_fr and partner__name_es (for search fields and lookups)."""
    return [f"{path}_{language}" for language in LANGUAGES]


def in_language(path, language=None):
    """The field at `path` in `language` (the active one by default), English where it has
    none: an expression for `values()` across relations and orderings, which modeltranslation
    does not rewrite. The untranslated column comes last, for a row saved before its English
    name was."""
    language = language if language in LANGUAGES else current_language()
    forms = [NullIf(F(f"{path}_{language}"), Value(""))]
    if language != "en":
        forms.append(NullIf(F(f"{path}_en"), Value("")))
    return Coalesce(*forms, F(path), output_field=TextField())


def current_language():
    """The active language if a registry field is held in it, else English."""
    language = (get_language() or "en").split("-")[0]
    return language if language in LANGUAGES else "en"


def requested_language(value):
    """The language a request's `?lang=` names: "en", "fr" or "es"; ValueError with the
    reason for anything else (the value itself is not repeated)."""
    if value not in LANGUAGES:
        raise ValueError(_("lang: give en, fr or es, the language of the registry names."))
    return value
