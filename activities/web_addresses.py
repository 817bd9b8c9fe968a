"""A record's web address: neutral while only some may read it, made from its title once
a manager publishes it.

An address is read by people who may not read the record (in a log, a link passed on, a
browser's history), so it carries no words of a title until the record is public: a new
record gets "record-" and ten random hex digits; publishing gives it an address made from
its title then (services.finish_change). Every address it had stays a FormerAddress that
redirects to the current one for those who may read the record.
"""

import re
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

NEUTRAL = re.compile(r"^record-[0-9a-f]{10}$")


def neutral_slug():
    """A new address that says nothing of the record: "record-3f9c0a17b2"."""
    return f"record-{secrets.token_hex(5)}"


def is_neutral(slug):
    return bool(NEUTRAL.match(slug or ""))


class FormerAddress(models.Model):
    """An address a record had before it was published: it redirects to the current one."""

    slug = models.SlugField(_("former web address"), max_length=255, unique=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="former_addresses",
    )
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)

    class Meta:
        ordering = ["-replaced_at"]
        verbose_name = _("former web address")
        verbose_name_plural = _("former web addresses")

    def __str__(self):
        return self.slug
