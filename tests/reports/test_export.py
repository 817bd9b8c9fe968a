"""The standalone file: one valid HTML5 document, inline CSS, nothing fetched, printable on A4."""

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from activities.models import Activity
from reports.export import css_string
from tests.reports.conftest import spaced

pytestmark = pytest.mark.django_db

EXPORT = reverse("reports:export", kwargs={"year": 2011})
VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col"}


class TagChecker(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.errors, self.decl = [], [], None

    def handle_decl(self, decl):
        self.decl = decl

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.errors.append(tag)


def style_of(html):
    return re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)


@pytest.fixture
def export(small_report, manager_client):
    return manager_client.get(EXPORT)


def test_the_download_is_an_attachment_named_after_the_year(export):
    assert export.status_code == 200
    assert export["Content-Type"] == "text/html; charset=utf-8"
    assert export["Content-Disposition"] == 'attachment; filename="gcu-report-2011.html"'


def test_the_file_is_a_complete_html5_document(export):
    html = export.content.decode()
    assert html.startswith("<!doctype html>\n")
    assert '<html lang="en">' in html
    assert '<meta charset="utf-8">' in html
    assert "<title>Gender Coordination Report 2011 (CRP/36)</title>" in html
    checker = TagChecker()
    checker.feed(html)
    checker.close()
    assert checker.decl == "doctype html"
    assert checker.errors == []
    assert checker.open == []


def test_the_file_fetches_nothing_and_runs_nothing(export):
    html = export.content.decode()
    for forbidden in ["http://", "https://", "<script", "<link", "<img", "src=", "@import", "url("]:
        assert forbidden not in html


def test_the_file_prints_on_a4_with_symbol_above_the_page_number_in_the_header(export):
    style = style_of(export.content.decode())
    assert "size: A4;" in style
    assert 'content: "CRP/36" "\\A" "Page " counter(page);' in style
    assert "white-space: pre;" in style
    # None on the first page, whose masthead carries the symbol.
    assert "@page :first {\n  @top-right { content: none; }" in style


def test_the_csp_header_allows_exactly_the_inline_style(export):
    style = style_of(export.content.decode())
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert export["Content-Security-Policy"] == f"default-src 'none'; style-src 'sha256-{digest}'"


def test_the_file_has_no_trace_links_even_for_managers(export):
    html = export.content.decode()
    assert "Built from" not in html
    assert "<a " not in html


def test_the_file_has_the_title_block_and_numbered_paragraphs(export):
    html = export.content.decode()
    assert '<p class="symbol">CRP/36</p>' in html
    # The Council's paper prints no reporting period under its title.
    assert "Reporting period" not in html
    assert '<span class="numeral">I.</span> Introduction' in html
    assert '<span class="numeral">II.</span> Awareness-raising activities' in html
    assert "<h3>Information sheets</h3>" in html
    assert "<h3>Others</h3>" in html
    assert re.search(r'<span class="number">4\.</span>', html)
    assert "labour migration (Vienna, 17 and 18 May 2011).</li>" in spaced(html)


def test_text_from_records_is_escaped(small_report, manager_client):
    Activity.objects.filter(slug="vienna-training").update(
        summary="A <script>alert(1)</script> & “quotes”."
    )
    html = manager_client.get(EXPORT).content.decode()
    assert "<script>" not in html
    assert "A &lt;script&gt;alert(1)&lt;/script&gt; &amp; “quotes”" in html


def test_a_symbol_cannot_break_out_of_the_style(small_report, manager_client):
    small_report.symbol = 'X"; } </style><script>alert(1)</script>'
    small_report.save()
    response = manager_client.get(EXPORT)
    html = response.content.decode()
    assert "<script>" not in html
    assert html.count("</style>") == 1
    style = style_of(html)
    assert "</" not in style
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert digest in response["Content-Security-Policy"]


def test_css_strings_escape_quotes_backslashes_and_angle_brackets():
    assert css_string("CRP/36") == '"CRP/36"'
    assert css_string('a"b\\c<d') == '"a\\22 b\\5c c\\3c d"'


def test_the_file_does_not_depend_on_the_readers_language(small_report, manager_client):
    english = manager_client.get(EXPORT).content
    french = manager_client.get(EXPORT, HTTP_ACCEPT_LANGUAGE="fr").content
    assert french == english
