from django.core.management.base import BaseCommand

from accounts.provider_check import check_accounts


class Command(BaseCommand):
    help = (
        "Ask the identity provider whether it still lets each single sign-on account in; "
        "those it refuses are listed on the accounts page for a manager to deactivate."
    )

    def handle(self, *args, **options):
        result = check_accounts()
        self.stdout.write(
            f"{len(result.still_allowed)} still allowed, {len(result.refused)} refused by the "
            f"provider, {len(result.unanswered)} not answered."
        )
        for user in result.refused:
            self.stdout.write(f"refused: {user.get_username()}")
