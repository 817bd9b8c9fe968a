import sys

from django.core.management.base import BaseCommand, CommandError

from reports.export import FORMATS, export_file
from reports.models import AnnualReport


class Command(BaseCommand):
    help = (
        "Write a year's report as a standalone HTML file, a Word document or a PDF: the same "
        "bytes as the download."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="The report's year, for example 2011.")
        parser.add_argument(
            "-o",
            "--output",
            required=True,
            help="The file to write, or - for standard output.",
        )
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            default="html",
            help="html (the default), docx or pdf.",
        )

    def handle(self, *args, year, output, format="html", **options):
        report = AnnualReport.objects.filter(year=year).first()
        if report is None:
            known = ", ".join(str(y) for y in AnnualReport.objects.values_list("year", flat=True))
            raise CommandError(
                f"There is no report for {year}. Reports exist for: {known or 'no year yet'}."
            )
        content = export_file(report, format)
        if content is None:
            raise CommandError(
                f"The {year} report was issued before Word and PDF files were kept: reopen "
                "it and issue it again to make them."
            )
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
                f"Wrote the {year} report ({report.get_state_display()}, {format}) to {output}."
            )
        )
