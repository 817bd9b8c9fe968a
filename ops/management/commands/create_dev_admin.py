import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "On a development machine (DEBUG on) with no superuser yet, create `admin` with a "
        "random password and print it once. Does nothing otherwise."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no development superuser is created.")
            return
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser exists already; sign in with it at /admin/.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created superuser `admin` with password {password} (shown only this once)."
            )
        )
        if settings.GCU_REQUIRE_SECOND_FACTOR:
            self.stdout.write(
                "On first sign-in at /admin/ you type the password again and set up an "
                "authenticator app (scan the QR code, or type the secret shown under it); "
                "DJANGO_REQUIRE_SECOND_FACTOR=false make run skips that step on this machine."
            )
