"""CSV and XLSX exports hold exactly the rows of the filtered list."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    ActivityTypeFactory,
    EventFactory,
    InitiativeFactory,
    OutputFactory,
    PartnerFactory,
    ReportSectionFactory,
)

pytestmark = pytest.mark.django_db

CSV = reverse("activities:export-csv")
XLSX = reverse("activities:export-xlsx")


def csv_rows(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response):
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def activities():
    vienna = ActivityFactory(
        title="Training in Vienna",
        start_date=datetime.date(2011, 5, 17),
        end_date=datetime.date(2011, 5, 18),
        city="Vienna",
        country="AT",
        participants_total=24,
    )
    ActivityPartnerFactory(
        activity=vienna,
        partner=PartnerFactory(name="International Labour Organization"),
        role="co_organiser",
    )
    ActivityFactory(title="Meeting in 2010", start_date=datetime.date(2010, 10, 18))
    ActivityFactory(title="Secret", visibility="confidential", start_date=datetime.date(2011, 6, 1))
    ActivityFactory(title="Draft", review_state="draft", start_date=datetime.date(2011, 6, 1))


def test_the_csv_is_streamed_with_the_lists_rows(client, activities):
    response = client.get(CSV, {"year": "2011"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert f'filename="activities-2011-{today}.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:4] == ["Title", "Address", "Type", "Dates"]
    assert [r[0] for r in rows[1:]] == ["Training in Vienna"]
    vienna = dict(zip(rows[0], rows[1], strict=True))
    assert vienna["Dates"] == "17 and 18 May 2011"
    assert vienna["Country"] == "Austria"
    assert vienna["Partners and roles"] == "International Labour Organization (Co-organiser)"
    assert vienna["Participants"] == "24"
    assert vienna["Address"].endswith(
        "/activities/activity-" + vienna["Address"].split("activity-")[-1]
    )


def test_exports_follow_the_list_order_and_filters(client, activities):
    listed = [a.title for a in client.get(reverse("activities:list")).context["activities"]]
    assert [r[0] for r in csv_rows(client.get(CSV))[1:]] == listed
    assert [r[0] for r in xlsx_rows(client.get(XLSX))[1:]] == listed


def test_the_xlsx_has_the_same_rows_as_the_csv(client, activities):
    response = client.get(XLSX, {"q": "Vienna"})
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    rows = xlsx_rows(response)
    table = csv_rows(client.get(CSV, {"q": "Vienna"}))
    assert rows[0] == table[0]
    assert len(rows) == len(table) > 1
    for sheet_row, csv_row in zip(rows[1:], table[1:], strict=True):
        # The same cells; in the workbook dates are dates and counts numbers.
        as_text = [
            value.date().isoformat()
            if hasattr(value, "date")
            else ""
            if value is None
            else str(value)
            for value in sheet_row
        ]
        assert as_text == csv_row
    assert isinstance(rows[1][table[0].index("Start date")], datetime.datetime)


def test_confidential_and_unapproved_rows_never_reach_a_public_export(client, activities):
    for rows in (csv_rows(client.get(CSV)), xlsx_rows(client.get(XLSX))):
        text = str(rows)
        assert "Secret" not in text
        assert "Draft" not in text
        assert "Review state" not in text


def test_managers_export_everything_with_the_review_columns(client, manager, activities):
    client.force_login(manager)
    rows = csv_rows(client.get(CSV))
    assert rows[0][-2:] == ["Review state", "Visibility"]
    assert {r[0] for r in rows[1:]} == {"Training in Vienna", "Meeting in 2010", "Secret", "Draft"}


def test_text_that_looks_like_a_formula_is_neutralised(client):
    ActivityFactory(title='=HYPERLINK("http://example.com")')
    rows = csv_rows(client.get(CSV))
    assert rows[1][0].startswith("'=")


def test_the_columns_a_manager_compiling_the_report_needs_with_labels_not_codes(client, manager):
    activity = ActivityFactory(
        title="Training in Skopje",
        summary="Two days on *labour migration*.",
        start_date=datetime.date(2011, 5, 1),
        date_precision="month",
        status="ongoing",
        initiative=InitiativeFactory(title="Gender and migration initiative"),
        report_section=ReportSectionFactory(title="Capacity-building"),
        prominence="minor",
        visibility="internal",
    )
    OutputFactory(
        activity=activity,
        title="Training handbook",
        kind="course",
        issued_on=datetime.date(2011, 6, 1),
        date_precision="month",
    )
    client.force_login(manager)
    for rows in (csv_rows(client.get(CSV)), xlsx_rows(client.get(XLSX))):
        row = dict(zip(rows[0], rows[1], strict=True))
        assert row["Dated to the"] == "Month"
        assert row["Status"] == "Ongoing"
        assert row["Review state"] == "Approved"
        assert row["Visibility"] == "Internal"
        assert row["Initiative"] == "Gender and migration initiative"
        assert row["Report section"] == "Capacity-building"
        assert row["Placement in the report"] == "Minor, under “Others”"
        assert row["Summary"] == "Two days on *labour migration*."
        assert row["Outputs"] == "Training handbook (Course or training material, June 2011)"
        assert row["Dates"] == "May 2011"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({}, "activities-{today}"),
        (
            {"year": "2011", "thematic_area": "psea", "sort": "title", "page": "2"},
            "activities-2011-psea-{today}",
        ),
        ({"q": "Réfugiés / ÉTÉ"}, "activities-refugies-ete-{today}"),
        ({"country": "CH", "status": "ongoing"}, "activities-ch-ongoing-{today}"),
    ],
)
def test_the_file_name_says_what_the_rows_are_and_when_they_were_taken(client, query, name):
    from activities.models import ThematicArea

    ThematicArea.objects.get_or_create(slug="psea", defaults={"name": "PSEA"})
    ActivityFactory(country="CH", status="ongoing")  # a country the filter offers
    today = timezone.localdate().isoformat()
    response = client.get(XLSX, query)
    assert response.status_code == 200
    assert f'filename="{name.format(today=today)}.xlsx"' in response["Content-Disposition"]


def test_the_csv_has_exactly_the_bytes_csv_writer_gives_for_awkward_text(client, manager):
    """The CSV is written field by field without the csv module: for text with quotes,
    commas, line breaks and formula starts it must still be what csv.writer writes."""
    import csv as csv_module

    from django.test import RequestFactory

    from web import exports

    awkward = [
        ('Say "hello", then leave', "Line one\nline two", "Geneva, CH"),
        ("Carriage\rreturn", 'Only "quotes"', ""),
        ("=SUM(A1)", "+1, -2\r\nand @three", "-Vienna"),
        ("Plain", "Ünïcödé — «guillemets», ‘quotes’", "São Paulo"),
        (",", '"', "\n"),
    ]
    office = PartnerFactory(name='UN "Women", Office')
    for title, summary, city in awkward:
        activity = ActivityFactory(title=title, summary=summary, city=city)
        ActivityPartnerFactory(activity=activity, partner=office)
        OutputFactory(activity=activity, title="Guide, second edition")
    ActivityFactory(initiative=InitiativeFactory(title='The "initiative"'), participants_total=7)
    # Registry names are written once for the whole file: guarded and quoted all the same.
    ActivityFactory(
        activity_type=ActivityTypeFactory(name="-Type, with a comma", slug="odd-type"),
        event=EventFactory(name='=Forum "Vienna"'),
        report_section=ReportSectionFactory(title="@Section\none"),
    )

    client.force_login(manager)
    served = b"".join(client.get(CSV).streaming_content).decode("utf-8")

    from web.views import filtered_activities

    request = RequestFactory().get(CSV)
    request.user = manager
    _filters, queryset = filtered_activities(request)
    expected = io.StringIO()
    expected.write("\ufeff")
    writer = csv_module.writer(expected)
    writer.writerow([name for name, _width in exports.header(True)])
    writer.writerows(exports.rows(queryset.prefetch_related(None), request, True))
    assert served == expected.getvalue()
    assert len(csv_rows(client.get(CSV))) == 8
    assert "'-Type, with a comma" in served and '\'=Forum ""Vienna""' in served
