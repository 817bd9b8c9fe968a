"""The organisation's date style, one case per line of the report brief."""

import datetime

import pytest

from reports.dates import format_date, format_date_range, format_occasions

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


def test_two_dated_occasions_in_one_phrase():
    occasions = [(d(2011, 7, 1), None, "month"), (d(2010, 11, 1), None, "month")]
    assert format_occasions(occasions) == "November 2010 and July 2011"


def test_three_occasions_use_a_comma_then_and():
    occasions = [
        (d(2011, 2, 6), None, "day"),
        (d(2011, 3, 8), None, "day"),
        (d(2011, 5, 17), d(2011, 5, 18), "day"),
    ]
    assert format_occasions(occasions) == "6 February 2011, 8 March 2011 and 17 and 18 May 2011"
