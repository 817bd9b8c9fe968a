"""Dates written the way the organisation writes them: "17 and 18 May 2011".

Every page, export and report formats dates through this module. No leading zeros,
no abbreviations; month names come from Django's translation catalogue.
"""

from datetime import timedelta

from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _

DAY, MONTH, YEAR = "day", "month", "year"

# Month names and joining words, translated once per language: exports format
# hundreds of thousands of dates and translation lookups would dominate.
_WORDS = {}


def _words():
    language = get_language()
    words = _WORDS.get(language)
    if words is None:
        words = _WORDS[language] = {
            "months": [""] + [str(MONTHS[m]) for m in range(1, 13)],
            "to": _("%(start)s to %(end)s"),
            "and": _("%(start)s and %(end)s"),
        }
    return words


def _month(value):
    return _words()["months"][value.month]


def format_date(value, precision=DAY):
    """One date: "8 March 2011", "June 2011" or "2011"."""
    if value is None:
        return ""
    if precision == YEAR:
        return str(value.year)
    if precision == MONTH:
        return f"{_month(value)} {value.year}"
    return f"{value.day} {_month(value)} {value.year}"


def format_date_range(start, end=None, precision=DAY):
    """A span, naming the shared month and year once.

    "15 to 24 November 2010", "30 November to 2 December 2010",
    "28 December 2010 to 3 January 2011"; two consecutive days: "17 and 18 May 2011".
    """
    if start is None:
        return ""
    if end is None or end == start:
        return format_date(start, precision)
    if precision == YEAR:
        if end.year == start.year:
            return str(start.year)
        return _words()["to"] % {"start": start.year, "end": end.year}
    if precision == MONTH:
        if (start.year, start.month) == (end.year, end.month):
            return format_date(start, MONTH)
        first = _month(start) if start.year == end.year else format_date(start, MONTH)
        return _words()["to"] % {"start": first, "end": format_date(end, MONTH)}

    words = _words()
    joiner = words["and"] if end - start == timedelta(days=1) else words["to"]
    if start.year != end.year:
        first = format_date(start)
    elif start.month != end.month:
        first = f"{start.day} {_month(start)}"
    else:
        first = str(start.day)
    return joiner % {"start": first, "end": format_date(end)}


def normalise_to_precision(value, precision):
    """Store month- and year-precise dates on their first day, so they sort and filter alike."""
    if value is None:
        return None
    if precision == MONTH:
        return value.replace(day=1)
    if precision == YEAR:
        return value.replace(month=1, day=1)
    return value
