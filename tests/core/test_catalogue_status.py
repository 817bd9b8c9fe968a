"""The translator's list: untranslated and fuzzy messages named per language."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parent.parent.parent

CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Workshop"
msgstr "Atelier"

msgid "Training"
msgstr ""

#, fuzzy
msgid "Panel discussion"
msgstr "Panel"
"""


def test_the_status_names_each_untranslated_and_fuzzy_message(tmp_path, settings, capsys):
    po = tmp_path / "fr" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(CATALOGUE, encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match="2 message"):
        call_command("catalogue_status")
    out = capsys.readouterr().out
    assert "fr: 1 untranslated, 1 fuzzy" in out
    assert "untranslated django.po:8: Training" in out
    assert "fuzzy django.po:12: Panel discussion" in out
    assert "Workshop" not in out


def test_the_shipped_catalogues_have_nothing_left(capsys):
    call_command("catalogue_status")
    out = capsys.readouterr().out
    assert "fr: 0 untranslated, 0 fuzzy" in out and "es: 0 untranslated, 0 fuzzy" in out


def test_make_messages_extracts_with_locations_then_lists_and_compiles():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\nmessages:", 1)[1].split("\n\n", 1)[0]
    assert "makemessages -l fr -l es" in recipe and "--no-location" not in recipe
    assert recipe.index("makemessages") < recipe.index("catalogue_status")
    assert "compile_catalogues" in recipe
