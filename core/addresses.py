"""Addresses of records built without a `reverse()` each: lists link every row."""

from django.urls import reverse

MARKER = "slug-marker"


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
