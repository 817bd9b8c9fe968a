"""Compile the translation catalogues (locale/*/LC_MESSAGES/*.po) that changed.

Django's compilemessages needs GNU gettext's msgfmt, which a fresh machine may lack;
Babel reads and writes the same files in Python. Fuzzy entries are left out, as msgfmt
does, so a guess never reaches a reader.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile the .po translation catalogues whose .mo files are missing or older."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Compile every catalogue.")

    def handle(self, *args, force=False, **options):
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for po in sorted(folder.glob("*/LC_MESSAGES/*.po")):
                mo = po.with_suffix(".mo")
                if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                    continue
                try:
                    with po.open("rb") as source:
                        catalogue = read_po(source, locale=po.parent.parent.name)
                except Exception as problem:  # noqa: BLE001 - any unreadable file stops here
                    raise CommandError(f"{po} cannot be read: {problem}") from problem
                with mo.open("wb") as target:
                    write_mo(target, catalogue)
                compiled += 1
        if options["verbosity"]:
            self.stdout.write(f"{compiled} catalogue(s) compiled.")
