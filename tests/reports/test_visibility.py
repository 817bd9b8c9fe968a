"""A report holds only records that may be published, whoever reads, exports or issues it."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from activities.models import Activity
from reports import services
from reports.builder import build_report
from reports.models import InitiativeText
from tests.factories import ActivityFactory, InitiativeFactory
from tests.reports.conftest import spaced

pytestmark = pytest.mark.django_db

HIDDEN = {
    "confidential": {"visibility": "confidential"},
    "internal": {"visibility": "internal"},
    "draft": {"review_state": "draft"},
    "submitted": {"review_state": "submitted"},
}


@pytest.fixture
def hidden_records(small_report):
    section = small_report_section()
    for name, fields in HIDDEN.items():
        ActivityFactory(
            title=f"Hidden {name} heading",
            summary=f"Hidden {name} summary.",
            report_section=section,
            prominence="headline",
            **fields,
        )
        ActivityFactory(
            title=f"Hidden {name} bullet",
            summary=f"Hidden {name} bullet summary.",
            report_section=section,
            prominence="minor",
            **fields,
        )
    return small_report


def small_report_section():
    return Activity.objects.get(slug="vienna-training").report_section


def assert_nothing_hidden(content):
    text = content.decode() if isinstance(content, bytes) else content
    assert "The Unit helped run a training" in text
    assert "Hidden" not in text


@pytest.mark.parametrize("who", [None, "viewer", "data_entry", "manager"])
def test_unpublished_records_never_reach_the_export(hidden_records, manager, client, request, who):
    services.mark_final(report=hidden_records, user=manager)
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("reports:export", kwargs={"year": 2011}))
    assert_nothing_hidden(response.content)
    assert_nothing_hidden(client.get(reverse("reports:detail", kwargs={"year": 2011})).content)


def test_unpublished_records_never_reach_the_managers_draft(hidden_records, manager_client):
    page = manager_client.get(reverse("reports:detail", kwargs={"year": 2011})).content.decode()
    # The report itself; beside it the completeness check names them, for the manager.
    assert_nothing_hidden(page.split("<!-- report -->")[1].split("<!-- /report -->")[0])
    assert "Confidential: never printed" in page
    assert_nothing_hidden(
        manager_client.get(reverse("reports:export", kwargs={"year": 2011})).content
    )


def test_unpublished_records_never_reach_the_command(hidden_records):
    out = io.StringIO()
    call_command("export_report", "2011", "-o", "-", stdout=out)
    assert_nothing_hidden(out.getvalue())


def test_unpublished_records_never_count_towards_people_reached(small_report):
    initiative = InitiativeFactory(title="Diaspora workshops", cumulative_label="women")
    InitiativeText.objects.create(report=small_report, initiative=initiative, text="Workshops.")
    section = small_report_section()
    ActivityFactory(
        initiative=initiative, report_section=section, prominence="headline", participants_total=20
    )
    ActivityFactory(
        initiative=initiative,
        report_section=section,
        prominence="headline",
        participants_total=700,
        visibility="confidential",
    )
    texts = [spaced(p.text) for p in build_report(small_report).paragraphs]
    assert "Workshops. Since it began, the initiative has reached 20 women." in texts
