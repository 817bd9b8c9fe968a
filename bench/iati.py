"""The IATI export alone: 100,000 demo records, all published, exported once on PostgreSQL.

`python bench/iati.py` (BENCH_DB names the database, recreated). `make bench` measures the
export too, over the demo records that are published.
"""

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402


def main():
    run.recreate_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from activities.models import Activity

    call_command("migrate", verbosity=0)
    call_command("load_sample_data", stdout=io.StringIO())
    started = time.perf_counter()
    call_command("generate_demo_data", activities=100_000, seed=0, stdout=io.StringIO())
    print(f"Seeded 100,000 demo activities in {time.perf_counter() - started:.1f} s")
    # Every record published, so that the file holds all of them (a bench database only).
    Activity.objects.update(review_state="approved", visibility="public")
    run.vacuum()
    client = Client()
    for attempt in range(3):
        run.measure_iati(client)
        print(
            f"IATI export {attempt + 1}: {run.results['iati records']:,} records in "
            f"{run.results['iati seconds']:.2f} s "
            f"({run.results['iati records'] / run.results['iati seconds']:,.0f} records/s), "
            f"memory growth {run.results['iati memory growth MB']:.1f} MB"
        )


if __name__ == "__main__":
    main()
