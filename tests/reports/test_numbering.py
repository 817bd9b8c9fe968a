"""Roman numerals for sections, plain numbers for paragraphs, and how text is cut."""

import pytest

from reports.builder import first_sentence_end, lower_first, roman, split_paragraphs


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (8, "VIII"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (49, "XLIX"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2011, "MMXI"),
    ],
)
def test_roman_numerals(number, numeral):
    assert roman(number) == numeral


def test_there_is_no_roman_numeral_for_zero():
    with pytest.raises(ValueError):
        roman(0)


def test_paragraphs_are_separated_by_blank_lines_and_lines_are_joined():
    text = "First line\nof the first.\n\n  \nSecond.\r\n\r\nThird  one.\n"
    assert split_paragraphs(text) == ["First line of the first.", "Second.", "Third one."]
    assert split_paragraphs("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", "One"),
        ("Ms. Bachelet spoke. Then others.", "Ms. Bachelet spoke"),
        ("Held on 15 April 2011. Then more.", "Held on 15 April 2011"),
        ("Was it good? Yes.", "Was it good"),
        ("On “Women in war”. Next.", "On “Women in war”"),
        ("Meeting with J. Smith and others.", "Meeting with J. Smith and others"),
        ("No full stop at all", None),
    ],
)
def test_the_first_sentence_ends_at_the_first_real_full_stop(text, expected):
    end = first_sentence_end(text)
    assert (text[:end] if end is not None else None) == expected


def test_narrower_area_names_are_lowered_but_acronyms_are_kept():
    assert lower_first("Women’s labour migration") == "women’s labour migration"
    assert lower_first("HIV and AIDS") == "HIV and AIDS"
