"""How the builder tells records it is given: initiatives, narrower areas, bare bullets."""

import datetime

import pytest

from reports.builder import build_report
from tests.factories import (
    ActivityFactory,
    InitiativeFactory,
    ReportSectionFactory,
    ThematicAreaFactory,
)
from tests.reports.conftest import AnnualReportFactory, spaced

pytestmark = pytest.mark.django_db


def texts(document):
    return [spaced(p.text) for p in document.paragraphs]


def bullets(document):
    """Every bullet after the introduction's list of thematic areas."""
    return [
        spaced(b.text)
        for s in document.sections[1:]
        for i in s.items
        for p in i.paragraphs
        for b in p.bullets
    ]


def test_an_initiative_without_summary_tells_its_activities_in_date_order():
    section = ReportSectionFactory(title="Awareness")
    initiative = InitiativeFactory(title="Domestic workers", summary="")
    for day, summary in [(20, "Second.\n\nThird."), (10, "First.")]:
        ActivityFactory(
            initiative=initiative,
            report_section=section,
            prominence="headline",
            start_date=datetime.date(2011, 5, day),
            summary=summary,
        )
    document = build_report(AnnualReportFactory(introduction=""))
    (section_built,) = document.sections
    assert section_built.numeral == "I"
    (item,) = section_built.items
    assert item.heading == "Domestic workers"
    assert [(p.number, spaced(p.text)) for p in item.paragraphs] == [
        (1, "First."),
        (2, "Second."),
        (3, "Third."),
    ]


def test_narrower_areas_are_listed_under_their_broader_area():
    broad = ThematicAreaFactory(name="Migration and development", order=1)
    narrow = ThematicAreaFactory(name="Remittances", parent=broad, order=2)
    unused = ThematicAreaFactory(name="Diaspora", parent=broad, order=3)
    other = ThematicAreaFactory(name="PSEA", order=4)
    ActivityFactory(report_section=ReportSectionFactory()).thematic_areas.set([narrow, other])
    intro = build_report(AnnualReportFactory(introduction="")).sections[0]
    (paragraph,) = intro.items[0].paragraphs
    assert [spaced(b.text) for b in paragraph.bullets] == [
        "Migration and development, including remittances;",
        "PSEA.",
    ]
    assert unused.name not in spaced(paragraph.bullets[0].text)


def test_a_bullet_without_place_or_dates_is_the_summary_alone():
    section = ReportSectionFactory()
    ActivityFactory(
        report_section=section,
        summary="The Unit supported a conference.",
        date_precision="year",
        start_date=datetime.date(2011, 1, 1),
    )
    ActivityFactory(
        report_section=section,
        summary="The Unit wrote a paper",
        start_date=datetime.date(2011, 3, 8),
    )
    ActivityFactory(
        report_section=section,
        summary="The Unit met experts. It wrote notes.",
        city="Geneva",
        date_precision="month",
        start_date=datetime.date(2011, 6, 1),
    )
    (section_built,) = build_report(AnnualReportFactory(introduction="")).sections
    found = [spaced(b.text) for b in section_built.items[0].paragraphs[0].bullets]
    assert found == [
        "The Unit supported a conference.",
        "The Unit wrote a paper (8 March 2011)",
        "The Unit met experts (Geneva, June 2011). It wrote notes.",
    ]
