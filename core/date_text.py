"""Dates as people type them in a log, in English, French or Spanish, read into a span.

    read_dates("17/05/2011")                -> (17 May 2011, None, "day")
    read_dates("15-17 March 2012")          -> (15 March 2012, 17 March 2012, "day")
    read_dates("15 March – 2 April 2012")   -> (15 March 2012, 2 April 2012, "day")
    read_dates("du 15 au 17 mars 2012")     -> (15 March 2012, 17 March 2012, "day")
    read_dates("15–17 de marzo de 2012")    -> (15 March 2012, 17 March 2012, "day")
    read_dates("May 2012"), ("mai 2012"), ("mayo de 2012") -> (1 May 2012, None, "month")
    read_dates("2012")                      -> (1 January 2012, None, "year")

Numbers are read day first (01/03/2012 is 1 March), as the forms read them. A text that
is no date raises ValueError with a sentence saying how to write it.
"""

import calendar
import datetime
import re
import unicodedata

from django.utils.translation import gettext as _

from core.date_entry import DAY_FIRST, YEAR_FIRST, date_error, full_year
from core.dates import DAY, MONTH, YEAR

MONTH_NAMES = {
    1: "january jan janvier janv enero ene",
    2: "february feb fevrier fevr fev febrero",
    3: "march mar mars marzo",
    4: "april apr avril avr abril abr",
    5: "may mai mayo",
    6: "june jun juin junio",
    7: "july jul juillet juil julio",
    8: "august aug aout agosto ago",
    9: "september sep sept septembre septiembre set setiembre",
    10: "october oct octobre octubre",
    11: "november nov novembre noviembre",
    12: "december dec decembre diciembre dic",
}
MONTH_WORDS = {word: n for n, words in MONTH_NAMES.items() for word in words.split()}
# Words that only join a date's parts: "15 de marzo de 2012", "the 15th of March".
FILLERS = {"de", "del", "du", "le", "el", "the", "of", "on", "en", "in", "y", "et", "and"}
# What stands between the two ends of a range.
SEPARATOR = re.compile(
    r"\s*(?:[\-\u2010-\u2015]|\bto\b|\bau\b|\bal\b|\ba\b|\buntil\b|\bhasta\b)\s*"
)
NUMERIC_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
YEAR_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def _bare(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"\b(\d{1,2})\s*(?:st|nd|rd|th|er|re|eme|o|º|°)\b", r"\1", text)
    return text.replace(",", " ").replace("\u00a0", " ").strip()


def _numeric(text):
    """A single date written in numbers, or None; ValueError for one that does not exist."""
    for pattern, order in ((DAY_FIRST, "dmy"), (YEAR_FIRST, "ymd")):
        found = pattern.match(text)
        if found:
            parts = dict(zip(order, (int(p) for p in found.groups()), strict=True))
            try:
                return datetime.date(full_year(parts["y"]), parts["m"], parts["d"]), DAY
            except ValueError:
                raise ValueError(date_error(text)) from None
    for pattern, order in ((NUMERIC_MONTH, "my"), (YEAR_MONTH, "ym")):
        found = pattern.match(text)
        if found:
            parts = dict(zip(order, (int(p) for p in found.groups()), strict=True))
            if 1 <= parts["m"] <= 12:
                return datetime.date(parts["y"], parts["m"], 1), MONTH
    return None


def _words(text):
    """(day, month, year) read from words, each None where not written; None if not a date."""
    day = month = year = None
    for token in re.split(r"[\s.]+", text):
        if not token or token in FILLERS:
            continue
        if token.isdigit():
            number = int(token)
            if len(token) == 4 and year is None:
                year = number
            elif len(token) <= 2 and day is None and 1 <= number <= 31:
                day = number
            else:
                return None
        elif token in MONTH_WORDS and month is None:
            month = MONTH_WORDS[token]
        else:
            return None
    if day is None and month is None and year is None:
        return None
    return day, month, year


def _make(day, month, year, text):
    try:
        return datetime.date(year, month, day)
    except ValueError:
        if month and 1 <= month <= 12 and year:
            last = calendar.monthrange(year, month)[1]
            raise ValueError(
                _("“%(value)s”: %(month)s %(year)s has %(n)s days.")
                % {"value": text, "month": month_name(month), "year": year, "n": last}
            ) from None
        raise ValueError(_not_a_date(text)) from None


def month_name(number):
    from django.utils.dates import MONTHS

    return str(MONTHS[number])


def _not_a_date(text):
    return _(
        "“%(value)s” is not a date; write it day first (17/05/2011), as 17 May 2011, "
        "or as a range (15-17 March 2012) or a month (May 2012)."
    ) % {"value": text}


def _single(text):
    """(start, precision) for one date, or None."""
    numeric = _numeric(text)
    if numeric:
        return numeric
    parts = _words(_bare(text))
    if parts is None:
        return None
    day, month, year = parts
    if year is None:
        return None
    if month is None:
        return (datetime.date(year, 1, 1), YEAR) if day is None else None
    if day is None:
        return datetime.date(year, month, 1), MONTH
    return _make(day, month, year, text), DAY


def _range(text):
    """(start, end) for a range of days, or None."""
    bare = _bare(text)
    bare = re.sub(r"^(?:du|del|from|de|desde|between|entre)\s+", "", bare)
    for found in SEPARATOR.finditer(bare):
        left, right = bare[: found.start()].strip(), bare[found.end() :].strip()
        if not left or not right:
            continue
        end = _numeric(right) or _single(right)
        if end is None or end[1] != DAY:
            continue
        end = end[0]
        start = _numeric(left)
        if start is None:
            parts = _words(left)
            if parts is None:
                continue
            day, month, year = parts
            if day is None:
                continue
            start = _make(day, month or end.month, year or end.year, text)
            if start > end and year is None and month is not None:
                start = start.replace(year=end.year - 1)  # "28 December – 3 January 2012"
        else:
            if start[1] != DAY:
                continue
            start = start[0]
        return start, end
    return None


def read_dates(value):
    """(start, end or None, precision) of a cell; ValueError with the reason if it is no date."""
    if isinstance(value, datetime.datetime):
        return value.date(), None, DAY
    if isinstance(value, datetime.date):
        return value, None, DAY
    text = str(value).strip()
    single = _single(text)
    if single:
        return single[0], None, single[1]
    span = _range(text)
    if span:
        start, end = span
        if end < start:
            raise ValueError(_("“%(value)s” ends before it starts.") % {"value": text})
        return start, end, DAY
    if DAY_FIRST.match(text) or YEAR_FIRST.match(text):
        raise ValueError(date_error(text))
    raise ValueError(_not_a_date(text))
