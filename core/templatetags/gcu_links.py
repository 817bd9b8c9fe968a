from django import template

from core.links import linkable

register = template.Library()


@register.filter
def link_href(address):
    """The address if a page may link to it (http, https, mailto), else ""."""
    return linkable(address)
