"""Building the report runs the same few queries however many activities it holds."""

import datetime

import pytest
from django.urls import reverse

from reports import services
from reports.builder import build_report
from reports.export import render_export
from tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    ReportSectionFactory,
    ThematicAreaFactory,
)
from tests.reports.conftest import AnnualReportFactory

pytestmark = pytest.mark.django_db


def report_with(count):
    """A report over `count` activities of every kind: headline, paragraph, minor, initiatives."""
    sections = [ReportSectionFactory() for _ in range(3)]
    broad = ThematicAreaFactory()
    areas = [broad, ThematicAreaFactory(parent=broad), ThematicAreaFactory()]
    initiatives = [InitiativeFactory(cumulative_label="women trained") for _ in range(2)]
    prominences = ["headline", "paragraph", "minor"]
    for n in range(count):
        activity = ActivityFactory(
            report_section=sections[n % 3],
            prominence=prominences[n % 3],
            initiative=initiatives[n % 2] if n % 4 == 0 else None,
            start_date=datetime.date(2011, 1 + n % 10, 1 + n % 27),
            city="Vienna",
            participants_total=10,
        )
        activity.thematic_areas.set(areas[: 1 + n % 3])
    return AnnualReportFactory()


# 1 activities with their section and initiative, 1 thematic areas marked as worked on,
# 1 participants reached per initiative, 1 the report's headings, 1 their sections,
# 1 the report's own paragraphs for initiatives, 1 the headings that state figures (none
# here; the network and commitments would add one query each, tests/network/)
BUILD_QUERIES = 7


@pytest.mark.parametrize("count", [5, 50])
def test_building_the_report_runs_six_queries(django_assert_num_queries, count):
    report = report_with(count)
    with django_assert_num_queries(BUILD_QUERIES):
        document = build_report(report)
    assert len(document.paragraphs) > 1


@pytest.mark.parametrize("count", [5, 50])
def test_exporting_the_report_runs_the_same_queries(django_assert_num_queries, count):
    report = report_with(count)
    with django_assert_num_queries(BUILD_QUERIES):
        render_export(report)


@pytest.mark.parametrize("count", [5, 50])
def test_the_page_for_a_manager_runs_a_fixed_number_of_queries(
    manager_client, django_assert_num_queries, count
):
    report_with(count)
    # 1 session, 1 user, 1 the user's roles, 1 the report, then the six of the build,
    # 1 its issued versions, and the completeness check: 1 the headings' sections,
    # 1 the activities of the period, 1 their pending changes, 1 the initiative paragraphs
    with django_assert_num_queries(4 + BUILD_QUERIES + 1 + 4):
        response = manager_client.get(reverse("reports:detail", kwargs={"year": 2011}))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 50])
def test_the_download_runs_a_fixed_number_of_queries(
    manager_client, django_assert_num_queries, count
):
    report_with(count)
    with django_assert_num_queries(4 + BUILD_QUERIES):
        response = manager_client.get(reverse("reports:export", kwargs={"year": 2011}))
    assert response.status_code == 200


def test_an_issued_report_is_served_with_one_query(client, manager, django_assert_num_queries):
    services.mark_final(report=report_with(5), user=manager)
    # 1 the report with its issued HTML
    with django_assert_num_queries(1):
        response = client.get(reverse("reports:export", kwargs={"year": 2011}))
    assert response.status_code == 200
