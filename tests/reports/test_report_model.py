"""A report's own rules: a period that runs forwards, one report a year, a symbol, roles."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from activities import roles
from activities.models import ReportSection
from reports.models import AnnualReport
from tests.reports.conftest import AnnualReportFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "year": "2011",
        "title": "Gender Coordination Report 2011",
        "symbol": "CRP/36",
        "period_start": "2010-10-01",
        "period_end": "2011-11-30",
        "introduction": "The Unit worked.",
        "heading_numbering": "roman",
        "number_paragraphs": "on",
        "introduction_title": "Introduction",
        "areas_sentence": "In the reporting period, the Unit concentrated on these thematic areas:",
        "others_title": "Others",
        "others_sentence": "The Unit also carried out the following activities:",
        "reach_sentence": "Since it began, the initiative has reached {count} {label}.",
        "headings-TOTAL_FORMS": "0",
        "headings-INITIAL_FORMS": "0",
        "initiative_texts-TOTAL_FORMS": "0",
        "initiative_texts-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_a_period_that_ends_before_it_starts_is_refused_next_to_the_field():
    report = AnnualReportFactory.build(period_end=datetime.date(2010, 9, 30))
    with pytest.raises(ValidationError) as raised:
        report.full_clean()
    assert raised.value.message_dict == {
        "period_end": ["The reporting period cannot end before it starts."]
    }


def test_the_database_refuses_a_period_that_ends_before_it_starts():
    with pytest.raises(IntegrityError, match="annualreport_period_end_not_before_start"):
        AnnualReportFactory(period_end=datetime.date(2010, 9, 30))


def test_there_is_one_report_a_year():
    AnnualReportFactory()
    with pytest.raises(ValidationError) as raised:
        AnnualReportFactory.build().full_clean()
    assert raised.value.message_dict == {"year": ["There is already a report for this year."]}
    with transaction.atomic(), pytest.raises(IntegrityError):
        AnnualReportFactory()


def test_the_database_keeps_final_reports_frozen():
    with pytest.raises(IntegrityError, match="annualreport_final_is_frozen"):
        AnnualReportFactory(state="final")


def test_a_symbol_is_required():
    with pytest.raises(ValidationError) as raised:
        AnnualReportFactory.build(symbol="").full_clean()
    assert list(raised.value.message_dict) == ["symbol"]


def test_the_admin_form_says_what_is_wrong_next_to_the_field(manager_client):
    response = manager_client.post(
        reverse("admin:reports_annualreport_add"), form_data(period_end="2010-01-01")
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["period_end"] == ["The reporting period cannot end before it starts."]
    assert not AnnualReport.objects.exists()


def test_managers_compose_a_report_in_the_admin(manager_client):
    response = manager_client.post(reverse("admin:reports_annualreport_add"), form_data())
    assert response.status_code == 302
    report = AnnualReport.objects.get()
    assert (str(report), report.state) == ("Gender Coordination Report 2011 (CRP/36)", "draft")
    assert report.get_absolute_url() == "/reports/2011/"
    assert report.history.count() == 1
    # Composed with no heading of its own, it gets one for every report section.
    assert report.headings.count() == ReportSection.objects.count()


def test_managers_may_do_everything_with_reports_and_viewers_may_read_them():
    managers = set(
        Group.objects.get(name=roles.MANAGERS).permissions.values_list("codename", flat=True)
    )
    viewers = set(
        Group.objects.get(name=roles.VIEWERS).permissions.values_list("codename", flat=True)
    )
    data_entry = set(
        Group.objects.get(name=roles.DATA_ENTRY).permissions.values_list("codename", flat=True)
    )
    for action in ["add", "change", "delete", "view"]:
        assert f"{action}_annualreport" in managers
    assert {"view_annualreport", "view_historicalannualreport"} <= viewers
    assert not {"add_annualreport", "change_annualreport", "delete_annualreport"} & viewers
    assert not {c for c in data_entry if c.endswith("annualreport")}
