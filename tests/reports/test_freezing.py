"""A final report is served as issued; only a manager may issue or reopen it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from activities.models import Activity
from reports import services
from reports.models import AnnualReport, ReportState
from tests.reports.conftest import spaced

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:reports_annualreport_changelist")


def export_url(year=2011):
    return reverse("reports:export", kwargs={"year": year})


def page_url(year=2011):
    return reverse("reports:detail", kwargs={"year": year})


def test_marking_final_stores_the_export(small_report, manager, manager_client):
    live = manager_client.get(export_url()).content
    services.mark_final(report=small_report, user=manager)
    small_report.refresh_from_db()
    assert small_report.state == ReportState.FINAL
    assert small_report.frozen_at is not None
    assert small_report.frozen_html.encode() == live


def test_later_edits_to_records_do_not_change_an_issued_report(small_report, manager, client):
    services.mark_final(report=small_report, user=manager)
    issued = client.get(export_url()).content
    page = client.get(page_url()).content.decode()
    assert "(Vienna, 17 and 18 May 2011)" in spaced(page)

    Activity.objects.filter(slug="vienna-training").update(
        city="Graz", summary="Rewritten after the report was issued."
    )
    Activity.objects.filter(slug="information-sheets").update(visibility="internal")

    assert client.get(export_url()).content == issued
    page = client.get(page_url()).content.decode()
    assert "(Vienna, 17 and 18 May 2011)" in spaced(page)
    assert "Graz" not in page
    assert "The Unit prepared information sheets." in page


def test_reopening_makes_the_report_follow_the_records_again(small_report, manager, manager_client):
    services.mark_final(report=small_report, user=manager)
    Activity.objects.filter(slug="vienna-training").update(city="Graz")
    response = manager_client.post(reverse("reports:reopen", kwargs={"year": 2011}))
    assert response.status_code == 302
    small_report.refresh_from_db()
    assert (small_report.state, small_report.frozen_html, small_report.frozen_at) == (
        ReportState.DRAFT,
        "",
        None,
    )
    assert "(Graz, 17 and 18 May 2011)" in spaced(manager_client.get(export_url()).content)


def test_the_issued_html_stays_in_the_history_after_reopening(small_report, manager):
    services.mark_final(report=small_report, user=manager)
    issued = AnnualReport.objects.get().frozen_html
    services.reopen(report=small_report, user=manager)
    kept = small_report.history.filter(state=ReportState.FINAL).latest("history_date")
    assert kept.frozen_html == issued
    assert kept.history_user == manager
    assert kept.history_change_reason == "Issued (issue 1)"


@pytest.mark.parametrize("role", ["viewer", "data_entry"])
def test_only_managers_mark_a_report_final(small_report, client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("reports:mark-final", kwargs={"year": 2011}))
    assert response.status_code == 403
    assert AnnualReport.objects.get().state == ReportState.DRAFT
    with pytest.raises(PermissionDenied):
        services.mark_final(report=small_report, user=request.getfixturevalue(role))


@pytest.mark.parametrize("role", ["viewer", "data_entry", None])
def test_only_managers_reopen_a_report(small_report, manager, client, request, role):
    services.mark_final(report=small_report, user=manager)
    if role:
        client.force_login(request.getfixturevalue(role))
    response = client.post(reverse("reports:reopen", kwargs={"year": 2011}))
    assert response.status_code == 403
    assert AnnualReport.objects.get().state == ReportState.FINAL


def test_issuing_asks_first_and_shows_what_the_report_leaves_out(small_report, manager_client):
    from tests.factories import ActivityFactory

    ActivityFactory(
        title="A draft of May", review_state="draft", start_date=small_report.period_end
    )
    url = reverse("reports:mark-final", kwargs={"year": 2011})
    question = manager_client.get(url)
    assert question.status_code == 200
    page = question.content.decode()
    assert "Issue the report" in page
    assert "A draft of May" in page and "Still a draft" in page
    assert manager_client.post(url).status_code == 200  # no confirmation, no issue
    assert AnnualReport.objects.get().state == ReportState.DRAFT
    manager_client.post(url, {"confirm": "yes"})
    assert AnnualReport.objects.get().state == ReportState.FINAL


def test_managers_issue_and_reopen_from_the_admin(small_report, manager_client):
    pk = small_report.pk
    response = manager_client.post(
        CHANGELIST, {"action": "mark_final", "_selected_action": [pk]}, follow=True
    )
    assert "1 report marked final." in response.content.decode()
    assert AnnualReport.objects.get().is_final
    manager_client.post(CHANGELIST, {"action": "reopen", "_selected_action": [pk]})
    assert not AnnualReport.objects.get().is_final


def test_viewers_have_no_issue_actions_in_the_admin(small_report, client, viewer):
    client.force_login(viewer)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert b"mark_final" not in response.content
    client.post(CHANGELIST, {"action": "mark_final", "_selected_action": [small_report.pk]})
    assert not AnnualReport.objects.get().is_final


def test_data_entry_cannot_open_reports_in_the_admin(small_report, data_entry_client):
    assert data_entry_client.get(CHANGELIST).status_code == 403


def test_an_issued_report_cannot_be_edited_in_the_admin_until_reopened(
    small_report, manager, manager_client
):
    services.mark_final(report=small_report, user=manager)
    change = reverse("admin:reports_annualreport_change", args=[small_report.pk])
    form = manager_client.get(change).context["adminform"].form
    assert "introduction" not in form.fields
