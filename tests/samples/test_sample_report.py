"""`load_sample_data` puts the 2011 report in place, once."""

import datetime
import io

import pytest
from django.core.management import call_command

from reports import services
from reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def test_the_sample_data_holds_the_2011_report(sample_report):
    assert (sample_report.title, sample_report.symbol) == (
        "Gender Coordination Report 2011",
        "CRP/36",
    )
    assert (sample_report.period_start, sample_report.period_end) == (
        datetime.date(2010, 10, 1),
        datetime.date(2011, 11, 30),
    )
    assert len(sample_report.introduction.split("\n\n")) == 2
    # Issued, so that anyone reads it after `make run`, in its three formats.
    assert sample_report.state == "final"
    issue = sample_report.issues.get()
    assert (issue.number, bytes(issue.pdf)[:5], bytes(issue.docx)[:2]) == (1, b"%PDF-", b"PK")


def test_loading_twice_leaves_the_report_alone(sample_report, manager):
    services.mark_final(report=sample_report, user=manager)
    history = sample_report.history.count()
    call_command("load_sample_data", stdout=io.StringIO())
    report = AnnualReport.objects.get()
    assert report.history.count() == history
    assert report.is_final
    assert report.frozen_html == sample_report.frozen_html
