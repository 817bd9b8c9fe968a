import datetime

import factory
import pytest

from reports.models import AnnualReport
from tests.factories import ActivityFactory, ReportSectionFactory


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport

    year = 2011
    title = factory.LazyAttribute(lambda report: f"Gender Coordination Report {report.year}")
    symbol = "CRP/36"
    period_start = datetime.date(2010, 10, 1)
    period_end = datetime.date(2011, 11, 30)
    introduction = "The Unit worked on gender and migration.\n\nIt did so with many partners."


@pytest.fixture
def small_report(db):
    """A 2011 draft over two published activities: a headline item and a bullet in Vienna."""
    section = ReportSectionFactory(title="Awareness-raising activities")
    ActivityFactory(
        slug="information-sheets",
        title="Information sheets",
        summary="The Unit prepared information sheets.",
        report_section=section,
        prominence="headline",
        start_date=datetime.date(2011, 1, 1),
        date_precision="year",
    )
    ActivityFactory(
        slug="vienna-training",
        title="Training on gender and labour migration",
        summary="The Unit helped run a training on gender and labour migration.",
        report_section=section,
        prominence="minor",
        start_date=datetime.date(2011, 5, 17),
        end_date=datetime.date(2011, 5, 18),
        city="Vienna",
        country="AT",
    )
    return AnnualReportFactory()
