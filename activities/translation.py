"""Registry fields held in English, French and Spanish (django-modeltranslation).

`name` reads in the active language and falls back to English; `name_en`, `name_fr` and
`name_es` are the stored forms, entered side by side in the admin.
"""

from modeltranslation.translator import TranslationOptions, register

from activities.filing import ActivityType


@register(ActivityType)
class ActivityTypeTranslation(TranslationOptions):
    fields = ("name",)
