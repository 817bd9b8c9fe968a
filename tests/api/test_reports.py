"""The reports endpoint lists final reports for everyone and drafts for managers too."""

import datetime

import pytest
from django.utils import timezone

from reports.models import AnnualReport, ReportState

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports():
    final = AnnualReport.objects.create(
        year=2011,
        title="Gender Coordination Report 2011",
        symbol="CRP/36",
        period_start=datetime.date(2010, 10, 1),
        period_end=datetime.date(2011, 12, 31),
        state=ReportState.FINAL,
        frozen_at=timezone.now(),
        frozen_html="<p>As issued</p>",
    )
    draft = AnnualReport.objects.create(
        year=2012,
        title="Gender Coordination Report 2012",
        symbol="CRP/37",
        period_start=datetime.date(2012, 1, 1),
        period_end=datetime.date(2012, 12, 31),
    )
    return final, draft


def years(client):
    response = client.get("/api/reports/")
    assert response.status_code == 200
    return [row["year"] for row in response.json()["results"]]


@pytest.mark.parametrize("client_name", ["api", "viewer_api", "data_entry_api"])
def test_everyone_reads_final_reports_only(request, client_name, reports):
    client = request.getfixturevalue(client_name)
    assert years(client) == [2011]
    assert client.get("/api/reports/2012/").status_code == 404


def test_managers_also_read_drafts(manager_api, reports):
    assert years(manager_api) == [2012, 2011]
    assert manager_api.get("/api/reports/2012/").json()["state"] == "draft"


def test_a_report_gives_its_period_and_links_to_its_page_and_file(api, reports):
    assert api.get("/api/reports/2011/").json() == {
        "year": 2011,
        "title": "Gender Coordination Report 2011",
        "symbol": "CRP/36",
        "language": "en",
        "period_start": "2010-10-01",
        "period_end": "2011-12-31",
        "period": "1 October 2010 to 31 December 2011",
        "state": "final",
        "page_url": "http://testserver/reports/2011/",
        "export_url": "http://testserver/reports/2011/export.html",
        "docx_url": "http://testserver/reports/2011/export.docx",
        "pdf_url": "http://testserver/reports/2011/export.pdf",
    }


def test_reports_are_read_only_even_for_managers(manager_api, reports):
    assert manager_api.post("/api/reports/", {"year": 2013}).status_code == 405
    assert manager_api.delete("/api/reports/2011/").status_code == 405
    assert manager_api.get("/api/reports/2011/").status_code == 200
    assert manager_api.get("/api/reports/2013/").status_code == 404
