from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from activities.notifications import wants_email
from commitments.selectors import reminders


class Command(BaseCommand):
    help = (
        "Email each responsible person their overdue commitments and the progress updates "
        "due (run it daily, e.g. from cron)."
    )

    def handle(self, *args, **options):
        sent = 0
        with translation.override(settings.LANGUAGE_CODE):
            for person, items in reminders().items():
                if not wants_email(person):
                    continue
                body = render_to_string(
                    "commitments/email/reminder.txt",
                    {
                        "name": person.get_full_name() or person.get_username(),
                        "items": items,
                        "site": settings.GCU_SITE_URL.rstrip("/"),
                    },
                )
                subject = _("Commitments that need your attention (%(count)s)") % {
                    "count": len(items)
                }
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [person.email])
                sent += 1
        self.stdout.write(f"{sent} reminder(s) sent.")
