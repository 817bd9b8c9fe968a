"""`make bench`: the speed figures of quality.md, measured on PostgreSQL in one run.

Seeds a fresh database with the 2011 sample records and 1,000 demo activities, measures,
then grows it to 100,000 demo activities and measures again. Times are medians of
in-process requests after a warm-up, with DEBUG off; ratios are taken within the run.
Each page's figure comes with the time its SQL took (the median over the same requests of
the time spent in the database driver), so a regression shows whether the queries or the
Python around them grew. The list page and the API list are also measured through their
plain paths (templates, nested serialisers: bench/reference.py), as a before in the same run.

BENCH_DB names the database (recreated; default gcu_tracker_bench), BENCH_PG the server,
BENCH_ROUNDS the requests per figure.
"""

import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = os.environ.get("BENCH_DB", "gcu_tracker_bench")
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcu_tracker.settings")
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault(
    "DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789"
)
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost"
# Requests are made in-process over plain http: no redirect to https, no sign-in log lines.
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
# Pages are rendered with the static files as a server has them: collected, hashed.
os.environ.setdefault("DJANGO_STATIC_ROOT", "/tmp/gcu-bench-static")
# Redis is the shared cache a multi-process deployment uses; the page cache is switched
# on and off per measurement below. Database 15 keeps the bench apart from anything else.
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")

WARMUP = 5
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
results = {}


def recreate_database():
    import psycopg2

    connection = psycopg2.connect(f"{SERVER}/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
        cursor.execute(f'CREATE DATABASE "{DB_NAME}"')
    connection.close()


class SqlTimer:
    """Adds up the time spent executing queries (connection.execute_wrapper)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def timed_ms(client, url, rounds=ROUNDS):
    """(median time, median time in SQL) of `rounds` requests for `url`, in milliseconds."""
    from django.db import connection

    for _ in range(WARMUP):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    timings, sql = [], []
    timer = SqlTimer()
    with connection.execute_wrapper(timer):
        for _ in range(rounds):
            timer.seconds = 0.0
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            sql.append(timer.seconds * 1000)
    return statistics.median(timings), statistics.median(sql)


def median_ms(client, url, rounds=ROUNDS):
    return timed_ms(client, url, rounds)[0]


def measure(name, client, url):
    """Keeps the median of `url` under `name`, and its SQL time under `name` + " sql"."""
    results[name], results[f"{name} sql"] = timed_ms(client, url)
    return results[name]


def vacuum():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def seed(count, replace):
    from django.core.management import call_command

    started = time.perf_counter()
    call_command(
        "generate_demo_data",
        activities=count,
        seed=0,
        replace=replace,
        stdout=io.StringIO(),
    )
    seconds = time.perf_counter() - started
    vacuum()
    return seconds


def seed_without_statistics(count):
    """Replace the demo records with `count` new ones and leave the planner's statistics as
    they were (those of the smaller table): the state right after a bulk load when
    autovacuum is off or has not run yet."""
    from samples import demo

    demo.remove(0)
    started = time.perf_counter()
    demo.generate(count, seed=0, analyze_after=False)
    return time.perf_counter() - started


def once_ms(client, url, timeout_s=120):
    """One request, with the database told to give up after `timeout_s` seconds."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = '{timeout_s}s'")
    try:
        started = time.perf_counter()
        status = client.get(url).status_code
        elapsed = (time.perf_counter() - started) * 1000
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
    return elapsed if status == 200 else float("inf")


def page_cache(enabled):
    from django.core.cache import cache
    from django.test import override_settings

    cache.clear()
    return override_settings(GCU_PAGE_CACHE=enabled)


def measure_lists(label, anonymous, admin_client):
    with page_cache(False):
        measure(f"list {label}", anonymous, "/activities/")
        measure(f"filtered list {label}", anonymous, FILTERED)
        measure(f"search {label}", anonymous, SEARCH)
        measure(f"dashboard {label}", anonymous, DASHBOARD)
        measure(f"manager dashboard {label}", admin_client, DASHBOARD)
        measure(f"api list {label}", anonymous, "/api/activities/")
    with page_cache(True):
        results[f"cached list {label}"] = median_ms(anonymous, "/activities/")
        results[f"cached api list {label}"] = median_ms(anonymous, "/api/activities/")
    measure(f"admin changelist {label}", admin_client, "/admin/activities/activity/")


def measure_plain_paths(anonymous, manager):
    """The list page and the API list once more, interleaved with the served paths, then
    through the templates and the nested serialisers: the before and after of one run."""
    from bench.reference import plain_paths

    pages = [
        ("list", anonymous, "/activities/"),
        ("manager list", manager, "/activities/"),
        ("api list", anonymous, "/api/activities/"),
        ("manager api list", manager, "/api/activities/"),
    ]
    with page_cache(False):
        for name, client, url in pages:
            measure(f"{name} fast", client, url)
            with plain_paths():
                measure(f"{name} plain", client, url)


