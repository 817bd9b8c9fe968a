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
    table = read_table(b"Titre;Type\nAtelier;Formation\n\n", "a.csv")
    assert table.header == ["Titre", "Type"]
    assert list(table.rows) == [(2, ["Atelier", "Formation"])]


def test_csv_in_windows_encoding_is_read():
    table = read_table("Title,City\nVisite,Genève\n".encode("cp1252"), "a.csv")
    assert list(table.rows) == [(2, ["Visite", "Genève"])]


def test_a_large_file_is_read_row_by_row_not_held_whole():
    content = ("Title\n" + "x\n" * 50_000).encode()
    table = read_table(content, "a.csv")
    assert table.header == ["Title"]
    assert next(table.rows) == (2, ["x"])  # a generator: nothing read past what was asked
    assert sum(1 for _row in table.rows) == 49_999


def test_the_header_is_the_row_naming_most_columns_and_rows_keep_their_numbers():
    content = b"Log of 2012\n\nnotes,,\nTitle,Type,City\nA,B,C\n\n\nD,E,F\n"
    names = {"title", "type", "city"}
    table = read_table(
        content, "a.csv", score=lambda cells: len(names & {c.lower() for c in cells})
    )
    assert (table.header_row, table.above) == (4, [(1, "Log of 2012"), (3, "notes")])
    assert list(table.rows) == [(5, ["A", "B", "C"]), (8, ["D", "E", "F"])]


def test_a_sheet_naming_no_columns_in_its_first_rows_is_refused_with_the_reason():
    content = b"Title\n" * 0 + b"a,b\n" * 20 + b"Title,Type\n"
    with pytest.raises(ImportFileError, match="None of the first 15 rows names the columns"):
        read_table(content, "a.csv", score=lambda cells: 2 * ("Title" in cells))


def test_a_file_over_the_size_limit_is_refused_before_reading():
    with pytest.raises(ImportFileError, match="larger than 50 MB"):
        read_table(b"Title\n" + b"x" * (50 * 1024 * 1024), "a.csv")


def test_a_bad_byte_late_in_a_utf8_file_reads_it_as_windows_encoding():
    content = ("Title\n" + "é\n" * 300_000).encode() + "Genève\n".encode("cp1252")
    table = read_table(content, "a.csv")
    assert list(table.rows)[-1][1] == ["Genève"]
