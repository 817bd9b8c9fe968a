"""Dates typed in a log, read into a start, an end and a precision, in three languages."""

import datetime

import pytest

from core.date_text import read_dates

D = datetime.date


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (datetime.datetime(2012, 3, 15, 0, 0), (D(2012, 3, 15), None, "day")),
        ("17/05/2011", (D(2011, 5, 17), None, "day")),
        ("17.05.11", (D(2011, 5, 17), None, "day")),
        ("2011-05-17", (D(2011, 5, 17), None, "day")),
        ("17 May 2011", (D(2011, 5, 17), None, "day")),
        ("1er mai 2011", (D(2011, 5, 1), None, "day")),
        ("17 de mayo de 2011", (D(2011, 5, 17), None, "day")),
        ("15-17 March 2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("15–17 March 2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("15 March – 2 April 2012", (D(2012, 3, 15), D(2012, 4, 2), "day")),
        ("15 March 2012 - 2 April 2012", (D(2012, 3, 15), D(2012, 4, 2), "day")),
        ("28 December – 3 January 2012", (D(2011, 12, 28), D(2012, 1, 3), "day")),
        ("du 15 au 17 mars 2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("15 au 17 mars 2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("15–17 de marzo de 2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("del 15 al 17 de marzo de 2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("15/03/2012 - 17/03/2012", (D(2012, 3, 15), D(2012, 3, 17), "day")),
        ("May 2012", (D(2012, 5, 1), None, "month")),
        ("mai 2012", (D(2012, 5, 1), None, "month")),
        ("mayo de 2012", (D(2012, 5, 1), None, "month")),
        ("Février 2012", (D(2012, 2, 1), None, "month")),
        ("05/2012", (D(2012, 5, 1), None, "month")),
        ("2012", (D(2012, 1, 1), None, "year")),
    ],
)
def test_a_typed_date_reads_as_its_span_and_precision(typed, read):
    assert read_dates(typed) == read


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("31/02/2012", "31 February does not exist."),
        ("03/15/2012", "Write the day first: 15/03/2012."),
        ("17-15 March 2012", "ends before it starts"),
        ("31 April 2012", "April 2012 has 30 days"),
        ("soon", "is not a date"),
        ("15 Marchember 2012", "is not a date"),
    ],
)
def test_a_text_that_is_no_date_says_why(typed, reason):
    with pytest.raises(ValueError, match=reason):
        read_dates(typed)
