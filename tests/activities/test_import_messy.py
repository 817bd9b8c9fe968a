"""Logs as a unit assistant keeps them: titles above the header, merged cells, blank rows,
dates as ranges and months, names as people write them, headers in any of three languages."""

import datetime
import io
import re
import time
import zipfile

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from activities.importing import check
from activities.models import Activity
from partners.models import PartnerAlias
from tests.factories import (
    ActivityTypeFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:activities_activity_import")
HEADER = ["Title", "Type", "Summary", "Start date", "End date", "Country", "Partners and roles"]


@pytest.fixture
def registries():
    return {
        "type": ActivityTypeFactory(name="Training", slug="training"),
        "area": ThematicAreaFactory(name="Labour migration", slug="labour"),
        "ilo": PartnerFactory(name="International Labour Organization", acronym="ILO"),
        "unfpa": PartnerFactory(name="United Nations Population Fund", acronym="UNFPA"),
        "iom": PartnerFactory(name="International Organization for Migration", acronym="IOM"),
        "event": EventFactory(name="Commission on the Status of Women, 55th session"),
    }


def xlsx(sheets, merges=(), name="log.xlsx", edit=None):
    """An upload of a workbook: {sheet name: rows}; `merges` are ranges of the first sheet.

    `edit` rewrites the first sheet's XML, as other programs write it.
    """
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(number, column, value)
    first = book.worksheets[0]
    for cells in merges:
        first.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if edit is not None:
        source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    content = edit(content.decode()).encode()
                target.writestr(item, content)
        data = out.getvalue()
    upload = io.BytesIO(data)
    upload.name = name
    return upload


def row(title, start="17/05/2011", country="Moldova", partners="ILO", end=None):
    return [title, "Training", "Two days with community leaders.", start, end, country, partners]


def preview(client, upload, **extra):
    """Upload, then the job's page: the check ran as it was queued (tests' task backend)."""
    response = client.post(IMPORT, {"file": upload, **extra}, follow=True)
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "result" in response.context, response.context["form"].errors
    return response


def url(name, response):
    return reverse(f"admin:activities_activity_import_{name}", args=[response.context["job"].pk])


def again(client, response, **fields):
    """What the preview's buttons and links do, by the field of the button pressed."""
    if "remember" in fields:
        return client.post(url("remember", response), fields, follow=True)
    if "sheet" in fields:
        return client.post(url("sheet", response), fields, follow=True)
    if fields.get("action") == "rest":
        return client.get(url("rest", response))
    if "action" in fields:
        return client.post(url("confirm", response), fields)
    return client.get(url("job", response), fields)


def test_a_log_with_titles_merged_cells_and_blank_rows_reads_as_the_sheet_numbers_it(
    data_entry_client, registries
):
    rows = [
        ["Activity log of the unit, 2012"],  # a title merged across the columns
        ["Kept by the unit assistant; dates as agreed"],
        [],
        HEADER,
        row("Training in Chisinau", country="Moldova"),
        row(
            "Training in Balti", start="18/05/2011", country=None
        ),  # the country merged from the row above
        [],  # a blank row: the next row is still row 8
        row("Training in Geneva", start="15-17 March 2012", country="Suisse"),
        row("Workshop", start="May 2012", country="United States", partners="U.N.F.P.A."),
    ]
    upload = xlsx({"Log": rows}, merges=["A1:G1", "F5:F6"])
    result = preview(data_entry_client, upload).context["result"]
    assert result.header_row == 4
    assert [n for n, _text in result.above] == [1, 2]
    assert result.above[0][1] == "Activity log of the unit, 2012"
    assert result.merged == 2
    assert [r.number for r in result.rows] == [5, 6, 8, 9]
    assert [r.status for r in result.rows] == ["new"] * 4, [r.errors for r in result.rows]
    chisinau, balti, geneva, workshop = (r.activity for r in result.rows)
    assert balti.country == "MD"  # carried from the merged cell
    assert (geneva.start_date, geneva.end_date, geneva.country) == (
        datetime.date(2012, 3, 15),
        datetime.date(2012, 3, 17),
        "CH",
    )
    assert (workshop.start_date, workshop.date_precision, workshop.country) == (
        datetime.date(2012, 5, 1),
        "month",
        "US",
    )
    assert result.rows[3].roles == [(registries["unfpa"], "collaborator")]


def test_a_wrong_date_after_a_blank_row_is_named_by_the_sheets_row_number(
    data_entry_client, registries
):
    rows = [HEADER, row("A"), [], [], row("B", start="31/02/2012")]
    response = preview(data_entry_client, xlsx({"Log": rows}))
    page = response.content.decode()
    assert "Row 5: <strong>Start date</strong> “31/02/2012” — 31 February does not exist." in page


@pytest.mark.parametrize(
    ("language", "start"),
    [
        ("fr", "du 15 au 17 mars 2012"),
        ("es", "15–17 de marzo de 2012"),
        ("en", "15 March – 17 March 2012"),
    ],
)
def test_headers_in_any_language_are_read_under_an_english_interface(
    data_entry_client, registries, language, start
):
    with translation.override(language):
        from activities.importing import COLUMNS

        labels = {c.key: str(c.label) for c in COLUMNS}
    # The headers as this language's template names them (the catalogue's own words).
    keys = ["title", "activity_type", "summary", "start_date", "end_date", "country", "partners"]
    header = [labels[k] for k in keys]
    rows = [header, ["Atelier", "Training", "Deux jours.", start, None, "Suisse", "OIT"]]
    PartnerAlias.objects.create(partner=registries["ilo"], name="OIT", key="oit")
    response = preview(data_entry_client, xlsx({"Journal": rows}), HTTP_ACCEPT_LANGUAGE="en")
    result = response.context["result"]
    assert not result.ignored_columns
    only = result.rows[0]
    assert only.status == "new", only.errors
    assert (only.activity.start_date, only.activity.end_date) == (
        datetime.date(2012, 3, 15),
        datetime.date(2012, 3, 17),
    )
    assert only.roles == [(registries["ilo"], "collaborator")]


def test_the_first_sheet_naming_the_columns_is_read_and_another_can_be_chosen(
    data_entry_client, registries
):
    sheets = {
        "Notes": [["How to fill this in"], ["Dates day first"]],
        "2011": [HEADER, row("From 2011")],
        "2012": [["Log 2012"], HEADER, row("From 2012"), row("Again 2012")],
    }
    shown = preview(data_entry_client, xlsx(sheets))
    result = shown.context["result"]
    assert (result.sheets, result.sheet) == (["Notes", "2011", "2012"], "2011")
    other = again(data_entry_client, shown, sheet="2012")
    result = other.context["result"]
    assert result.sheet == "2012"
    assert [(r.number, r.cells["title"]) for r in result.rows] == [
        (3, "From 2012"),
        (4, "Again 2012"),
    ]
    unknown = again(data_entry_client, shown, sheet="Nowhere")
    assert "Choose one of the workbook" in unknown.content.decode()
    assert not Activity.objects.exists()


def test_a_stale_sheet_dimension_does_not_hide_rows_or_titles(data_entry_client, registries):
    rows = [["Log"], HEADER, row("A"), row("B"), row("C")]
    stale = xlsx(
        {"Log": rows},
        edit=lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="B2:C2"', xml),
    )
    result = preview(data_entry_client, stale).context["result"]
    assert [(r.number, r.cells["title"]) for r in result.rows] == [(3, "A"), (4, "B"), (5, "C")]


@pytest.mark.parametrize(
    "written",
    ["U.N.F.P.A.", "unfpa", "United Nations Population Fund", "united nations  population-fund"],
)
def test_partner_names_match_ignoring_case_punctuation_and_spacing(registries, data_entry, written):
    from activities.matching import Matcher

    assert Matcher().partners.find(written)[0] == registries["unfpa"]


def test_an_unknown_partner_is_listed_once_with_its_rows_and_the_closest_names(
    data_entry_client, registries
):
    rows = [
        HEADER,
        row("A", partners="OIT"),
        row("B", partners="Population Fund"),
        row("C", partners="OIT; IOM"),
    ]
    result = preview(data_entry_client, xlsx({"Log": rows})).context["result"]
    unknown = {u.name: u for u in result.unknown}
    assert set(unknown) == {"OIT", "Population Fund"}
    assert unknown["OIT"].rows == [2, 4]
    assert registries["ilo"] in unknown["OIT"].closest
    assert unknown["Population Fund"].closest[0] == registries["unfpa"]


def test_a_manager_remembers_an_alias_from_the_preview_and_the_file_matches(
    manager_client, manager, registries
):
    rows = [HEADER, row("A", partners="OIT (Co-organiser)"), row("B", partners="O.I.T.")]
    shown = preview(manager_client, xlsx({"Log": rows}))
    page = shown.content.decode()
    assert "“OIT” is International Labour Organization (ILO) — remember this" in page
    assert shown.context["result"].errors == 2

    rechecked = again(manager_client, shown, remember=f"{registries['ilo'].pk}|OIT")
    result = rechecked.context["result"]
    assert result.errors == 0
    assert [r.roles for r in result.rows] == [
        [(registries["ilo"], "co_organiser")],
        [(registries["ilo"], "collaborator")],
    ]
    alias = PartnerAlias.objects.get()
    assert (alias.name, alias.key, alias.partner, alias.created_by) == (
        "OIT",
        "oit",
        registries["ilo"],
        manager,
    )
    assert alias.history.get().history_change_reason == "Confirmed in the preview of log.xlsx"
    assert LogEntry.objects.get(object_id=str(alias.pk)).user == manager
    assert not Activity.objects.exists(), "remembering a name saves no record"

    # The next file matches at once; saying it twice is refused with the reason.
    refused = again(manager_client, shown, remember=f"{registries['ilo'].pk}|o.i.t")
    assert "already means" in refused.content.decode()
    assert PartnerAlias.objects.count() == 1


def test_data_entry_sees_the_closest_names_but_cannot_remember_an_alias(
    data_entry_client, registries
):
    shown = preview(data_entry_client, xlsx({"Log": [HEADER, row("A", partners="OIT")]}))
    page = shown.content.decode()
    assert "remember this" not in page
    assert "A manager can tell the product once" in page
    forged = data_entry_client.post(
        url("remember", shown), {"remember": f"{registries['ilo'].pk}|OIT"}
    )
    assert forged.status_code == 403
    assert not PartnerAlias.objects.exists()


@pytest.mark.parametrize("value", ["", "abc|OIT", "99999999999999999999|OIT", "0|OIT", "|", "5"])
def test_a_mangled_alias_is_refused_with_a_message(manager_client, registries, value):
    shown = preview(manager_client, xlsx({"Log": [HEADER, row("A", partners="OIT")]}))
    response = again(manager_client, shown, remember=value)
    assert response.status_code == 200
    assert not PartnerAlias.objects.exists()


def test_an_alias_that_is_another_partners_name_is_refused(registries, manager):
    from django.core.exceptions import ValidationError

    from partners.services import remember_alias

    with pytest.raises(ValidationError, match="This is what United Nations Population Fund"):
        remember_alias(partner=registries["ilo"], name="U.N.F.P.A", user=manager)
    assert not PartnerAlias.objects.exists()


def test_one_bad_row_among_200_leaves_199_to_import_and_hands_back_the_one_with_its_reason(
    data_entry_client, data_entry, registries
):
    day = datetime.date(2011, 1, 1)
    rows = [HEADER] + [
        row(f"Training {n}", start=day + datetime.timedelta(days=n)) for n in range(200)
    ]
    rows[107] = row("Training wrong", start="31/02/2012")  # sheet row 108
    started = time.perf_counter()
    shown = preview(data_entry_client, xlsx({"Log": rows}))
    seconds = time.perf_counter() - started
    result = shown.context["result"]
    assert (result.errors, len(result.rows)) == (1, 200)
    # Measured alone: about 1 s here; the bound leaves room for a busy machine.
    assert seconds < 15, f"the preview of 200 rows took {seconds:.1f} s"
    page = shown.content.decode()
    assert "Row 108: <strong>Start date</strong>" in page
    assert len(shown.context["view"].rows) == 50  # a page, not 200 rows

    errors_only = again(data_entry_client, shown, show="errors").context["view"]
    assert [r.number for r in errors_only.rows] == [108]

    rest = again(data_entry_client, shown, action="rest")
    assert rest["Content-Disposition"].startswith('attachment; filename="log-to-correct')
    sheet = load_workbook(io.BytesIO(b"".join(rest.streaming_content))).active
    handed_back = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert handed_back[0] == [*HEADER, "Reason"]
    assert len(handed_back) == 2
    assert handed_back[1][0] == "Training wrong"
    assert "Row 108" in handed_back[1][-1] and "31 February does not exist" in handed_back[1][-1]

    saved = again(data_entry_client, shown, action="good")
    assert saved.status_code == 302
    done = data_entry_client.get(saved["Location"]).content.decode()
    assert "199 activities imported" in done and "1 row with errors was left out" in done
    assert Activity.objects.count() == 199
    assert not Activity.objects.filter(title="Training wrong").exists()

    # Corrected and uploaded again, the row handed back imports (its reason set aside).
    handed_back[1][3] = "28/02/2012"
    fixed = xlsx({"To correct": handed_back}, name="fixed.xlsx")
    shown = preview(data_entry_client, fixed)
    result = shown.context["result"]
    assert (result.errors, result.ignored_columns) == (0, [])
    again(data_entry_client, shown, action="import")
    assert Activity.objects.filter(title="Training wrong").count() == 1


def test_the_good_rows_are_not_saved_while_errors_remain_unless_asked(
    data_entry_client, registries
):
    rows = [HEADER, row("A"), row("B", start="soon")]
    shown = preview(data_entry_client, xlsx({"Log": rows}))
    refused = again(data_entry_client, shown, action="import")
    assert refused.status_code == 400
    assert not Activity.objects.exists()


def test_a_date_range_and_its_own_end_cell_disagreeing_is_an_error(registries, data_entry):
    rows = [HEADER, row("A", start="15-17 March 2012", end="18/03/2012")]
    upload = xlsx({"Log": rows})
    result = check(upload.getvalue(), "log.xlsx", data_entry)
    assert "ends on 17/03/2012" in result.rows[0].errors["end_date"]


def test_a_date_range_beside_an_end_date_that_is_no_date_says_so(registries, data_entry):
    rows = [HEADER, row("A", start="15-17 March 2012", end="soon")]
    result = check(xlsx({"Log": rows}).getvalue(), "log.xlsx", data_entry)
    assert "“soon” is not a date" in result.rows[0].errors["end_date"]


def test_the_preview_shows_the_dates_as_read(registries, data_entry):
    rows = [HEADER, row("A", start="du 15 au 17 mars 2012"), row("B", start="mayo de 2012")]
    result = check(xlsx({"Log": rows}).getvalue(), "log.xlsx", data_entry)
    assert [(r.cells["start_date"], r.cells["end_date"]) for r in result.rows] == [
        ("15/03/2012", "17/03/2012"),
        ("01/05/2012", ""),
    ]
    assert result.rows[1].cells["date_precision"] == "Month"


def test_the_views_and_pages_survive_wrong_values(data_entry_client, registries):
    day = datetime.date(2011, 1, 1)
    rows = [HEADER] + [row(f"T{n}", start=day + datetime.timedelta(days=n)) for n in range(120)]
    shown = preview(data_entry_client, xlsx({"Log": rows}))
    for fields in (
        {"show": "nonsense"},
        {"page": "999"},
        {"page": "-1"},
        {"page": "9" * 40},
        {"show": "errors", "page": "2"},
        {"show": ["errors", "all"]},
    ):
        response = again(data_entry_client, shown, **fields)
        assert response.status_code == 200
        assert response.context["view"].rows or response.context["view"].total == 0
    last = again(data_entry_client, shown, page="3").context["view"]
    assert (last.page, last.first, last.last) == (3, 101, 120)


@pytest.mark.parametrize(
    "written",
    [
        "OIT",
        "O.I.T.",
        "Organisation internationale du Travail",
        "organizacion internacional del trabajo",
        "International Labour Organization",
        "I.L.O.",
    ],
)
def test_a_partner_is_found_by_its_names_and_acronyms_in_three_languages(data_entry, written):
    from activities.matching import Matcher

    ilo = PartnerFactory(
        name_en="International Labour Organization",
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        acronym_en="ILO",
        acronym_fr="OIT",
        acronym_es="OIT",
    )
    assert Matcher().partners.find(written) == (ilo, None)


def test_an_acronym_in_another_language_is_offered_by_the_initials_of_that_languages_name(
    data_entry,
):
    from activities.matching import Matcher

    PartnerFactory(name_en="International Organization for Migration", acronym_en="IOM")
    ilo = PartnerFactory(
        name_en="International Labour Organization",
        name_fr="Organisation internationale du Travail",
        acronym_en="ILO",
    )
    registry = Matcher().partners
    assert registry.find("OIT")[0] is None
    assert registry.closest("OIT")[0] == ilo


def test_an_unknown_country_is_listed_once_with_the_closest_countries(registries, data_entry):
    rows = [HEADER, row("A", country="Swizerland"), row("B", country="swizerland")]
    result = check(xlsx({"Log": rows}).getvalue(), "log.xlsx", data_entry)
    [unknown] = result.unknown
    assert (unknown.name, unknown.rows) == ("Swizerland", [2, 3])
    assert str(unknown.closest[0]) == "Switzerland"


def test_aliases_are_read_by_staff_and_written_by_managers_in_the_admin(
    data_entry, manager, registries
):
    from django.test import Client

    data_entry_client, manager_client = Client(), Client()
    data_entry_client.force_login(data_entry)
    manager_client.force_login(manager)
    add = reverse("admin:partners_partneralias_add")
    changelist = reverse("admin:partners_partneralias_changelist")
    data = {"name": "O.I.T.", "partner": registries["ilo"].pk}
    assert data_entry_client.get(changelist).status_code == 200
    assert data_entry_client.get(add).status_code == 403
    assert data_entry_client.post(add, data).status_code == 403
    assert not PartnerAlias.objects.exists()

    assert manager_client.post(add, data).status_code == 302
    alias = PartnerAlias.objects.get()
    assert (alias.key, alias.created_by, alias.partner) == ("oit", manager, registries["ilo"])
    page = data_entry_client.get(changelist).content.decode()
    assert "O.I.T." in page and "International Labour Organization" in page
    change = reverse("admin:partners_partneralias_change", args=[alias.pk])
    assert data_entry_client.post(change, {**data, "name": "X"}).status_code == 403
    # The same spelling twice is refused next to the field.
    again = manager_client.post(add, {"name": "oit", "partner": registries["unfpa"].pk})
    assert again.status_code == 200
    assert "already means" in again.content.decode()
    # And on the partner's own page, as an inline.
    partner_page = reverse("admin:partners_partner_change", args=[registries["ilo"].pk])
    assert "O.I.T." in manager_client.get(partner_page).content.decode()
