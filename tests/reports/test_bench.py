"""The report benchmark runs, so that `make bench` can rely on it."""

import pytest

from bench import report as report_bench

pytestmark = pytest.mark.django_db


def test_the_benchmark_measures_both_reports(sample_report, monkeypatch):
    monkeypatch.setattr(report_bench, "ROUNDS", 1)
    monkeypatch.setattr(report_bench, "WARMUP", 0)
    lines = []
    rows = report_bench.measure(lines.append)
    assert len(lines) == 2
    assert "2011 sample report: 45 activities, 24 numbered paragraphs" in lines[0]
    assert [name for name, _value, _target in rows][-1] == "report queries (any size)"
    # Six queries for a saved report with its headings and texts, one more for the headings
    # that state figures, and one for the network's sentence of the sample report (its issue
    # counts no commitments); four for the unsaved demo one.
    assert rows[-1][1] == "4 / 8"
