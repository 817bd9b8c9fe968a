"""`manage.py export_report YEAR -o FILE` writes the very bytes of the download."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from reports import services

pytestmark = pytest.mark.django_db

EXPORT = reverse("reports:export", kwargs={"year": 2011})


def test_the_command_writes_the_same_bytes_as_the_download(small_report, manager_client, tmp_path):
    target = tmp_path / "report.html"
    out = io.StringIO()
    call_command("export_report", "2011", "-o", str(target), stdout=out)
    assert target.read_bytes() == manager_client.get(EXPORT).content
    assert "Wrote the 2011 report" in out.getvalue()


def test_the_command_writes_an_issued_report_as_issued(small_report, manager, client, tmp_path):
    services.mark_final(report=small_report, user=manager)
    target = tmp_path / "report.html"
    call_command("export_report", "2011", "-o", str(target), stdout=io.StringIO())
    assert target.read_bytes() == client.get(EXPORT).content
    assert target.read_text() == small_report.frozen_html


def test_the_command_writes_to_standard_output_with_a_dash(small_report, manager_client):
    out = io.StringIO()
    call_command("export_report", "2011", "-o", "-", stdout=out)
    assert out.getvalue().encode() == manager_client.get(EXPORT).content


def test_an_unknown_year_is_a_clear_error(small_report, tmp_path):
    with pytest.raises(CommandError, match="There is no report for 1999. Reports exist for: 2011."):
        call_command("export_report", "1999", "-o", str(tmp_path / "x.html"))
    assert not (tmp_path / "x.html").exists()
