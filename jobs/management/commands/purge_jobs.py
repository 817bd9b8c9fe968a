from django.core.management.base import BaseCommand

from jobs.services import purge_expired


class Command(BaseCommand):
    help = "Removes background jobs made more than a day ago, with their uploads and results."

    def handle(self, *args, **options):
        removed = total = purge_expired()
        while removed:
            removed = purge_expired()
            total += removed
        self.stdout.write(f"{total} jobs removed.")
