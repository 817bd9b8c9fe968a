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
    assert rows == [["Atelier", "Formation"]]


def test_csv_in_windows_encoding_is_read():
    header, rows = read_table("Title,City\nVisite,Genève\n".encode("cp1252"), "a.csv")
    assert rows == [["Visite", "Genève"]]


def test_too_many_rows_are_refused_with_the_count():
    content = ("Title\n" + "x\n" * 5_001).encode()
    with pytest.raises(ImportFileError, match="5001 rows; import at most 5000"):
        read_table(content, "a.csv")
