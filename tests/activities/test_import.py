"""Importing activities from a spreadsheet: a preview of every row, then drafts for review."""

import csv
import datetime
import io
import re
import uuid
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from activities import importing
from activities.models import Activity
from activities.web_addresses import is_neutral
from core.xlsx import write_workbook
from tests.factories import (
    ActivityFactory,
    ActivityTypeFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:activities_activity_import")
TEMPLATE = reverse("admin:activities_activity_import_template")
HEADER = [
    "Title",
    "Type",
    "Summary",
    "Start date",
    "End date",
    "City",
    "Country",
    "Thematic areas",
    "Partners and roles",
    "Event",
    "Participants",
    "Women",
    "Men",
]


@pytest.fixture
def registries():
    return {
        "type": ActivityTypeFactory(name="Training", slug="training"),
        "area": ThematicAreaFactory(name="Women’s labour migration", slug="labour"),
        "ilo": PartnerFactory(name="International Labour Organization", acronym="ILO"),
        "unw": PartnerFactory(name="UN-Women", acronym=""),
        "event": EventFactory(name="Commission on the Status of Women, 55th session"),
    }


def csv_file(rows, header=HEADER, name="log.csv"):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    upload = io.BytesIO(buffer.getvalue().encode("utf-8"))
    upload.name = name
    return upload


GOOD = [
    "Training on safe migration",
    "TRAINING",
    "Two days with community leaders.",
    "17/05/2011",
    "18/05/2011",
    "Chisinau",
    "Moldova",
    "womens labour migration",
    "ilo (Co-organiser); un women",
    "commission on the status of women 55th session",
    "30",
    "22",
    "8",
]


def preview(client, upload):
    """Upload, then the job's page: the check ran as it was queued (tests' task backend)."""
    response = client.post(IMPORT, {"file": upload}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].startswith(IMPORT)
    return response


def confirm(client, response, *look_alikes):
    """The preview's form: it names the checked upload by its job, and the rows ticked."""
    job = response.context["job"]
    return client.post(
        reverse("admin:activities_activity_import_confirm", args=[job.pk]),
        {"look_alike": [str(n) for n in look_alikes]},
    )


def test_a_good_file_is_previewed_then_saved_as_drafts_of_the_importer(
    data_entry_client, data_entry, registries
):
    shown = preview(data_entry_client, csv_file([GOOD]))
    result = shown.context["result"]
    assert [(row.number, row.status) for row in result.rows] == [(2, "new")]
    assert not Activity.objects.exists(), "the preview saves nothing"

    assert 'name="content"' not in shown.content.decode(), "the file stays on the server"
    saved = confirm(data_entry_client, shown)
    assert saved.status_code == 302
    done = data_entry_client.get(saved["Location"])
    assert "1 activity imported as your draft" in done.content.decode()
    activity = Activity.objects.get()
    assert activity.title == "Training on safe migration"
    assert (activity.review_state, activity.visibility) == ("draft", "internal")
    assert activity.created_by == data_entry
    assert is_neutral(activity.slug)  # until a manager publishes it
    assert activity.start_date == datetime.date(2011, 5, 17)
    assert activity.country.code == "MD"
    assert activity.event == registries["event"]
    assert list(activity.thematic_areas.all()) == [registries["area"]]
    assert sorted((r.partner.name, r.role) for r in activity.roles.all()) == [
        ("International Labour Organization", "co_organiser"),
        ("UN-Women", "collaborator"),
    ]
    entry = activity.history.get()
    assert entry.history_user == data_entry
    assert entry.history_change_reason == "Imported from log.csv, row 2"


def test_every_wrong_cell_says_why_and_nothing_is_saved(data_entry_client, registries):
    wrong = list(GOOD)
    wrong[3] = "05/17/2011"  # month first
    wrong[8] = "Oxfam Novib (Funder)"  # not in the registry
    wrong[11] = "twenty"
    missing_title = [""] + GOOD[1:]
    shown = preview(data_entry_client, csv_file([GOOD, wrong, missing_title]))
    result = shown.context["result"]
    assert [row.status for row in result.rows] == ["new", "error", "error"]
    errors = result.rows[1].errors
    assert "day first" in errors["start_date"]
    assert "Oxfam Novib" in errors["partners"]
    assert "whole number" in errors["participants_women"]
    assert result.rows[2].errors["title"] == "Required."
    assert result.unknown_names("partner") == ["Oxfam Novib"]
    page = shown.content.decode()
    assert "Row 3: <strong>Start date</strong>" in page
    assert 'value="import"' not in page
    # Even a forged confirmation saves nothing.
    refused = confirm(data_entry_client, shown)
    assert refused.status_code == 400
    assert not Activity.objects.exists()


def test_look_alikes_are_left_out_unless_ticked(data_entry_client, registries):
    ActivityFactory(title="Training on safe migration", visibility="internal")
    again = list(GOOD)
    again[0] = "Training on  SAFE migration"  # the same title, typed differently
    other = list(GOOD)
    other[0] = "Another activity"
    other[3] = "01/01/2012"
    other[4] = ""
    twice = list(other)
    shown = preview(data_entry_client, csv_file([again, other, twice]))
    rows = shown.context["result"].rows
    assert [row.status for row in rows] == ["duplicate", "new", "duplicate"]
    assert rows[2].look_alikes[0].title == "Another activity"  # the file's own earlier row

    confirm(data_entry_client, shown)
    assert Activity.objects.filter(title="Another activity").count() == 1
    assert Activity.objects.count() == 2

    shown = preview(data_entry_client, csv_file([again]))
    confirm(data_entry_client, shown, 2)
    assert Activity.objects.filter(title__iexact="training on  safe migration").count() == 1
    assert Activity.objects.count() == 3


def test_a_confidential_look_alike_is_never_named_to_data_entry(data_entry_client, registries):
    ActivityFactory(title="Training on safe migration", visibility="confidential")
    shown = preview(data_entry_client, csv_file([GOOD]))
    assert shown.context["result"].rows[0].status == "new"
    assert "confidential" not in shown.content.decode().lower()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04 not really a workbook", "log.xlsx", "not an Excel workbook"),
        (b"anything", "log.txt", "Choose an Excel workbook"),
        (b"", "log.csv", "empty"),
        (
            b"Title,Summary\nA,B\n",
            "log.csv",
            "Row 1 names the columns, but these are missing: Type",
        ),
        (b"Title\x00,Type\n", "log.csv", "not a CSV file"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_next_to_the_field(
    data_entry_client, content, name, message
):
    upload = io.BytesIO(content)
    upload.name = name
    response = data_entry_client.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Activity.objects.exists()


def workbook(rows, header=HEADER, edit=None):
    """An XLSX upload of `rows`; `edit` rewrites its sheet's XML, as other programs write it."""
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if edit is None:
        data = buffer.getvalue()
    else:
        source, out = zipfile.ZipFile(buffer), io.BytesIO()
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    content = edit(content.decode()).encode()
                target.writestr(item, content)
        data = out.getvalue()
    upload = io.BytesIO(data)
    upload.name = "log.xlsx"
    return upload


def test_a_workbook_whose_stored_size_is_stale_is_read_whole(data_entry_client, registries):
    # Some programs store the sheet's size once and never update it: "A1:M1", the header.
    stale = workbook(
        [GOOD, ["Another training", *GOOD[1:]]],
        edit=lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:M1"', xml),
    )
    rows = preview(data_entry_client, stale).context["result"].rows
    assert [row.cells["title"] for row in rows] == [GOOD[0], "Another training"]


def test_a_workbook_naming_a_shared_text_it_does_not_hold_is_refused_with_the_reason(
    data_entry_client, registries
):
    # Past the first rows, where the header is looked for: found while the rows are checked.
    broken = workbook(
        [[f"Training {n}", *GOOD[1:]] for n in range(20)],
        edit=lambda xml: re.sub(
            r'<c r="A20" t="inlineStr"><is><t>[^<]*</t></is></c>',
            '<c r="A20" t="s"><v>999</v></c>',
            xml,
        ),
    )
    response = data_entry_client.post(IMPORT, {"file": broken}, follow=True)
    assert response.status_code == 200
    assert response.context["job"].status == "failed"
    assert "refers to a text it does not hold" in response.content.decode()
    assert not Activity.objects.exists()


def test_a_csv_cell_too_long_to_read_is_refused_with_the_reason(data_entry_client, registries):
    long = list(GOOD)
    long[2] = "x" * 140_000
    # Found past the first rows, while the rows are checked: the job's page says why.
    rows = [[f"Training {n}", *GOOD[1:]] for n in range(20)] + [long]
    response = data_entry_client.post(IMPORT, {"file": csv_file(rows)}, follow=True)
    assert response.status_code == 200
    assert response.context["job"].status == "failed"
    assert "holds a cell longer than" in response.content.decode()
    assert not Activity.objects.exists()


def test_rows_sharing_a_day_type_and_place_each_name_the_first_five_earlier_ones(
    data_entry_client, registries
):
    # Found by key, not by comparing each row with every earlier one: 5,000 such rows
    # preview in about 6 s (bench/import_preview.py); compared pairwise, 1,000 took 100 s.
    rows = [[f"Training {n}", *GOOD[1:]] for n in range(300)]
    result = preview(data_entry_client, csv_file(rows)).context["result"]
    assert result.rows[0].status == "new"
    assert [a.title for a in result.rows[1].look_alikes] == ["Training 0"]
    for row in result.rows[5:]:
        assert [a.title for a in row.look_alikes] == [f"Training {n}" for n in range(5)]
    assert result.duplicates == 299


def test_a_confirmation_of_no_checked_upload_is_refused(data_entry_client, registries):
    unknown = reverse("admin:activities_activity_import_confirm", args=[uuid.uuid4()])
    assert data_entry_client.post(unknown).status_code == 404
    assert data_entry_client.post(IMPORT + "not-a-job/confirm/").status_code in (302, 404)
    shown = preview(data_entry_client, csv_file([GOOD]))
    saved = confirm(data_entry_client, shown)
    # The import's own job is no checked upload to import again.
    again = data_entry_client.post(saved["Location"] + "confirm/")
    assert again.status_code == 400
    assert data_entry_client.get(saved["Location"] + "confirm/").status_code == 405
    assert Activity.objects.count() == 1


def test_the_template_has_the_columns_and_two_example_rows(data_entry_client, registries):
    response = data_entry_client.get(TEMPLATE)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="activities-import')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [str(column.label) for column in importing.COLUMNS]
    assert len(rows) == 3
    # The template itself imports: its examples are good rows.
    upload = io.BytesIO()
    write_workbook(upload, sheet_name="x", header=rows[0], rows=rows[1:])
    upload.name = "template.xlsx"
    upload.seek(0)
    statuses = [r.status for r in preview(data_entry_client, upload).context["result"].rows]
    assert statuses == ["new", "new"]


def test_an_export_comes_back_in_with_every_row_a_look_alike(manager_client, registries):
    """Labels out, labels in: the export's dates, choices, roles and countries all read."""
    activity = ActivityFactory(
        title="Panel on remittances",
        activity_type=registries["type"],
        start_date=datetime.date(2011, 3, 1),
        date_precision="month",
        city="Vienna",
        country="AT",
        status="ongoing",
        prominence="headline",
        participants_total=40,
    )
    activity.thematic_areas.add(registries["area"])
    activity.roles.create(partner=registries["ilo"], role="host")
    exported = manager_client.get(reverse("activities:export-xlsx"))
    upload = io.BytesIO(b"".join(exported.streaming_content))
    upload.name = "export.xlsx"
    result = preview(manager_client, upload).context["result"]
    assert [row.status for row in result.rows] == ["duplicate"]
    row = result.rows[0]
    assert row.activity.date_precision == "month"
    assert row.activity.status == "ongoing"
    assert row.activity.prominence == "headline"
    assert row.roles == [(registries["ilo"], "host")]
    assert "Address" in result.ignored_columns


@pytest.mark.parametrize(("who", "status"), [("viewer", 403), ("anonymous", 302)])
def test_only_those_who_may_add_records_may_import(
    client, data_entry, viewer, registries, who, status
):
    clerk = Client()
    clerk.force_login(data_entry)
    job = preview(clerk, csv_file([GOOD])).context["job"]
    if who == "viewer":
        viewer.is_staff = True
        viewer.save()
        client.force_login(viewer)
    assert client.get(IMPORT).status_code == status
    assert client.get(TEMPLATE).status_code == status
    upload = csv_file([GOOD])
    assert client.post(IMPORT, {"file": upload}).status_code == status
    # Nor does a confirmation of someone else's checked upload save anything.
    confirmed = client.post(reverse("admin:activities_activity_import_confirm", args=[job.pk]))
    assert confirmed.status_code == status
    assert not Activity.objects.exists()


def test_the_changelist_offers_the_import(data_entry_client):
    page = data_entry_client.get(reverse("admin:activities_activity_changelist"))
    assert IMPORT in page.content.decode()


def test_an_imported_records_history_is_what_a_saved_one_would_have(
    data_entry_client, data_entry, registries
):
    """Written in bulk, the first history entry holds the same as history.record writes:
    the fields, the relations, and the area links, so the next change shows only itself."""
    from activities import history, services

    confirm(data_entry_client, preview(data_entry_client, csv_file([GOOD])))
    activity = Activity.objects.get()
    first = activity.history.get()
    assert (first.history_type, first.history_user) == ("+", data_entry)
    assert first.relations == history.relations_of(activity.pk)
    assert list(first.thematic_areas.values_list("thematicarea_id", flat=True)) == [
        registries["area"].pk
    ]
    assert first.version == 1 and first.title == activity.title

    activity.title = "Training on safe migration, second edition"
    services.save_activity(activity=activity, user=data_entry, based_on=1)
    latest = activity.history.order_by("-history_date", "-history_id").first()
    changed = set(latest.diff_against(first).changed_fields)
    assert "title" in changed
    assert "thematic_areas" not in changed
