"""Export time of the annual report: the 2011 sample report and a period of 5,000 demo activities.

Assumes the database holds the 2011 sample records and 100,000 demo activities
(`load_sample_data`, `generate_demo_data --activities 100000`). Measures the live export
(what a draft's download and finalisation do: build from the records, then render) as a
median after a warm-up. Writes nothing to the database: the 2020 report is an unsaved one.

Standalone: DATABASE_URL=postgres://... .venv/bin/python bench/report.py
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

WARMUP = 3
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
# Demo activities are spread over 2016-2025 with about 5,100 published a year, so the
# calendar year 2020 holds a little over 5,000 that a report may contain.
DEMO_PERIOD = (datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))


def median_ms(function, rounds):
    for _ in range(WARMUP):
        function()
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def demo_report():
    """A report over the demo period, never saved: nothing of the user's is touched."""
    from reports.models import AnnualReport

    start, end = DEMO_PERIOD
    return AnnualReport(
        year=start.year,
        title=f"Benchmark report {start.year}",
        symbol="BENCH/1",
        period_start=start,
        period_end=end,
        introduction="A report over the demo activities, for measuring.",
    )


def measure(out=print):
    """Print the report figures with `out`; returns (name, value, target) rows for a summary."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports.builder import build_report, reported_activities
    from reports.export import render_export
    from reports.models import AnnualReport

    sample = AnnualReport.objects.filter(year=2011).first()
    if sample is None:
        raise SystemExit("No 2011 report: run `manage.py load_sample_data` first.")
    demo = demo_report()
    rows = []
    queries = set()
    for label, report, rounds, target_ms in [
        ("2011 sample report", sample, ROUNDS, 100),
        (f"{DEMO_PERIOD[0].year} demo period", demo, max(5, ROUNDS // 4), 1000),
    ]:
        records = reported_activities(report).count()
        paragraphs = len(build_report(report).paragraphs)
        with CaptureQueriesContext(connection) as captured:
            size = len(render_export(report).encode("utf-8"))
        queries.add(len(captured))
        ms = median_ms(lambda report=report: render_export(report), rounds)
        verdict = "ok" if ms < target_ms else "OVER"
        out(
            f"report export, {label}: {records:,} activities, {paragraphs:,} numbered "
            f"paragraphs, {size:,} bytes, {len(captured)} queries; median {ms:.1f} ms "
            f"over {rounds} runs (target < {target_ms:,} ms: {verdict})"
        )
        rows.append(
            (
                f"report export, {label} ({records:,} activities)",
                f"{ms:.1f} ms",
                f"target < {target_ms:,} ms",
            )
        )
    rows.append(
        ("report queries (any size)", " / ".join(map(str, sorted(queries))), "target <= 15")
    )
    return rows


def main():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcu_tracker.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-use")

    import django

    django.setup()
    measure(print)


if __name__ == "__main__":
    main()
