import datetime

import factory
import pytest

from reports.models import AnnualReport
from tests.factories import ActivityFactory, ReportSectionFactory


def spaced(text):
    """Report text with its no-break spaces (dates hold together) read as plain spaces."""
    if isinstance(text, bytes):
        text = text.decode()
    return str(text).replace("&nbsp;", " ").replace("\u00a0", " ")


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport
        skip_postgeneration_save = True

    year = 2011
    title = factory.LazyAttribute(lambda report: f"Gender Coordination Report {report.year}")
    symbol = "CRP/36"
    period_start = datetime.date(2010, 10, 1)
    period_end = datetime.date(2011, 11, 30)
    introduction = "The Unit worked on gender and migration.\n\nIt did so with many partners."

    @factory.post_generation
    def headings(self, create, extracted, **kwargs):
        """Its own heading for every report section, as the admin gives a new report."""
        if create and extracted is not False:
            from reports.services import default_headings

            default_headings(self)


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
