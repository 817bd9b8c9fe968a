"""Reading spreadsheets as rows, and the matching key of names."""

import pytest

from core.sheets import ImportFileError, plain, read_table


@pytest.mark.parametrize(
    ("typed", "registered"),
    [
        ("federation internationale", "Fédération  Internationale"),
        ("un women", "UN-Women"),
        ("womens labour migration", "Women’s labour migration"),
        ("COMISIÓN DE LA CONDICIÓN JURÍDICA", "Comisión de la Condición Jurídica"),
    ],
)
def test_names_match_ignoring_case_accents_and_punctuation(typed, registered):
    assert plain(typed) == plain(registered)


def test_csv_with_semicolons_as_spreadsheet_programs_write_in_french():
    header, rows = read_table(b"Titre;Type\nAtelier;Formation\n\n", "a.csv")
    assert header == ["Titre", "Type"]
    assert list(rows) == [["Atelier", "Formation"]]


def test_csv_in_windows_encoding_is_read():
    header, rows = read_table("Title,City\nVisite,Genève\n".encode("cp1252"), "a.csv")
    assert list(rows) == [["Visite", "Genève"]]


def test_a_large_file_is_read_row_by_row_not_held_whole():
    content = ("Title\n" + "x\n" * 50_000).encode()
    header, rows = read_table(content, "a.csv")
    assert header == ["Title"]
    assert next(rows) == ["x"]  # a generator: nothing read past what was asked
    assert sum(1 for _row in rows) == 49_999


def test_a_file_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(ImportFileError, match="larger than 50 MB"):
        read_table(b"Title\n" + b"x" * (50 * 1024 * 1024), "a.csv")


def test_a_bad_byte_late_in_a_utf8_file_reads_it_as_windows_encoding():
    content = ("Title\n" + "é\n" * 300_000).encode() + "Genève\n".encode("cp1252")
    _header, rows = read_table(content, "a.csv")
    assert list(rows)[-1] == ["Genève"]
