"""The languages a record is written in, and which of its texts a reader is shown.

A record states its original language (`original_language`); `title` and `summary` hold
the text as written, in that language, and keep that meaning everywhere (slugs, look-alike
checks, history). The same texts may be given in the two other languages, in `title_fr`,
`summary_es`…; the column of the original language itself stays empty.

A page shows the reader's language where the record has it, otherwise the original, and
marks the element with `lang` when what it shows is not in the page's language:

>>> text_in(record_in_english_with_french_title, "title", "fr")
('Atelier sur la migration', 'fr')
>>> text_in(record_in_english_with_french_title, "summary", "fr")
('A workshop on migration.', 'en')
"""

from django.db import models
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

LANGUAGES = ("en", "fr", "es")
TRANSLATED = ("title", "summary")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


def original_language_field():
    return models.CharField(
        _("original language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("The language the title and summary above are written in."),
    )


def title_fields():
    """The title in English, French and Spanish, for records written in another language."""
    return [
        models.CharField(label, max_length=255, blank=True, default="")
        for label in (_("title in English"), _("title in French"), _("title in Spanish"))
    ]


def summary_fields():
    return [
        models.TextField(label, blank=True, default="")
        for label in (_("summary in English"), _("summary in French"), _("summary in Spanish"))
    ]


def known_language_constraint(name, field="original_language"):
    """The language is one of the three (a constraint, whoever writes)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": LANGUAGES}),
        name=name,
        violation_error_message=_("Choose English, French or Spanish."),
    )


def page_language():
    """The language of the page being written: en, fr or es."""
    language = (get_language() or "en")[:2]
    return language if language in LANGUAGES else "en"


def text_in(record, name, language):
    """(text, its language): `record`'s `name` in `language` where given, else the original."""
    original = record.original_language or "en"
    if language != original and language in LANGUAGES:
        translated = getattr(record, f"{name}_{language}", "") or ""
        if translated.strip():
            return translated, language
    return getattr(record, name), original


def translated_fields(record_language=None):
    """The names of the translation columns, all of them or those a record may fill."""
    return [
        f"{name}_{language}"
        for language in LANGUAGES
        if language != record_language
        for name in TRANSLATED
    ]


def lacks(record, language):
    """Whether `record` has no title or no summary of its own in `language`."""
    if (record.original_language or "en") == language:
        return False
    return any(not (getattr(record, f"{name}_{language}", "") or "").strip() for name in TRANSLATED)


class Shown(str):
    """A record's text as a page shows it, knowing its language (`lang_attr` for the element)."""

    def __new__(cls, text, language):
        shown = super().__new__(cls, text or "")
        shown.language = language
        return shown

    @property
    def lang_attr(self):
        """` lang="xx"` when the text is not in the page's language, else nothing."""
        if self.language == page_language():
            return ""
        return format_html(' lang="{}"', self.language)


def shown(record, name):
    """`record`'s `name` as the current page shows it."""
    return Shown(*text_in(record, name, page_language()))


def translation_errors(record):
    """{field: message} for the record's language and translations: none may be given in
    its own language (that text is the title or summary itself)."""
    language = record.original_language
    if language not in LANGUAGES:
        return {"original_language": _("Choose English, French or Spanish.")}
    errors = {}
    for name in TRANSLATED:
        if (getattr(record, f"{name}_{language}", "") or "").strip():
            errors[f"{name}_{language}"] = _(
                "This is the record's original language: its text goes in the field above. "
                "Empty this one."
            )
    for language in LANGUAGES:
        title, summary = (getattr(record, f"{n}_{language}", "") or "" for n in TRANSLATED)
        if summary.strip() and not title.strip():
            errors[f"title_{language}"] = _("Give the title in this language too.")
    return errors
