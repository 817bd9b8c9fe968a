"""Each year its own text: a report started from any earlier one, its texts marked until
checked, headings composed in place, what the check lists, corrected versions."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from activities.models import Activity, Initiative, ReportSection
from reports import completeness, corrections, services
from reports.export import render_export
from reports.models import AnnualReport, InitiativeText

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_2013(sample_report, manager):
    return services.start_from(previous=sample_report, user=manager, year=2013)


def test_a_report_for_any_year_takes_the_earlier_ones_pattern(sample_report, manager):
    suggested = services.suggestions(sample_report, 2013)
    assert suggested["title"] == "Gender Coordination Report 2013"
    assert suggested["symbol"] == "CRP/38"
    assert suggested["period_start"] == datetime.date(2012, 10, 1)
    assert suggested["period_end"] == datetime.date(2013, 11, 30)
    report = services.start_from(
        previous=sample_report, user=manager, year=2013, symbol="CRP/42", session="x"
    )
    assert (report.year, report.symbol, report.session) == (2013, "CRP/42", "x")
    assert report.started_from == sample_report
    assert report.headings.count() == sample_report.headings.count()


def test_a_session_in_figures_moves_on_with_the_years():
    assert (
        services.next_session("103rd Session of the Council", 2) == "105th Session of the Council"
    )
    assert services.next_session("111th Session", 1) == "112th Session"
    assert services.next_session("Ninth Session", 1) == "Ninth Session"
    assert services.next_symbol("CRP/36", 2) == "CRP/38"


def test_the_copied_texts_arrive_marked_and_the_check_lists_them(report_2013):
    assert report_2013.carried_over == ["introduction"]
    psea = InitiativeText.objects.get(report=report_2013, initiative__slug="psea-in-iom")
    assert psea.carried_over and not psea.checked
    # A 2013 record of the PSEA initiative prints the 2013 report's own copy of the text.
    section = ReportSection.objects.get(slug="human-resources")
    Activity.objects.filter(slug="psea-senior-management-meeting-2011").update(
        start_date=datetime.date(2013, 3, 1), end_date=None, report_section=section
    )
    gaps = {(gap.label, gap.reason, gap.years) for gap in completeness.check(report_2013).texts}
    assert ("Introduction", "carried_over", ()) in gaps
    assert ("Introduction", "earlier_year", (1911, 2011)) in gaps
    paragraph = "Paragraph for “Prevention of sexual exploitation and abuse”"
    assert (paragraph, "carried_over", ()) in gaps
    assert (paragraph, "earlier_year", (2011,)) in gaps


def test_a_text_edited_is_no_longer_carried_over_and_a_ticked_one_is_not_listed(report_2013):
    services.note_text_changes(report=report_2013, changed={"introduction"}, checked=[])
    assert report_2013.carried_over == []
    gaps = {(gap.label, gap.reason) for gap in completeness.check(report_2013).texts}
    assert ("Introduction", "earlier_year") in gaps  # still names 1911 and 2011
    services.note_text_changes(report=report_2013, changed=set(), checked=["introduction"])
    report_2013.refresh_from_db()
    assert report_2013.checked_texts == ["introduction"]
    assert not [gap for gap in completeness.check(report_2013).texts if gap.label == "Introduction"]


def test_editing_2013s_initiative_text_never_changes_the_2011_build(sample_report, report_2013):
    sample_report.state = "draft"  # built live from the records, as a reissue would be
    before = render_export(sample_report)
    InitiativeText.objects.filter(report=report_2013).update(text="In 2013 something else.")
    Initiative.objects.update(summary="A description nobody prints.")
    assert render_export(sample_report) == before


def test_a_paragraph_that_does_not_say_where_when_or_how_many_is_listed(sample_report, manager):
    report = services.start_from(previous=sample_report, user=manager, year=2013)
    section = ReportSection.objects.get(slug="awareness-raising")
    quiet = Activity.objects.get(slug="osce-ilo-gender-labour-migration-training-2011")
    Activity.objects.filter(pk=quiet.pk).update(
        start_date=datetime.date(2013, 6, 10),
        end_date=datetime.date(2013, 6, 12),
        city="Bangkok",
        country="TH",
        participants_total=24,
        prominence="paragraph",
        report_section=section,
        initiative=None,
        summary="The Unit trained staff on gender and labour migration.",
    )
    reasons = {gap.reason for gap in completeness.check(report).gaps if gap.pk == quiet.pk}
    assert reasons == {"text_no_place", "text_no_dates", "text_no_count"}
    Activity.objects.filter(pk=quiet.pk).update(
        summary="In Bangkok, from 10 to 12 June 2013, the Unit trained 24 staff members."
    )
    assert not [gap for gap in completeness.check(report).gaps if gap.pk == quiet.pk]


def test_a_heading_with_nothing_in_the_period_is_named(report_2013):
    check = completeness.check(report_2013)
    assert "Gender focal point network" in check.empty_headings
    assert "Gender focal point network" in services_build(report_2013).unprinted_headings


def services_build(report):
    from reports.builder import build_report

    return build_report(report)


def test_a_new_heading_is_made_with_its_section_in_the_reports_form(report_2013, manager_client):
    url = reverse("admin:reports_annualreport_change", args=[report_2013.pk])
    form = manager_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "checked"}
    data.update(
        {
            "period_start": "01/10/2012",
            "period_end": "30/11/2013",
            "issue_date": "",
            "session_start": "",
            "session_end": "",
            "heading_numbering": "roman",
            "number_paragraphs": "on",
            "headings-TOTAL_FORMS": "1",
            "headings-INITIAL_FORMS": "0",
            "headings-0-order": "5",
            "headings-0-new_section": "Capacity development",
            "initiative_texts-TOTAL_FORMS": "0",
            "initiative_texts-INITIAL_FORMS": "0",
        }
    )
    response = manager_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    heading = report_2013.headings.get(order=5)
    assert heading.title == "Capacity development"
    assert [s.title for s in heading.sections.all()] == ["Capacity development"]


def test_records_changed_after_an_issue_are_named_and_a_corrected_version_issued(
    sample_report, manager, manager_client
):
    client = Client()  # an anonymous reader beside the manager
    assert corrections.changes_since_issue(sample_report) == ()
    record = Activity.objects.get(slug="osce-ilo-gender-labour-migration-training-2011")
    record.summary = "A corrected summary of the Vienna training."
    record.participants_total = 25
    record.save()
    changes = corrections.changes_since_issue(sample_report)
    assert [(c.pk, c.outcome) for c in changes] == [(record.pk, "changed")]
    assert len(changes[0].fields) == 2 and "summary" in changes[0].fields
    page = manager_client.get(sample_report.get_absolute_url()).content.decode()
    assert "Changed since it was issued" in page and record.title in page
    # The public never learns which records changed.
    assert (
        "Changed since it was issued"
        not in client.get(sample_report.get_absolute_url()).content.decode()
    )

    response = manager_client.post(reverse("reports:correct", kwargs={"year": 2011}))
    assert response.status_code == 302
    issues = list(sample_report.issues.order_by("number"))
    assert [(i.number, i.correction) for i in issues] == [(1, False), (2, True)]
    assert "A corrected summary" in issues[1].html and "A corrected summary" not in issues[0].html
    first = client.get(reverse("reports:issue-export", args=[2011, 1, "pdf"]))
    assert first.status_code == 200 and first.content == bytes(issues[0].pdf)
    sample_report.refresh_from_db()
    assert corrections.changes_since_issue(sample_report) == ()


def test_only_managers_issue_a_corrected_version(sample_report, data_entry_client, client):
    assert (
        data_entry_client.post(reverse("reports:correct", kwargs={"year": 2011})).status_code == 403
    )
    assert sample_report.issues.count() == 1


def test_the_start_page_suggests_and_creates(sample_report, manager_client):
    url = reverse("admin:reports_annualreport_start")
    page = manager_client.get(url, {"source": sample_report.pk, "year": 2014})
    assert page.status_code == 200
    assert page.context["form"].initial["symbol"] == "CRP/39"
    data = {
        "source": sample_report.pk,
        "year": "2014",
        "title": "Gender Coordination Report 2014",
        "symbol": "CRP/39",
        "period_start": "01/10/2013",
        "period_end": "30/11/2014",
        "session": "",
    }
    refused = manager_client.post(url, {**data, "period_end": "01/01/2013"})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert not AnnualReport.objects.filter(year=2014).exists()
    created = manager_client.post(url, data)
    assert created.status_code == 302
    report = AnnualReport.objects.get(year=2014)
    assert report.started_from == sample_report and report.carried_over == ["introduction"]
    assert manager_client.get(url, {"source": "99999"}).status_code == 404


def test_a_manager_reading_french_gets_the_same_check_as_in_english(sample_report, manager):
    """The paragraph is English: "Bangkok, Thailand" is found whatever the reader's language."""
    from django.utils import translation

    report = services.start_from(previous=sample_report, user=manager, year=2013)
    Activity.objects.filter(slug="osce-ilo-gender-labour-migration-training-2011").update(
        start_date=datetime.date(2013, 6, 10),
        end_date=None,
        city="",
        country="TH",
        participants_total=None,
        prominence="paragraph",
        report_section=ReportSection.objects.get(slug="awareness-raising"),
        initiative=None,
        summary="In June 2013 the Unit trained staff in Thailand.",
    )
    english = completeness.check(report).gaps
    with translation.override("fr"):
        french = completeness.check(report).gaps
    assert [(g.pk, g.reason) for g in french] == [(g.pk, g.reason) for g in english]
    assert not [g for g in english if g.reason.startswith("text_no")]
