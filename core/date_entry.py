"""Date boxes that say how to write a date, and why a typed one is no date.

Staff type dates day first (01/03/2012 is 1 March) in every language. Django's own message,
"Enter a valid date.", names neither the order nor the mistake; these messages do:

    "03/15/2012"    -> Write the day first: 15/03/2012.
    "31/02/2012"    -> 31 February does not exist.
    "29/02/2011"    -> 29 February 2011 does not exist: 2011 is not a leap year.
    "15 March 2012" -> Write the date as day/month/year, for example 15/03/2012.
"""

import calendar
import re

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import ValidationError
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})\s*$")
YEAR_FIRST = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def full_year(year):
    """Two-digit years as Python's %y reads them: 00-68 are 2000-2068, 69-99 are 1969-1999."""
    if year >= 100:
        return year
    return 2000 + year if year <= 68 else 1900 + year


def date_error(text):
    """What is wrong with `text` as a date, said with an example of how to write it."""
    example = _("Write the date as day/month/year, for example 15/03/2012.")
    day_first = DAY_FIRST.match(text or "")
    year_first = YEAR_FIRST.match(text or "")
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        year = full_year(year)
    elif year_first:
        year, month, day = (int(part) for part in year_first.groups())
    else:
        return example
    if day_first and 1 <= day <= 12 < month <= 31:
        return _("Write the day first: %(date)s.") % {"date": f"{month:02d}/{day:02d}/{year}"}
    if not 1 <= month <= 12:
        return _("There is no month %(month)s. %(example)s") % {"month": month, "example": example}
    if day == 29 and month == 2 and not calendar.isleap(year):
        return _("29 February %(year)s does not exist: %(year)s is not a leap year.") % {
            "year": year
        }
    # The longest each month can be, in a leap year.
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return _("%(day)s %(month)s does not exist.") % {"day": day, "month": MONTHS[month]}
    return example


class DayFirstDateField(forms.DateField):
    """A date field whose message names the mistake and gives an example."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "invalid":
                raise
            raise ValidationError(date_error(str(value)), code="invalid") from None


class HintedDateWidget(AdminDateWidget):
    """The admin's date box with "dd/mm/yyyy" written beside it, still there while typing.

    The hint carries the class of the admin's time-zone note: the admin's calendar script
    adds that note ("You are 1 hour behind server time") only where none is present, and a
    date without a time has no time zone to be behind.
    """

    # In the app (not the project templates): form widgets render with Django's default renderer.
    template_name = "admin/widgets/date_with_hint.html"
    hint = gettext_lazy("dd/mm/yyyy")

    def __init__(self, attrs=None, format=None):
        super().__init__({"placeholder": self.hint, **(attrs or {})}, format)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        hint_id = f"{widget['attrs'].get('id') or name}_hint"
        described = widget["attrs"].get("aria-describedby", "")
        widget["attrs"]["aria-describedby"] = f"{described} {hint_id}".strip()
        widget["hint"] = self.hint
        widget["hint_id"] = hint_id
        return context


DATE_FIELD_OVERRIDES = {"form_class": DayFirstDateField, "widget": HintedDateWidget}
