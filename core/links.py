"""Which stored addresses a page makes into links: http(s) and mailto, nothing else.

The forms refuse other addresses, but a record may come from an import, the API, an older
version or the database itself; a `javascript:` address shown as a link runs in the
reader's browser, so every surface asks here before writing an `href`.
"""

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def linkable(address):
    """`address` when it may be a link, else "".

    >>> linkable("https://www.un.org/womenwatch")
    'https://www.un.org/womenwatch'
    >>> linkable("mailto:gcu@example.org")
    'mailto:gcu@example.org'
    >>> linkable("javascript:alert(1)"), linkable(" Java\\tScript:alert(1)")
    ('', '')
    >>> linkable("data:text/html,hi"), linkable("//example.org"), linkable("www.un.org")
    ('', '', '')
    """
    text = (address or "").strip()
    # Browsers drop tabs and line breaks inside an address before reading its scheme.
    cleaned = "".join(ch for ch in text if ch not in "\t\n\r")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return ""
    return text if scheme in LINK_SCHEMES else ""
