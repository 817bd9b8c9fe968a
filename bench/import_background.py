"""A large spreadsheet imported in the background, as a clerk would: upload, check, import.

`python bench/import_background.py [rows]` (100,000 by default): seeds a fresh PostgreSQL
database (BENCH_DB) with the 2011 sample records, writes a CSV file of that many distinct
rows naming the sample's types, areas, partners (with roles) and countries, uploads it to
the admin's import page in-process, and runs `manage.py db_worker` for the check, then for
the import. Prints each step's time and the worker's peak memory (VmHWM), and checks that
every row was saved once, with its history and its search words.
"""

import csv
import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = os.environ.setdefault("BENCH_DB", "gcu_tracker_bench_import")
SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
os.environ["DATABASE_URL"] = f"{SERVER}/{DB_NAME}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcu_tracker.settings")
os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123")
os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost"
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_STATIC_ROOT", "/tmp/gcu-bench-static")
os.environ.setdefault("DJANGO_PRIVATE_ROOT", "/tmp/gcu-bench-private")


def log_file(rows):
    """CSV bytes of `rows` distinct activities, named as the sample registries name things."""
    from activities.models import ActivityType, ThematicArea
    from partners.models import Partner

    types = [t.name for t in ActivityType.objects.all()]
    areas = [a.name for a in ThematicArea.objects.all()]
    partners = [p.acronym or p.name for p in Partner.objects.all()[:60]]
    countries = ["Switzerland", "Kenya", "Moldova", "Colombia", "Thailand", "Senegal"]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "Title",
            "Type",
            "Summary",
            "Start date",
            "City",
            "Country",
            "Thematic areas",
            "Partners and roles",
            "Participants",
            "Women",
            "Men",
        ]
    )
    for n in range(rows):
        writer.writerow(
            [
                f"Consultation number {n} with migrant women's groups",
                types[n % len(types)],
                f"Meeting {n}: community leaders and officials discussed safe migration.",
                f"{1 + n % 28:02d}/{1 + n % 12:02d}/{2005 + n % 15}",
                f"City {n % 500}",
                countries[n % len(countries)],
                areas[n % len(areas)],
                f"{partners[n % len(partners)]} (Co-organiser); {partners[(n * 7) % len(partners)]}",
                30,
                20,
                10,
            ]
        )
    return buffer.getvalue().encode()


def run_worker():
    """Runs the queue to its end; (seconds, peak resident memory in MB, the worker's CPU
    seconds: on a busy machine, what the work itself cost)."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
            "--verbosity",
            "0",
        ],
        cwd=ROOT,
    )
    peak = 0
    while worker.poll() is None:
        try:
            status = Path(f"/proc/{worker.pid}/status").read_text()
            peak = max(peak, int(status.split("VmHWM:")[1].split()[0]))
        except (OSError, IndexError):
            pass
        time.sleep(0.2)
    assert worker.returncode == 0, worker.returncode
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, peak / 1024, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime


def main(rows):
    from bench.run import recreate_database

    recreate_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from activities.models import Activity
    from jobs.models import Job

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_sample_data", stdout=io.StringIO())
    before = Activity.objects.count()
    admin = get_user_model().objects.create_superuser("bench-admin", password="bench-only-pw-01")
    client = Client()
    client.force_login(admin)
    content = log_file(rows)
    print(f"  file: {rows:,} rows, {len(content) / 1e6:.1f} MB")
    upload = SimpleUploadedFile("log.csv", content, "text/csv")
    started = time.perf_counter()
    response = client.post(reverse("admin:activities_activity_import"), {"file": upload})
    assert response.status_code == 302, response.status_code
    print(f"  upload (stored, header read): {time.perf_counter() - started:6.2f} s")
    print(f"  load average before: {os.getloadavg()[0]:.1f} (2 cores)")
    seconds, peak, cpu = run_worker()
    check = Job.objects.get(kind="import-check")
    assert check.status == "done", (check.status, check.error)
    print(
        f"  check in the background:  {seconds:6.1f} s ({cpu:.1f} s of the worker's CPU),"
        f" worker peak {peak:4.0f} MB, {check.summary}"
    )
    page = client.get(check.get_absolute_url())
    assert page.status_code == 200
    confirm = reverse("admin:activities_activity_import_confirm", args=[check.pk])
    assert client.post(confirm).status_code == 302
    seconds, peak, cpu = run_worker()
    saving = Job.objects.get(kind="import-save")
    assert saving.status == "done", (saving.status, saving.error)
    print(
        f"  import in the background: {seconds:6.1f} s ({cpu:.1f} s of the worker's CPU),"
        f" worker peak {peak:4.0f} MB, {saving.summary}"
    )
    made = Activity.objects.count() - before
    assert made == saving.summary["saved"], made
    history = Activity.history.filter(history_type="+", history_user=admin).count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM activities_activity WHERE search IS NULL")
        (unsearched,) = cursor.fetchone()
    print(
        f"  saved {made:,} activities, {history:,} history entries, {unsearched} without search words"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
