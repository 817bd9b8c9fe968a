"""Where things are on the site: asked by what they are rather than by URL name, and
built without a `reverse()` each where a list links every row.

A record knows it has a page, not the name the site gives that page: the surface that
defines the URL names (web/urls.py) registers them here, so no domain app reverses a name
defined by a layer above it. Asking before the site's URLs are loaded loads them first.
"""

from django.urls import get_resolver, reverse

MARKER = "slug-marker"
_pages = {}  # model label: (URL name, attribute giving its one argument)
_places = {}  # a place's key ("partner-lookup"): URL name


def register_page(model, url_name, by="slug"):
    """The page of each record of `model` is `url_name`, reversed with the record's `by`."""
    _pages[model._meta.label] = (url_name, by)


def register_place(key, url_name):
    """A page that is not a record's (a lookup, a list), known by `key`."""
    _places[key] = url_name


def _loaded(registry, key):
    if key not in registry:
        get_resolver().url_patterns  # noqa: B018 - importing the URLconf registers the names
    return registry[key]


def page_of(record):
    """The address of `record`'s page."""
    url_name, by = _loaded(_pages, record._meta.label)
    return reverse(url_name, kwargs={by: getattr(record, by)})


def place(key):
    """The address of the page registered as `key`."""
    return reverse(_loaded(_places, key))


def slug_url(name):
    """A function giving, for a slug, the address `reverse(name, kwargs={"slug": slug})` gives.

    One `reverse()` for a page of rows instead of one per link (each costs as much as
    writing a whole row). Slugs hold only letters, digits, hyphens and underscores (the
    slug converter refuses anything else), so a slug goes into the address as it is.

    >>> slug_url("activities:detail")("csw-55-side-event")
    '/activities/csw-55-side-event/'
    """
    prefix, _marker, suffix = reverse(name, kwargs={"slug": MARKER}).rpartition(MARKER)

    def url(slug):
        return f"{prefix}{slug}{suffix}"

    return url
