"""The import preview of a file whose rows all share one day, type and place.

`python bench/import_preview.py [rows ...]`: seeds a fresh PostgreSQL database (BENCH_DB)
with the 2011 sample records, then checks CSV files of that many rows in-process, as the
preview's job does, and prints how long each check takes.
"""

import io
import os
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


def one_occasion(rows):
    """A CSV file of `rows` distinct titles on one day, of one type, in one city."""
    lines = ["Title,Type,Summary,Start date,City"]
    lines += [
        f"Workshop {n},Workshop,Trained diaspora women.,17/05/2011,Geneva" for n in range(rows)
    ]
    return "\n".join(lines).encode()


def main(sizes):
    from bench.run import recreate_database

    recreate_database()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from activities import importing

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_sample_data", stdout=io.StringIO())
    admin = get_user_model().objects.create_superuser("bench-admin", password="bench-only-pw-01")
    for rows in sizes:
        started = time.perf_counter()
        result = importing.check(one_occasion(rows), "one-day.csv", admin)
        seconds = time.perf_counter() - started
        assert result.total == rows, result.total
        print(f"  preview of {rows:>5} rows of one day, type and place: {seconds:6.2f} s")


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [500, 1000, 5000])
