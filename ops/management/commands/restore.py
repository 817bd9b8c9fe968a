from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from ops.backup import BackupError, check, restore


class Command(BaseCommand):
    help = (
        "Replace every record in the database with those of a backup made by `backup` "
        "(a pg_dump .dump file for PostgreSQL, or a .json.gz file for any database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup to restore")
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, file, interactive=True, database=DEFAULT_DB_ALIAS, **options):
        name = connections[database].settings_dict["NAME"]
        try:
            check(file, alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if interactive:
            answer = input(
                f"Every record in database {name} will be replaced by those in {file}.\n"
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore(file, alias=database, checked=True)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored {file} into database {name}.")
