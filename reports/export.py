"""The report's three files: standalone HTML (its CSS inline, nothing fetched), Word and PDF.

All three are drawn from one built report; the PDF is the HTML laid out on A4 pages by
WeasyPrint with the same CSS paged media. The downloads, `manage.py export_report` and
the copies stored when a report is issued all come from here, so they are the same bytes.
"""

import base64
import hashlib
import re
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from reports.builder import build_report

STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
BODY = re.compile(r"<!-- report -->(.*?)<!-- /report -->", re.DOTALL)
CSS_SAFE = set(" /-_.,:;()")


def css_string(value):
    """A quoted CSS string for `value` that can close neither the string nor the style element."""
    escaped = "".join(
        char if char.isalnum() or char in CSS_SAFE else f"\\{ord(char):x} " for char in value
    )
    return f'"{escaped}"'


# The report's typeface ships with the product (reports/fonts, SIL Open Font License): the
# PDF embeds these files whatever fonts the server has, so an issue is the same file on any
# server. The HTML file names the same face and, where the reader lacks it, Times New Roman,
# whose metrics it shares; the Word file names Times New Roman (reports/word.py).
FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = '"Report Serif", "Liberation Serif", "Times New Roman", Times, serif'
FACES = (
    # (file, weight, style, the names a reader's machine knows the face by)
    ("LiberationSerif-Regular.ttf", "normal", "normal", ("Liberation Serif", "Times New Roman")),
    (
        "LiberationSerif-Bold.ttf",
        "bold",
        "normal",
        ("Liberation Serif Bold", "Times New Roman Bold"),
    ),
    (
        "LiberationSerif-Italic.ttf",
        "normal",
        "italic",
        ("Liberation Serif Italic", "Times New Roman Italic"),
    ),
    (
        "LiberationSerif-BoldItalic.ttf",
        "bold",
        "italic",
        ("Liberation Serif Bold Italic", "Times New Roman Bold Italic"),
    ),
)


def font_faces(embedded):
    """The @font-face rules of the report's face: the shipped files for the PDF, the
    reader's own copy of the face (by name) in the HTML file, which fetches nothing."""
    rules = []
    for file, weight, style, names in FACES:
        if embedded:
            source = f'url("{(FONTS / file).as_uri()}")'
        else:
            source = ", ".join(f'local("{name}")' for name in names)
        rules.append(
            f'@font-face {{ font-family: "Report Serif"; src: {source}; '
            f"font-weight: {weight}; font-style: {style}; }}"
        )
    return "\n".join(rules)


def fonts_only():
    """WeasyPrint's fetcher for the PDF: the shipped font files, and nothing else (a link
    or a name in a record's text never makes the server fetch anything)."""
    from weasyprint.urls import URLFetcher

    allowed = {(FONTS / file).as_uri() for file, *_ in FACES}

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"The report's PDF loads nothing but its typeface, not {url}")
            return super().fetch(url, headers)

    return FontsOnly()


FORMATS = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def html_of(report, document, *, embedded_fonts=False):
    """The standalone HTML of a built report (for the PDF, with the shipped font files)."""
    with translation.override(report.language):
        style = render_to_string(
            "reports/export.css",
            {
                "faces": mark_safe(font_faces(embedded_fonts)),
                "family": mark_safe(FAMILY),
                "symbol": mark_safe(css_string(report.symbol)),
                "page": mark_safe(css_string(_("Page") + " ")),
            },
        ).strip()
        return render_to_string(
            "reports/export.html", {"document": document, "style": mark_safe(style)}
        )


def pdf_of(report, document):
    """The report laid out on A4 pages in its own typeface, its header on every page but
    the first."""
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    html = html_of(report, document, embedded_fonts=True)
    return HTML(string=html, url_fetcher=fonts_only()).write_pdf(font_config=FontConfiguration())


def docx_of(document):
    from reports.word import render_docx

    with translation.override(document.language):
        return render_docx(document)


def build(report):
    """The built report in the report's language: a file must not depend on who asks for it."""
    with translation.override(report.language):
        return build_report(report)


def render_export(report):
    """The standalone HTML of `report`, built live from the records."""
    return html_of(report, build(report))


def render_all(report):
    """All three formats from one build of the report: {"html": str, "docx": …, "pdf": …}."""
    document = build(report)
    return {
        "html": html_of(report, document),
        "docx": docx_of(document),
        "pdf": pdf_of(report, document),
    }


def export_html(report):
    """What is served and exported: a final report as issued, a draft as the records stand."""
    if report.is_final:
        return report.frozen_html
    return render_export(report)


def export_file(report, fmt):
    """The bytes of `report` in `fmt` (html, docx or pdf): as issued, or built from the records.

    None when an issue made before Word and PDF existed has no such file.
    """
    if fmt == "html":
        return export_html(report).encode("utf-8")
    issue = report.issues.order_by("-number").first() if report.is_final else None
    if issue is not None:
        stored = getattr(issue, fmt)
        return bytes(stored) if stored is not None else None
    if report.is_final:
        return None  # issued before its files were kept: only its HTML exists
    if fmt == "docx":
        return docx_of(build(report))
    return pdf_of(report, build(report))


def export_bytes(report):
    return export_file(report, "html")


def filename(report, fmt="html"):
    return f"gcu-report-{report.year}.{fmt}"


def style_hash(style):
    """The CSP source that allows exactly this inline style."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"


def content_security_policy(html):
    """Allow the document's own inline style, by its hash, and nothing else."""
    hashes = " ".join(style_hash(style) for style in STYLE.findall(html))
    return f"default-src 'none'; style-src {hashes}" if hashes else "default-src 'none'"


def report_body(html):
    """The report itself out of an exported file, for showing an issued report in the site."""
    match = BODY.search(html)
    return mark_safe(match.group(1)) if match else ""
