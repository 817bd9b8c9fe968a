"""Only http(s) and mailto addresses become links, whatever is stored."""

import pytest

from core.links import linkable


@pytest.mark.parametrize(
    ("stored", "link"),
    [
        ("https://www.un.org/womenwatch", "https://www.un.org/womenwatch"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
        ("mailto:gcu@example.org", "mailto:gcu@example.org"),
        ("  https://example.org  ", "https://example.org"),
        ("javascript:alert(1)", ""),
        ("JavaScript:alert(1)", ""),
        (" java\tscript:alert(1)", ""),
        ("java\nscript:alert(1)", ""),
        ("\x01javascript:alert(1)", ""),
        ("vbscript:msgbox(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("file:///etc/passwd", ""),
        ("ftp://example.org", ""),
        ("//example.org", ""),
        ("www.un.org", ""),
        ("/activities/", ""),
        ("http://[::1", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_only_http_https_and_mailto_addresses_are_links(stored, link):
    assert linkable(stored) == link
