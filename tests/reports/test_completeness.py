"""Before issue, the draft lists every record of the period it leaves out or prints incompletely."""

import datetime

import pytest
from django.urls import reverse

from activities import workflow
from activities.models import Activity
from reports.completeness import check
from tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    ReportSectionFactory,
    make_user,
)
from tests.reports.conftest import AnnualReportFactory

pytestmark = pytest.mark.django_db

MAY = datetime.date(2011, 5, 17)


@pytest.fixture
def report():
    section = ReportSectionFactory(title="Awareness-raising")
    report = AnnualReportFactory()
    ActivityFactory(title="Complete", report_section=section, city="Vienna", start_date=MAY)
    return report


def reasons(report):
    return {(gap.title, gap.reason) for gap in check(report).gaps}


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"review_state": "draft"}, "draft"),
        ({"review_state": "submitted"}, "submitted"),
        ({"review_state": "returned"}, "returned"),
        ({"visibility": "internal"}, "internal"),
        ({"visibility": "confidential"}, "confidential"),
        ({"report_section": None}, "no_section"),
        ({"prominence": "minor", "city": "", "country": ""}, "no_place"),
        ({"prominence": "minor", "city": "Vienna", "date_precision": "year"}, "year_only"),
    ],
)
def test_each_reason_is_named(report, values, reason):
    section = report.headings.first().sections.first()
    fields = {"report_section": section, "city": "Geneva", "start_date": MAY, **values}
    ActivityFactory(title="Under test", **fields)
    assert reasons(report) == {("Under test", reason)}


def test_a_section_under_no_heading_is_named(report):
    orphan = ReportSectionFactory(title="Created after the report's headings")
    ActivityFactory(title="Filed there", report_section=orphan, start_date=MAY)
    assert reasons(report) == {("Filed there", "no_heading")}


def test_a_pending_change_is_named_and_the_approved_text_printed(report, manager):
    activity = Activity.objects.get(title="Complete")
    author = make_user("Data entry", username="author")
    proposed = Activity.objects.get(pk=activity.pk)
    proposed.summary = "A proposed summary."
    workflow.propose_change(activity=activity, user=author, proposed=proposed, based_on=1)
    assert reasons(report) == {("Complete", "pending")}


def test_a_record_without_a_count_in_a_counting_initiative_is_named(report):
    initiative = InitiativeFactory(cumulative_label="women trained")
    section = report.headings.first().sections.first()
    ActivityFactory(
        title="Uncounted workshop",
        initiative=initiative,
        report_section=section,
        start_date=MAY,
        city="Vienna",
    )
    assert reasons(report) == {("Uncounted workshop", "no_count")}


def test_records_outside_the_period_are_not_named(report):
    ActivityFactory(title="Long before", review_state="draft", start_date=datetime.date(2001, 1, 1))
    assert reasons(report) == set()


def test_the_draft_page_shows_the_check_with_counts_and_links(report, manager_client):
    draft = ActivityFactory(title="A waiting draft", review_state="draft", start_date=MAY)
    page = manager_client.get(reverse("reports:detail", kwargs={"year": 2011})).content.decode()
    assert "Before it is issued" in page
    assert "1 record of the period is left out" in page
    assert "<strong>1</strong> · Still a draft" in page
    assert f'href="/admin/activities/activity/{draft.pk}/change/"' in page
