from django.core.management.base import BaseCommand

from samples.sample_data.load import load_2011


class Command(BaseCommand):
    help = "Load the unit's 2011 records as sample data. Running it again changes nothing."

    def handle(self, *args, **options):
        counts = load_2011()
        changed = {k: v for k, v in sorted(counts.items()) if not k.endswith("unchanged")}
        if not changed:
            self.stdout.write("Sample data already loaded; nothing changed.")
        for label, count in changed.items():
            self.stdout.write(f"{count:5d} {label}")
        self.stdout.write(self.style.SUCCESS("Sample data is in place."))
