"""Dates written the way the organisation writes them, in English, French and Spanish.

Every page, export and report formats dates through this module, in the active language:
"17 and 18 May 2011", "17 et 18 mai 2011", "17 y 18 de mayo de 2011". No leading zeros,
no abbreviations; month names come from Django's translation catalogues, the grammar of
each language (where "de" goes, "du … au …", the French "1er") from the table below.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils.dates import MONTHS
from django.utils.translation import get_language, override

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class Grammar:
    day: str  # a full date: {d} day, {m} month, {y} year
    day_month: str  # a date whose year is said after the range
    month: str  # a month of a year
    pair: str  # two consecutive days or two dates: {a} and {b}
    span: str  # a range of days: {a} to {b}
    months: str  # a range of months or years
    first: str = ""  # how the first day of a month is written, if not "1"


GRAMMAR = {
    "en": Grammar(
        day="{d} {m} {y}",
        day_month="{d} {m}",
        month="{m} {y}",
        pair="{a} and {b}",
        span="{a} to {b}",
        months="{a} to {b}",
    ),
    "fr": Grammar(
        day="{d} {m} {y}",
        day_month="{d} {m}",
        month="{m} {y}",
        pair="{a} et {b}",
        span="du {a} au {b}",
        months="de {a} à {b}",
        first="1er",
    ),
    "es": Grammar(
        day="{d} de {m} de {y}",
        day_month="{d} de {m}",
        month="{m} de {y}",
        pair="{a} y {b}",
        span="del {a} al {b}",
        months="de {a} a {b}",
    ),
}

# Month names, read once per language: exports format hundreds of thousands of dates and
# translation lookups would dominate.
_MONTHS = {}


def _language():
    return (get_language() or "en").split("-")[0]


def _words():
    language = _language()
    grammar = GRAMMAR.get(language, GRAMMAR["en"])
    months = _MONTHS.get(language)
    if months is None:
        with override(language if language in GRAMMAR else "en"):
            months = _MONTHS[language] = [""] + [str(MONTHS[m]) for m in range(1, 13)]
    return grammar, months


def _day(value, grammar):
    return grammar.first if value.day == 1 and grammar.first else str(value.day)


def format_date(value, precision=DAY):
    """One date: "8 March 2011", "June 2011" or "2011" (in the active language)."""
    if value is None:
        return ""
    if precision == YEAR:
        return str(value.year)
    grammar, months = _words()
    if precision == MONTH:
        return grammar.month.format(m=months[value.month], y=value.year)
    return grammar.day.format(d=_day(value, grammar), m=months[value.month], y=value.year)


def format_date_range(start, end=None, precision=DAY):
    """A span, naming the shared month and year once.

    "15 to 24 November 2010", "30 November to 2 December 2010",
    "28 December 2010 to 3 January 2011"; two consecutive days: "17 and 18 May 2011".
    """
    if start is None:
        return ""
    if end is None or end == start:
        return format_date(start, precision)
    grammar, months = _words()
    if precision == YEAR:
        if end.year == start.year:
            return str(start.year)
        return grammar.months.format(a=start.year, b=end.year)
    if precision == MONTH:
        if (start.year, start.month) == (end.year, end.month):
            return format_date(start, MONTH)
        if start.year == end.year:
            return grammar.month.format(
                m=grammar.months.format(a=months[start.month], b=months[end.month]), y=end.year
            )
        return grammar.months.format(a=format_date(start, MONTH), b=format_date(end, MONTH))

    joiner = grammar.pair if end - start == timedelta(days=1) else grammar.span
    if start.year != end.year:
        return joiner.format(a=format_date(start), b=format_date(end))
    if start.month != end.month:
        first = grammar.day_month.format(d=_day(start, grammar), m=months[start.month])
        return joiner.format(a=first, b=format_date(end))
    days = joiner.format(a=_day(start, grammar), b=_day(end, grammar))
    return grammar.day.format(d=days, m=months[end.month], y=end.year)


def format_date_span(start, end=None):
    """A span as a document's cover writes it, with an en dash: "26–29 November 2013",
    "30 November–2 December 2013", "28 December 2013–3 January 2014".

    Running text keeps the spelled-out ranges of `format_date_range`.
    """
    if start is None:
        return ""
    if end is None or end == start:
        return format_date(start)
    grammar, months = _words()
    if start.year != end.year:
        return f"{format_date(start)}\u2013{format_date(end)}"
    if start.month != end.month:
        first = grammar.day_month.format(d=_day(start, grammar), m=months[start.month])
        last = grammar.day.format(d=_day(end, grammar), m=months[end.month], y=end.year)
        return f"{first}\u2013{last}"
    days = f"{_day(start, grammar)}\u2013{_day(end, grammar)}"
    return grammar.day.format(d=days, m=months[end.month], y=end.year)


def normalise_to_precision(value, precision):
    """Store month- and year-precise dates on their first day, so they sort and filter alike."""
    if value is None:
        return None
    if precision == MONTH:
        return value.replace(day=1)
    if precision == YEAR:
        return value.replace(month=1, day=1)
    return value
