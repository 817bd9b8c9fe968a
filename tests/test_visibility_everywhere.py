"""One rule on every surface: a confidential and an unapproved record appear exactly where
they may — pages, counts, charts, search, CSV, XLSX, API, the report and its export."""

import datetime
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from openpyxl import load_workbook
from rest_framework.test import APIClient

from activities import roles
from activities.models import Activity
from reports.models import AnnualReport
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    PartnerFactory,
    ReportSectionFactory,
    ThematicAreaFactory,
    make_user,
)

pytestmark = pytest.mark.django_db

MAY_2011 = datetime.date(2011, 5, 17)


@pytest.fixture
def records():
    """A public, an internal, a confidential and a draft record, alike in all but their state."""
    area = ThematicAreaFactory(name="Area under test", slug="area-under-test")
    partner = PartnerFactory(name="Partner under test", slug="partner-under-test")
    section = ReportSectionFactory(title="Awareness-raising")
    made = {}
    for name, state, visibility in [
        ("Publicwidget", "approved", "public"),
        ("Internalwidget", "approved", "internal"),
        ("Secretwidget", "approved", "confidential"),
        ("Draftwidget", "draft", "public"),
    ]:
        activity = ActivityFactory(
            title=f"{name} meeting",
            slug=name.lower(),
            summary=f"{name} summary.",
            review_state=state,
            visibility=visibility,
            start_date=MAY_2011,
            participants_total=10,
            report_section=section,
            prominence="minor",
        )
        activity.thematic_areas.add(area)
        ActivityPartnerFactory(activity=activity, partner=partner)
        made[name] = activity
    AnnualReport.objects.create(
        year=2011,
        title="Gender Coordination Report 2011",
        symbol="CRP/36",
        period_start=datetime.date(2010, 10, 1),
        period_end=datetime.date(2011, 11, 30),
    )
    return made


EXPECTED = {
    "anonymous": {"Publicwidget"},
    "viewer": {"Publicwidget", "Internalwidget"},
    "manager": {"Publicwidget", "Internalwidget", "Secretwidget", "Draftwidget"},
}
EVERY = {"Publicwidget", "Internalwidget", "Secretwidget", "Draftwidget"}
# A pending change to the public record: no surface shows it until a manager approves it.
PENDING = "Pendingwidget"


def names_in(text):
    assert PENDING not in text, "a pending change shows before it is approved"
    return {name for name in EVERY if name in text}


@pytest.fixture
def pending_change(records):
    """Data entry staff change the public record's title and summary: it waits for review."""
    from activities import workflow

    author = make_user(roles.DATA_ENTRY, username="proposer")
    public = records["Publicwidget"]
    proposed = Activity.objects.get(pk=public.pk)
    proposed.title = f"{PENDING} meeting"
    proposed.summary = f"{PENDING} summary."
    change = workflow.propose_change(
        activity=public, user=author, proposed=proposed, based_on=public.version
    )
    workflow.submit_change(change=change, user=author)
    return change


def signed_in(client, who):
    if who == "anonymous":
        return client, None
    user = make_user(roles.VIEWERS if who == "viewer" else roles.MANAGERS, username=who)
    client.force_login(user)
    return client, user


