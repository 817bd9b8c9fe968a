import sys

from django.core.management.base import BaseCommand, CommandError

from reports.export import export_bytes
from reports.models import AnnualReport


class Command(BaseCommand):
    help = "Write a year's report as one standalone HTML file, the same bytes as the download."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="The report's year, for example 2011.")
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help="The file to write, or - for standard output.",
        )

    def handle(self, *args, year, output, **options):
        report = AnnualReport.objects.filter(year=year).first()
        if report is None:
            known = ", ".join(str(y) for y in AnnualReport.objects.values_list("year", flat=True))
            raise CommandError(
                f"There is no report for {year}. Reports exist for: {known or 'no year yet'}."
            )
        content = export_bytes(report)
        if output == "-":
            # Bytes, not text: the file must be identical to the download.
            stream = getattr(self.stdout, "_out", sys.stdout)
            buffer = getattr(stream, "buffer", None)
            if buffer is not None:
                buffer.write(content)
                buffer.flush()
            else:
                stream.write(content.decode("utf-8"))
            return
        with open(output, "wb") as handle:
            handle.write(content)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote the {year} report ({report.get_state_display()}) to {output}."
            )
        )
