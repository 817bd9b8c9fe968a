"""The import's columns: their names in the three languages, and the header that names them.

A sheet's header may name the columns in English, French or Spanish whatever the importer's
language, as the template or the export does; the row naming the most of them is the header.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.matching import LANGUAGES
from core.sheets import ImportFileError, match_key


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazily translated: the header in the user's language
    required: bool = False
    width: int = 20


# The template's columns, in its order; the export's columns of the same name are read too,
# so an exported file comes back in (its look-alikes then flagged).
COLUMNS = (
    Column("title", gettext_lazy("Title"), True, 48),
    Column("activity_type", gettext_lazy("Type"), True, 20),
    Column("summary", gettext_lazy("Summary"), True, 60),
    Column("start_date", gettext_lazy("Start date"), True, 12),
    Column("end_date", gettext_lazy("End date"), False, 12),
    Column("date_precision", gettext_lazy("Dated to the"), False, 10),
    Column("city", gettext_lazy("City"), False, 16),
    Column("country", gettext_lazy("Country"), False, 18),
    Column("thematic_areas", gettext_lazy("Thematic areas"), False, 36),
    Column("partners", gettext_lazy("Partners and roles"), False, 48),
    Column("event", gettext_lazy("Event"), False, 30),
    Column("initiative", gettext_lazy("Initiative"), False, 30),
    Column("report_section", gettext_lazy("Report section"), False, 30),
    Column("prominence", gettext_lazy("Placement in the report"), False, 16),
    Column("participants_total", gettext_lazy("Participants"), False, 12),
    Column("participants_women", gettext_lazy("Women"), False, 10),
    Column("participants_men", gettext_lazy("Men"), False, 10),
    Column("status", gettext_lazy("Status"), False, 12),
)
BY_KEY = {column.key: column for column in COLUMNS}

# What the sheet that hands back the rows left out calls its last column; read back, it is
# left aside without a word.
REASON = gettext_lazy("Reason")


def header_names():
    """{matching key: column key} of every name a column goes by, in the three languages."""
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            for column in COLUMNS:
                for name in (str(column.label), column.key, column.key.replace("_", " ")):
                    names.setdefault(match_key(name), column.key)
    return names


def quiet_names():
    """Columns the export or the sheet of rows left out adds, set aside without a word."""
    names = set()
    for language in LANGUAGES:
        with translation.override(language):
            names.add(match_key(str(REASON)))
    return names


def header_score(names):
    """How many of the template's columns a row names: the header is the row naming most."""
    return lambda cells: len({names[k] for k in map(match_key, cells) if k in names})


def columns_of(header, number, names):
    """{column key: index} for the header's known columns, and the names of the others."""
    found, ignored = {}, []
    quiet = quiet_names()
    for index, name in enumerate(header):
        key = names.get(match_key(name))
        if key and key not in found:
            found[key] = index
        elif name and match_key(name) not in quiet:
            ignored.append(name)
    missing = [
        str(column.label) for column in COLUMNS if column.required and column.key not in found
    ]
    if missing:
        raise ImportFileError(
            _("Row %(row)s names the columns, but these are missing: %(names)s.")
            % {"row": number, "names": ", ".join(missing)}
        )
    return found, ignored
