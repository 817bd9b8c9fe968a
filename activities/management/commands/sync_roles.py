from django.core.management.base import BaseCommand

from activities.roles import sync_role_groups


class Command(BaseCommand):
    help = (
        "Create the Data entry, Viewers and Managers groups if missing and grant them their "
        "permissions, including those of models added since the roles were created."
    )

    def handle(self, *args, **options):
        sync_role_groups()
        self.stdout.write(self.style.SUCCESS("Roles are in place."))