FILTERED = "/activities/?year=2020&thematic_area=migration-development&sort=title"
# A common word of the demo records' titles and summaries.
SEARCH = "/activities/?q=displacement"
DASHBOARD = "/?year=2020"


def measure_deep_pages(anonymous, manager):
    """Page 3,000 of the manager's list (all 100,000 rows) against page 1, uncached."""
    with page_cache(False):
        results["page 1"] = median_ms(manager, "/activities/?page=1")
        results["page 3000"] = median_ms(manager, "/activities/?page=3000")


def measure_csv(client):
    """Rows per second and peak memory growth of the full CSV export, as a manager."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.get("/activities/export.csv")
    lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
    seconds = time.perf_counter() - started
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    results["csv rows"] = lines - 1
    results["csv rows/s"] = (lines - 1) / seconds
    results["csv memory growth MB"] = growth_mb


def measure_csv_rounds(client, rounds=3):
    """The full CSV export `rounds` times: the median rows per second and its SQL share
    (the time the driver spent executing; rows fetched from a server-side cursor come in
    fetches that are not counted, so this is a lower bound of the database's part)."""
    from django.db import connection

    speeds, shares = [], []
    timer = SqlTimer()
    with connection.execute_wrapper(timer):
        for _ in range(rounds):
            timer.seconds = 0.0
            started = time.perf_counter()
            response = client.get("/activities/export.csv")
            lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
            seconds = time.perf_counter() - started
            speeds.append((lines - 1) / seconds)
            shares.append(timer.seconds / seconds)
    results["csv rows/s median"] = statistics.median(speeds)
    results["csv sql share"] = statistics.median(shares)


def measure_xlsx(client):
    """Rows per second, seconds and memory growth of the full XLSX export, as a manager."""
    from openpyxl import load_workbook

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.get("/activities/export.xlsx")
    content = b"".join(response.streaming_content)
    seconds = time.perf_counter() - started
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = sum(1 for _row in sheet.iter_rows(min_row=2, max_col=1, values_only=True))
    results["xlsx rows"] = rows
    results["xlsx seconds"] = seconds
    results["xlsx rows/s"] = rows / seconds
    results["xlsx memory growth MB"] = growth_mb


def with_sql(name):
    """ "12.3 ms, SQL 8.1 ms (66%)": a page's median and the part of it its queries took."""
    total, sql = results[name], results[f"{name} sql"]
    return f"{total:.1f} ms, SQL {sql:.1f} ms ({sql / total:.0%})"


def measure_iati(client):
    """Seconds, records per second and memory growth of the IATI export of every record."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response = client.get("/activities/export.iati.xml")
    records = sum(chunk.count(b"</iati-activity>") for chunk in response.streaming_content)
    seconds = time.perf_counter() - started
    results["iati records"] = records
    results["iati seconds"] = seconds
    results["iati memory growth MB"] = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    ) / 1024


def show(rows):
    width = max(len(name) for name, _value, _target in rows)
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:>12}  {target}")


def main():
    print(f"Benchmark database: {DB_NAME} (recreated)")
    recreate_database()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_sample_data", stdout=io.StringIO())
    admin = get_user_model().objects.create_superuser("bench-admin", password="bench-only-pw-01")
    anonymous = Client()
    admin_client = Client()
    admin_client.force_login(admin)
    manager_client = admin_client

    seconds_1k = seed(1000, replace=False)
    print(f"Seeded 1,000 demo activities in {seconds_1k:.1f} s; measuring...")
    measure_lists("1k", anonymous, admin_client)

    # Right after a bulk load, with the statistics of the 1,000-row table: the last page
    # must not depend on them.
    seconds = seed_without_statistics(100_000)
    print(f"Loaded 100,000 demo activities in {seconds:.1f} s without ANALYZE; last page...")
    with page_cache(False):
        results["last page before analyze"] = once_ms(manager_client, "/activities/?page=4001")

    seconds_100k = seed(100_000, replace=True)
    print(f"Seeded 100,000 demo activities in {seconds_100k:.1f} s; measuring...")
    results["generate 100k s"] = seconds_100k
    measure_lists("100k", anonymous, admin_client)
    measure_deep_pages(anonymous, manager_client)
    measure_plain_paths(anonymous, manager_client)
    measure_csv(manager_client)
    measure_csv_rounds(manager_client)
    measure_xlsx(manager_client)
    measure_iati(anonymous)

    report_rows = []
    try:
        from bench import report as report_bench
    except ImportError:
        report_bench = None
    if report_bench is not None:
        report_rows = report_bench.measure(print) or []

    list_100k = results["list 100k"]
    cached_100k = results["cached list 100k"]
    admin_100k = results["admin changelist 100k"]
    print(f"\nResults (PostgreSQL, DEBUG off, medians of {ROUNDS} requests after {WARMUP} warm-up)")
    show(
        [
            ("generate_demo_data 100,000", f"{results['generate 100k s']:.1f} s", "target < 30 s"),
            ("public list, 1k", with_sql("list 1k"), "page cache off"),
            ("public list, 100k", with_sql("list 100k"), "page cache off; target <= 15 ms"),
            (
                "public list / its SQL (100k)",
                f"{list_100k / results['list 100k sql']:.2f}x",
                "target <= 1.5x",
            ),
            ("public list, 1k, cached", f"{results['cached list 1k']:.1f} ms", "page cache on"),
            (
                "public list, 100k, cached",
                f"{cached_100k:.1f} ms",
                "page cache on; target <= 15 ms",
            ),
            ("filtered list, 100k", with_sql("filtered list 100k"), FILTERED),
            ("admin changelist, 1k", with_sql("admin changelist 1k"), ""),
            ("admin changelist, 100k", with_sql("admin changelist 100k"), ""),
            ("list / admin (100k)", f"{list_100k / admin_100k:.2f}", "cache off; target <= 0.5"),
            ("cached list / admin (100k)", f"{cached_100k / admin_100k:.2f}", "target <= 0.5"),
            (
                "list growth 1k -> 100k",
                f"{list_100k / results['list 1k']:.2f}x",
                "cache off; target <= 1.3x",
            ),
            (
                "cached list growth 1k -> 100k",
                f"{cached_100k / results['cached list 1k']:.2f}x",
                "target <= 1.3x",
            ),
            ("manager list page 1 (100k)", f"{results['page 1']:.1f} ms", ""),
            ("manager list page 3,000 (100k)", f"{results['page 3000']:.1f} ms", ""),
            (
                "page 3,000 / page 1",
                f"{results['page 3000'] / results['page 1']:.2f}x",
                "target <= 2x",
            ),
            ("search, 1k", with_sql("search 1k"), SEARCH),
            ("search, 100k", with_sql("search 100k"), "target <= 50 ms"),
            (
                "search growth 1k -> 100k",
                f"{results['search 100k'] / results['search 1k']:.2f}x",
                "target <= 2x",
            ),
            ("dashboard, 1k", with_sql("dashboard 1k"), f"{DASHBOARD}, cache off"),
            ("dashboard, 100k", with_sql("dashboard 100k"), "target <= 40 ms"),
            (
                "dashboard growth 1k -> 100k",
                f"{results['dashboard 100k'] / results['dashboard 1k']:.2f}x",
                "target <= 2x",
            ),
            (
                "manager dashboard, 1k / 100k",
                f"{results['manager dashboard 1k']:.1f} / "
                f"{results['manager dashboard 100k']:.1f} ms",
                "with the counts of records in review",
            ),
            ("API list, 1k", with_sql("api list 1k"), "cache off"),
            ("API list, 100k", with_sql("api list 100k"), "cache off; target <= 20 ms"),
            (
                "API list, 100k, cached",
                f"{results['cached api list 100k']:.1f} ms",
                "page cache on",
            ),
            (
                "last page right after a bulk load",
                f"{results['last page before analyze']:.0f} ms",
                "no ANALYZE yet; target < 2,000 ms",
            ),
            ("CSV export rows", f"{results['csv rows']:,}", ""),
            ("CSV export speed", f"{results['csv rows/s']:,.0f} rows/s", "target >= 50,000 rows/s"),
            (
                "CSV export speed, median of 3",
                f"{results['csv rows/s median']:,.0f} rows/s",
                f"SQL at least {results['csv sql share']:.0%} of the time",
            ),
            ("CSV memory growth", f"{results['csv memory growth MB']:.1f} MB", "target < 50 MB"),
            (
                "XLSX export speed",
                f"{results['xlsx rows/s']:,.0f} rows/s",
                f"{results['xlsx rows']:,} rows in {results['xlsx seconds']:.1f} s; "
                "target >= 20,000 rows/s",
            ),
            (
                "XLSX memory growth",
                f"{results['xlsx memory growth MB']:.1f} MB",
                "the file itself is spooled to disk",
            ),
            (
                "IATI XML export",
                f"{results['iati seconds']:.1f} s",
                f"{results['iati records']:,} published records; "
                f"{results['iati memory growth MB']:.1f} MB memory growth; target < 10 s",
            ),
            *report_rows,
        ]
    )
    print(
        "\nBefore and after in this run: served paths against the plain ones (bench/reference.py)"
    )
    rows = []
    for name, label in [
        ("list", "public list"),
        ("manager list", "manager's list"),
        ("api list", "API list"),
        ("manager api list", "manager's API list"),
    ]:
        fast, plain = results[f"{name} fast"], results[f"{name} plain"]
        rows += [
            (f"{label}, templates/serialisers", with_sql(f"{name} plain"), "before"),
            (f"{label}, served", with_sql(f"{name} fast"), f"{fast / plain:.2f} of before"),
        ]
    show(rows)


if __name__ == "__main__":
    main()
