"""The import's template: a workbook to fill in, in the language of the person downloading it.

Its first sheet has the import's columns and two example rows; the columns whose values
come from a list (type, country, event, initiative, report section, status, precision,
placement) offer that list as a drop-down, read from a sheet of the workbook that holds
the registry's current names; the thematic areas and partners are offered too, but free
to type, since a cell may name several ("A; B", "ILO (Co-organiser)"). An instructions
sheet says how to fill it in. Every name it lists reads back as the record it names.
"""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from activities.importing import COLUMNS
from activities.models import (
    ActivityStatus,
    ActivityType,
    DatePrecision,
    Event,
    Initiative,
    PartnerRole,
    Prominence,
    ReportSection,
    ThematicArea,
)
from core.countries import collation_key
from core.xlsx import sheet_title
from partners.models import Partner

# The short placement labels the export writes and the import reads.
PLACEMENT = {
    Prominence.HEADLINE: gettext_lazy("Headline"),
    Prominence.PARAGRAPH: gettext_lazy("Paragraph"),
    Prominence.MINOR: gettext_lazy("Minor, under “Others”"),
}
# Rows of the first sheet that carry the drop-downs: the examples and room for a year's log.
ROWS = 2000


def registries():
    """(sheet name, column key, names, strict) of each list the template offers."""
    return [
        (
            _("Types"),
            "activity_type",
            [t.name for t in ActivityType.objects.order_by("name")],
            True,
        ),
        (
            _("Countries"),
            "country",
            sorted((str(name) for _code, name in countries), key=collation_key),
            True,
        ),
        (
            _("Thematic areas"),
            "thematic_areas",
            [a.name for a in ThematicArea.objects.order_by("order", "name")],
            False,
        ),
        (
            _("Partners"),
            "partners",
            [p.name for p in Partner.objects.order_by("name")],
            False,
        ),
        (_("Events"), "event", [e.name for e in Event.objects.order_by("name")], True),
        (
            _("Initiatives"),
            "initiative",
            [i.title for i in Initiative.objects.order_by("title")],
            True,
        ),
        (
            _("Report sections"),
            "report_section",
            [s.title for s in ReportSection.objects.order_by("order", "title")],
            True,
        ),
        (_("Statuses"), "status", [str(label) for _v, label in ActivityStatus.choices], True),
        (
            _("Dated to the"),
            "date_precision",
            [str(label) for _v, label in DatePrecision.choices],
            True,
        ),
        (
            _("Placements"),
            "prominence",
            [str(label) for label in PLACEMENT.values()],
            True,
        ),
        (_("Partner roles"), None, [str(label) for _v, label in PartnerRole.choices], False),
    ]


def write_template(file):
    """Write the template, in the active language, to `file` (a path or a binary file)."""
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(_("Activities"))
    sheet.append([str(column.label) for column in COLUMNS])
    for row in example_rows():
        sheet.append(row)
    bold = Font(bold=True)
    for number, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(number)
        sheet.column_dimensions[letter].width = column.width
        sheet.cell(1, number).font = bold
        sheet.cell(1, number).alignment = Alignment(wrap_text=True, vertical="top")
        if column.key in ("start_date", "end_date"):
            for row in (2, 3):
                sheet.cell(row, number).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    positions = {column.key: number for number, column in enumerate(COLUMNS, start=1)}
    for title, key, names, strict in registries():
        listing = book.create_sheet(sheet_title(title))
        listing.append([title])
        listing.cell(1, 1).font = bold
        listing.column_dimensions["A"].width = 60
        for name in names:
            listing.append([name])
        if key is None or not names:
            continue
        source = f"{quote_sheetname(listing.title)}!$A$2:$A${len(names) + 1}"
        check = DataValidation(type="list", formula1=source, allow_blank=True)
        # Strict lists refuse other text; the others only suggest (a cell may name several).
        check.showErrorMessage = strict
        check.errorTitle = title
        check.error = _("Choose a name from the list on the sheet “%(sheet)s”.") % {
            "sheet": listing.title
        }
        letter = get_column_letter(positions[key])
        check.add(f"{letter}2:{letter}{ROWS}")
        sheet.add_data_validation(check)
    write_instructions(book.create_sheet(sheet_title(_("Instructions")), 1))
    book.save(file)


def write_instructions(sheet):
    sheet.column_dimensions["A"].width = 110
    lines = [
        _("How to fill in this workbook"),
        _(
            "Each row of the sheet “%(sheet)s” becomes one of your drafts, to submit for "
            "review as usual. Replace the two example rows."
        )
        % {"sheet": _("Activities")},
        _("Required columns: %(names)s.")
        % {"names": ", ".join(str(c.label) for c in COLUMNS if c.required)},
        _(
            "Dates: day first (17/05/2011), a range (15-17 March 2012) or a month (May 2012); "
            "a month is dated to the month."
        ),
        _(
            "Types, countries, events, initiatives, report sections, statuses and placements: "
            "choose from the drop-down lists; they come from the sheets after this one."
        ),
        _(
            "Several thematic areas or partners: separate them with “;”. A partner's role in "
            "brackets, for example “%(example)s”."
        )
        % {"example": f"ILO ({PartnerRole.ORGANISER.label})"},
        _(
            "Names may be written in English, French or Spanish, with or without accents, "
            "dots or capitals (U.N.F.P.A. is UNFPA)."
        ),
        _("Titles or notes above the column names, and blank rows, are left aside."),
    ]
    for line in lines:
        sheet.append([line])
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def example_rows():
    """Two example rows, from the registries where they have records."""
    types = {t.slug: t for t in ActivityType.objects.all()}
    first = types.get("training") or next(iter(types.values()), None)
    second = types.get("publication") or first
    area = ThematicArea.objects.order_by("order", "name").first()
    partner = Partner.objects.order_by("name").first()
    return [
        [
            _("Training of community leaders on safe migration"),
            first.name if first else _("Training"),
            _("A two-day training for community leaders on the rights of migrant workers."),
            datetime.date(2011, 5, 17),
            datetime.date(2011, 5, 18),
            str(DatePrecision.DAY.label),
            "Chisinau",
            str(countries.name("MD")),
            area.name if area else "",
            f"{partner.name} ({PartnerRole.ORGANISER.label})" if partner else "",
            "",
            "",
            "",
            str(PLACEMENT[Prominence.MINOR]),
            30,
            22,
            8,
            str(ActivityStatus.COMPLETED.label),
        ],
        [
            _("Contribution to a report on women migrant workers"),
            second.name if second else _("Publication"),
            _("Comments on the draft report, sent in June."),
            datetime.date(2011, 6, 1),
            None,
            str(DatePrecision.MONTH.label),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            None,
            None,
            None,
            str(ActivityStatus.COMPLETED.label),
        ],
    ]
