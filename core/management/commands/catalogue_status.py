"""What is left for translators: the untranslated and fuzzy messages of each catalogue.

`make messages` runs it after extracting the messages of the code; exits 1 when any
message is missing or fuzzy, so that a script can stop on it.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "List each language's untranslated and fuzzy messages."

    def handle(self, *args, **options):
        from babel.messages.pofile import read_po

        unfinished = 0
        for folder in settings.LOCALE_PATHS:
            for po in sorted(folder.glob("*/LC_MESSAGES/*.po")):
                language = po.parent.parent.name
                with po.open("rb") as source:
                    catalogue = read_po(source, locale=language)
                missing, fuzzy = [], []
                for message in catalogue:
                    if not message.id:
                        continue
                    text = message.id if isinstance(message.id, str) else message.id[0]
                    strings = (
                        message.string if isinstance(message.string, tuple) else (message.string,)
                    )
                    if not all(strings):
                        missing.append((message.lineno, text))
                    elif message.fuzzy:
                        fuzzy.append((message.lineno, text))
                self.stdout.write(
                    f"{language}: {len(missing)} untranslated, {len(fuzzy)} fuzzy ({po})"
                )
                for label, messages in (("untranslated", missing), ("fuzzy", fuzzy)):
                    for line, text in messages:
                        self.stdout.write(f"  {label} {po.name}:{line}: {text}")
                unfinished += len(missing) + len(fuzzy)
        if unfinished:
            raise CommandError(f"{unfinished} message(s) to translate or check.")
