"""Date boxes: the message names the mistake and shows how to write the date."""

import datetime

import pytest
from django.utils import translation

from core.date_entry import DayFirstDateField, HintedDateWidget, date_error


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("03/15/2012", "Write the day first: 15/03/2012."),
        ("12/31/2011", "Write the day first: 31/12/2011."),
        ("31/02/2012", "31 February does not exist."),
        ("31/04/2012", "31 April does not exist."),
        ("30-02-2012", "30 February does not exist."),
        ("2012-02-31", "31 February does not exist."),
        ("29/02/2011", "29 February 2011 does not exist: 2011 is not a leap year."),
        (
            "15/13/2012",
            "There is no month 13. Write the date as day/month/year, for example 15/03/2012.",
        ),
        (
            "15/15/2012",
            "There is no month 15. Write the date as day/month/year, for example 15/03/2012.",
        ),
        ("15 March 2012", "Write the date as day/month/year, for example 15/03/2012."),
        ("yesterday", "Write the date as day/month/year, for example 15/03/2012."),
    ],
)
def test_a_wrong_date_is_named_with_an_example(typed, message):
    assert date_error(typed) == message
    with pytest.raises(Exception) as raised:
        DayFirstDateField().clean(typed)
    assert raised.value.messages == [message]


def test_dates_written_day_first_are_read_day_first():
    field = DayFirstDateField()
    assert field.clean("01/03/2012") == datetime.date(2012, 3, 1)
    assert field.clean("29/02/2012") == datetime.date(2012, 2, 29)
    assert field.clean("2012-03-01") == datetime.date(2012, 3, 1)


def test_the_messages_speak_the_users_language():
    with translation.override("fr"):
        assert date_error("31/02/2012") == "Le 31 février n’existe pas."
    with translation.override("es"):
        assert date_error("03/15/2012") == "Escriba primero el día: 15/03/2012."


def test_the_hint_stays_beside_the_box_and_describes_it():
    html = HintedDateWidget().render("start_date", None, {"id": "id_start_date"})
    assert (
        '<span class="help date-hint timezonewarning" id="id_start_date_hint">dd/mm/yyyy</span>'
        in html
    )
    assert 'aria-describedby="id_start_date_hint"' in html
