from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from ops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the whole database: pg_dump for PostgreSQL, gzipped dumpdata JSON otherwise. "
        "Writes under backups/ unless -o is given, and prints the file's path."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="file to write (default: backups/...)")
        parser.add_argument(
            "--json",
            action="store_true",
            help="write dumpdata JSON even on PostgreSQL (to move to another database)",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, output=None, json=False, database=DEFAULT_DB_ALIAS, **options):
        try:
            path = backup(output, alias=database, json=json)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(str(path))
