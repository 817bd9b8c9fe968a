"""The organisation's date style, one case per line of the report brief."""

import datetime

import pytest
from django.utils import translation

from core.dates import format_date, format_date_range, format_date_span, normalise_to_precision

d = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (d(2011, 3, 8), None, "day", "8 March 2011"),
        (d(2011, 3, 8), d(2011, 3, 8), "day", "8 March 2011"),
        (d(2011, 5, 17), d(2011, 5, 18), "day", "17 and 18 May 2011"),
        (d(2010, 11, 15), d(2010, 11, 24), "day", "15 to 24 November 2010"),
        (d(2010, 11, 30), d(2010, 12, 2), "day", "30 November to 2 December 2010"),
        (d(2010, 12, 28), d(2011, 1, 3), "day", "28 December 2010 to 3 January 2011"),
        (d(2011, 5, 31), d(2011, 6, 1), "day", "31 May and 1 June 2011"),
        (d(2010, 12, 31), d(2011, 1, 1), "day", "31 December 2010 and 1 January 2011"),
        (d(2011, 6, 1), None, "month", "June 2011"),
        (d(2011, 6, 1), d(2011, 6, 30), "month", "June 2011"),
        (d(2011, 6, 1), d(2011, 7, 1), "month", "June to July 2011"),
        (d(2010, 11, 1), d(2011, 1, 1), "month", "November 2010 to January 2011"),
        (d(2011, 1, 1), None, "year", "2011"),
        (d(2010, 1, 1), d(2011, 1, 1), "year", "2010 to 2011"),
        (None, None, "day", ""),
    ],
)
def test_date_ranges(start, end, precision, expected):
    assert format_date_range(start, end, precision) == expected


def test_no_leading_zeros_and_no_abbreviations():
    assert format_date(d(2011, 9, 7)) == "7 September 2011"


@pytest.mark.parametrize(
    ("precision", "expected"),
    [("day", d(2011, 6, 17)), ("month", d(2011, 6, 1)), ("year", d(2011, 1, 1))],
)
def test_dates_known_to_the_month_or_year_are_kept_on_its_first_day(precision, expected):
    assert normalise_to_precision(d(2011, 6, 17), precision) == expected


@pytest.mark.parametrize(
    ("language", "start", "end", "precision", "expected"),
    [
        ("fr", d(2011, 3, 8), None, "day", "8 mars 2011"),
        ("fr", d(2011, 3, 1), None, "day", "1er mars 2011"),
        ("fr", d(2011, 5, 17), d(2011, 5, 18), "day", "17 et 18 mai 2011"),
        ("fr", d(2010, 11, 15), d(2010, 11, 24), "day", "du 15 au 24 novembre 2010"),
        ("fr", d(2010, 11, 30), d(2010, 12, 2), "day", "du 30 novembre au 2 décembre 2010"),
        (
            "fr",
            d(2010, 12, 28),
            d(2011, 1, 3),
            "day",
            "du 28 décembre 2010 au 3 janvier 2011",
        ),
        ("fr", d(2011, 6, 1), None, "month", "juin 2011"),
        ("fr", d(2010, 11, 1), d(2010, 12, 1), "month", "de novembre à décembre 2010"),
        ("fr", d(2010, 1, 1), d(2011, 1, 1), "year", "de 2010 à 2011"),
        ("es", d(2011, 3, 8), None, "day", "8 de marzo de 2011"),
        ("es", d(2011, 5, 17), d(2011, 5, 18), "day", "17 y 18 de mayo de 2011"),
        ("es", d(2010, 11, 15), d(2010, 11, 24), "day", "del 15 al 24 de noviembre de 2010"),
        (
            "es",
            d(2010, 11, 30),
            d(2010, 12, 2),
            "day",
            "del 30 de noviembre al 2 de diciembre de 2010",
        ),
        (
            "es",
            d(2010, 12, 28),
            d(2011, 1, 3),
            "day",
            "del 28 de diciembre de 2010 al 3 de enero de 2011",
        ),
        ("es", d(2011, 6, 1), None, "month", "junio de 2011"),
        ("es", d(2010, 11, 1), d(2011, 7, 1), "month", "de noviembre de 2010 a julio de 2011"),
        ("en", d(2010, 11, 1), d(2010, 12, 1), "month", "November to December 2010"),
    ],
)
def test_each_language_writes_dates_its_own_un_way(language, start, end, precision, expected):
    with translation.override(language):
        assert format_date_range(start, end, precision) == expected


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("en", d(2013, 11, 26), d(2013, 11, 29), "26–29 November 2013"),
        ("en", d(2013, 11, 30), d(2013, 12, 2), "30 November–2 December 2013"),
        ("en", d(2013, 12, 28), d(2014, 1, 3), "28 December 2013–3 January 2014"),
        ("en", d(2013, 11, 26), None, "26 November 2013"),
        ("en", d(2013, 11, 26), d(2013, 11, 26), "26 November 2013"),
        ("fr", d(2013, 11, 26), d(2013, 11, 29), "26–29 novembre 2013"),
        ("fr", d(2013, 11, 1), d(2013, 11, 3), "1er–3 novembre 2013"),
        ("es", d(2013, 11, 26), d(2013, 11, 29), "26–29 de noviembre de 2013"),
        ("es", d(2013, 11, 30), d(2013, 12, 2), "30 de noviembre–2 de diciembre de 2013"),
    ],
)
def test_a_cover_writes_its_session_dates_with_an_en_dash(language, start, end, expected):
    with translation.override(language):
        assert format_date_span(start, end) == expected