def csv_text(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def xlsx_text(response):
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return str(list(sheet.iter_rows(values_only=True)))


@pytest.mark.parametrize("who", ["anonymous", "viewer", "manager"])
def test_every_surface_shows_exactly_what_the_role_may_see(client, records, pending_change, who):
    client, user = signed_in(client, who)
    expected = EXPECTED[who]

    pages = {
        "list": client.get("/activities/").content.decode(),
        "search": client.get("/activities/?q=meeting").content.decode(),
        "area page": client.get("/areas/area-under-test/").content.decode(),
        "partner page": client.get("/partners/partner-under-test/").content.decode(),
        "csv": csv_text(client.get("/activities/export.csv")),
        "xlsx": xlsx_text(client.get("/activities/export.xlsx")),
    }
    for surface, text in pages.items():
        assert names_in(text) == expected, surface

    for name, activity in records.items():
        status = client.get(activity.get_absolute_url()).status_code
        assert (status == 200) == (name in expected), (name, status)

    # Counts and charts: the list's count and the dashboard's totals.
    assert client.get("/activities/").context["paginator"].count == len(expected)
    # The dashboard's charts count approved records; a manager sees the draft apart.
    dashboard = client.get("/?year=2011").context
    approved = expected - {"Draftwidget"}
    assert dashboard["count"] == len(approved)
    assert dashboard["participants_total"] == 10 * len(approved)
    areas_chart = next(c for c in dashboard["charts"] if c.key == "areas")
    assert [b.value for b in areas_chart.bars] == [len(approved)]
    in_review = [(str(label), n) for label, n, _url in dashboard.get("in_review", [])]
    assert in_review == ([("Draft", 1)] if "Draftwidget" in expected else [])

    api = APIClient()
    if user is not None:
        api.force_authenticate(user)
    listed = api.get("/api/activities/").json()
    assert listed["count"] == len(expected)
    assert {r["title"].split()[0] for r in listed["results"]} == expected
    for name in EVERY:
        status = api.get(f"/api/activities/{name.lower()}/").status_code
        assert (status == 200) == (name in expected), (name, status)


@pytest.mark.parametrize("who", ["anonymous", "viewer", "manager"])
def test_the_report_holds_only_published_records_whoever_reads_it(
    client, records, pending_change, who
):
    client, user = signed_in(client, who)
    if who == "manager":
        page = client.get("/reports/2011/").content.decode()
        # The report itself; the completeness check beside it names every record, for them.
        page = page.split("<!-- report -->")[1].split("<!-- /report -->")[0]
        export = client.get("/reports/2011/export.html").content.decode()
        assert names_in(page) == {"Publicwidget"}
        assert names_in(export) == {"Publicwidget"}
    else:
        # A draft report is the managers' until it is issued.
        assert client.get("/reports/2011/").status_code == 404


def test_the_issued_report_never_shows_unpublished_records(client, records):
    from reports import services

    manager = make_user(roles.MANAGERS, username="issuer")
    services.mark_final(report=AnnualReport.objects.get(year=2011), user=manager)
    for text in (
        client.get("/reports/2011/").content.decode(),
        client.get("/reports/2011/export.html").content.decode(),
    ):
        assert names_in(text) == {"Publicwidget"}


def test_the_rule_itself_agrees_with_the_surfaces(records):
    assert set(Activity.objects.visible_to(AnonymousUser()).values_list("slug", flat=True)) == {
        "publicwidget"
    }


def test_an_approved_change_shows_everywhere_the_record_does(client, records, pending_change):
    from activities import workflow

    manager = make_user(roles.MANAGERS, username="approver")
    workflow.approve(activity=records["Publicwidget"], user=manager)
    for url in ["/activities/", "/activities/publicwidget/", "/api/activities/publicwidget/"]:
        assert PENDING in client.get(url).content.decode(), url


@pytest.mark.parametrize(
    ("who", "named"),
    [
        ("data entry", {"Publicwidget", "Internalwidget", "Draftwidget"}),
        ("manager", EVERY),
    ],
)
def test_the_import_preview_names_only_look_alikes_the_importer_may_see(
    client, records, who, named
):
    """Every record's title comes back in a file; the preview names only those one may see."""
    import io

    user = make_user(
        roles.DATA_ENTRY if who == "data entry" else roles.MANAGERS, username="importer"
    )
    client.force_login(user)
    activity_type = records["Publicwidget"].activity_type.name
    lines = ["Title,Type,Summary,Start date"] + [
        f"{name} meeting,{activity_type},Again.,17/05/2011" for name in sorted(EVERY)
    ]
    upload = io.BytesIO("\n".join(lines).encode())
    upload.name = "again.csv"
    # The file is kept and checked in the background (at once in the tests); the job's page
    # shows the preview.
    response = client.post("/admin/activities/activity/import/", {"file": upload}, follow=True)
    assert response.status_code == 200
    rows = response.context["result"].rows
    shown = {other.title.split()[0] for row in rows for other in row.look_alikes}
    assert shown == named
    # The page itself: the file's own titles are in it, but no link to a hidden record.
    page = response.content.decode()
    for name, activity in records.items():
        link = f"/admin/activities/activity/{activity.pk}/change/"
        assert (link in page) == (name in named), name
