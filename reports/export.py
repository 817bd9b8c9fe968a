"""The standalone report file: one HTML document, its CSS inline, nothing fetched from elsewhere.

The download, `manage.py export_report` and the copy frozen at finalisation all come
from here, so they are the same bytes.
"""

import base64
import hashlib
import re

from django.conf import settings
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


def render_export(report):
    """The standalone HTML of `report`, built live from the records."""
    # An issued document has one language: the file must not depend on who downloads it.
    with translation.override(settings.LANGUAGE_CODE):
        style = render_to_string(
            "reports/export.css",
            {
                "symbol": mark_safe(css_string(report.symbol)),
                "page": mark_safe(css_string(_("Page") + " ")),
            },
        ).strip()
        return render_to_string(
            "reports/export.html", {"document": build_report(report), "style": mark_safe(style)}
        )


def export_html(report):
    """What is served and exported: a final report as issued, a draft as the records stand."""
    if report.is_final:
        return report.frozen_html
    return render_export(report)


def export_bytes(report):
    return export_html(report).encode("utf-8")


def filename(report):
    return f"gcu-report-{report.year}.html"


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
