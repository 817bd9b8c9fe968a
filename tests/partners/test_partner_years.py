"""Partners across years: activities co-organised, taken part in or funded, per year."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from tests.factories import ActivityFactory, ActivityPartnerFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def work():
    ilo = PartnerFactory(name="International Labour Organization")
    donor = PartnerFactory(name="A donor")
    first = ActivityFactory(start_date=datetime.date(2011, 3, 1))
    ActivityPartnerFactory(activity=first, partner=ilo, role="organiser")
    ActivityPartnerFactory(activity=first, partner=ilo, role="host")
    ActivityPartnerFactory(activity=first, partner=donor, role="funder")
    second = ActivityFactory(start_date=datetime.date(2012, 3, 1))
    ActivityPartnerFactory(activity=second, partner=ilo, role="participant")
    secret = ActivityFactory(start_date=datetime.date(2012, 4, 1), visibility="confidential")
    ActivityPartnerFactory(activity=secret, partner=ilo, role="funder")


def test_each_partner_year_by_year_as_the_reader_may_see_it(client, viewer, work):
    client.force_login(viewer)
    page = client.get("/partners-by-year/").content.decode()
    assert "International Labour Organization" in page
    from web.partner_years import partner_years

    rows = [(name, year, dict(groups)) for name, year, groups in partner_years(viewer)]
    assert rows == [
        ("A donor", 2011, {"co_organised": 0, "took_part": 0, "funded": 1}),
        # Organiser and host of the same activity: one activity co-organised.
        (
            "International Labour Organization",
            2011,
            {"co_organised": 1, "took_part": 0, "funded": 0},
        ),
        (
            "International Labour Organization",
            2012,
            {"co_organised": 0, "took_part": 1, "funded": 0},
        ),
    ]


def test_the_export_has_the_same_rows(client, viewer, work):
    client.force_login(viewer)
    response = client.get("/partners-by-year/export.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Partner", "Year", "Co-organised", "Took part", "Funded")
    assert rows[1:] == [
        ("A donor", 2011, 0, 0, 1),
        ("International Labour Organization", 2011, 1, 0, 0),
        ("International Labour Organization", 2012, 0, 1, 0),
    ]


def test_the_page_is_for_staff_in_a_role_and_linked_from_partner_pages(
    client, no_role_user, manager, work
):
    assert client.get("/partners-by-year/").status_code == 302
    client.force_login(no_role_user)
    assert client.get("/partners-by-year/").status_code == 403
    client.force_login(manager)
    from partners.models import Partner

    slug = Partner.objects.get(name="A donor").slug
    assert "/partners-by-year/" in client.get(f"/partners/{slug}/").content.decode()
