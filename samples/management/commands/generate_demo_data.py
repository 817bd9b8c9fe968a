import time

from django.core.management.base import BaseCommand, CommandError

from activities.models import Activity
from samples import demo


class Command(BaseCommand):
    help = (
        "Create deterministic synthetic activities, partners and events for benchmarks. "
        "The same --seed always gives the same records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--activities", type=int, required=True, help="How many activities.")
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
        parser.add_argument("--partners", type=int, default=500)
        parser.add_argument("--events", type=int, default=300)
        parser.add_argument(
            "--replace", action="store_true", help="Delete this seed's demo records first."
        )

    def handle(self, *args, activities, seed, partners, events, replace, **options):
        if activities < 0 or partners < 1 or events < 1:
            raise CommandError("Counts must be positive (at least one partner and one event).")
        existing = Activity.objects.filter(slug__startswith=demo.prefix_for(seed)).exists()
        if existing and not replace:
            raise CommandError(
                f"Demo records for seed {seed} exist already; use --replace to make them anew."
            )
        started = time.monotonic()
        if existing:
            demo.remove(seed)
            self.stdout.write(f"Removed earlier demo records of seed {seed}.")
        demo.generate(
            activities, seed=seed, partners=partners, events=events, progress=self.stdout.write
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {activities:,} demo activities in {time.monotonic() - started:.1f} s."
            )
        )
