"""The report pages: a list, one report in the site's layout, drafts for managers only."""

import pytest
from django.urls import reverse

from reports import services
from tests.reports.conftest import AnnualReportFactory, spaced

pytestmark = pytest.mark.django_db

LIST = reverse("reports:index")


def page(year=2011):
    return reverse("reports:detail", kwargs={"year": year})


def export(year=2011):
    return reverse("reports:export", kwargs={"year": year})


def test_the_list_shows_final_reports_to_everyone_and_drafts_to_managers(
    small_report, manager, client, viewer
):
    AnnualReportFactory(year=2012, title="Gender Coordination Report 2012", symbol="CRP/40")
    services.mark_final(report=small_report, user=manager)
    anonymous = client.get(LIST).content.decode()
    assert "Gender Coordination Report 2011" in anonymous
    assert "1 October 2010 to 30 November 2011" in anonymous
    assert "Gender Coordination Report 2012" not in anonymous
    client.force_login(viewer)
    assert "Gender Coordination Report 2012" not in client.get(LIST).content.decode()
    client.force_login(manager)
    assert "Gender Coordination Report 2012" in client.get(LIST).content.decode()


@pytest.mark.parametrize("url", [page(1999), export(1999), page(99999999999)])
def test_an_unknown_year_is_not_found(small_report, manager_client, url):
    assert manager_client.get(url).status_code == 404


@pytest.mark.parametrize("who", [None, "viewer", "data_entry", "no_role_user"])
def test_a_draft_is_hidden_from_everyone_but_managers(small_report, client, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    assert client.get(page()).status_code == 404
    assert client.get(export()).status_code == 404
    assert "Gender Coordination Report 2011" not in client.get(LIST).content.decode()


def test_a_final_report_is_public_in_the_sites_layout(small_report, manager, client):
    services.mark_final(report=small_report, user=manager)
    response = client.get(page())
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert '<h1 class="report-title">Gender Coordination Report 2011</h1>' in html
    assert "labour migration (Vienna, 17 and 18 May 2011)." in spaced(html)
    assert "Issued on" in html
    assert "Mark final" not in html and "Reopen" not in html
    assert client.get(export()).status_code == 200


def test_managers_see_beside_each_paragraph_the_records_it_was_built_from(
    small_report, manager_client
):
    html = manager_client.get(page()).content.decode()
    assert html.count('class="trace"') == 2
    assert 'Built from: <a href="/activities/vienna-training/">' in html
    assert 'Built from: <a href="/activities/information-sheets/">' in html
    assert "Mark final" in html


def test_managers_mark_a_report_final_from_its_page(small_report, manager_client):
    response = manager_client.post(
        reverse("reports:mark-final", kwargs={"year": 2011}), {"confirm": "yes"}, follow=True
    )
    html = response.content.decode()
    assert "The report is final" in html
    assert "Reopen as a draft" in html
    assert 'class="trace"' not in html


def test_the_site_navigation_links_to_the_reports(client, db):
    response = client.get(LIST)
    assert response.status_code == 200
    assert f'<a href="{LIST}" aria-current="page">Reports</a>' in response.content.decode()


def test_the_list_offers_each_report_in_its_three_formats(small_report, manager, client):
    services.mark_final(report=small_report, user=manager)
    page = client.get(reverse("reports:index")).content.decode()
    for name in ("export", "export-docx", "export-pdf"):
        assert reverse(f"reports:{name}", args=[small_report.year]) in page
