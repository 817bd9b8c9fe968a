"""The annual coordination report and its sections."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportSection(models.Model):
    """A chapter of the annual report; the same table serves every year."""

    title = models.CharField(_("title"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(
        _("order"), unique=True, help_text=_("Sections appear in the report in this order.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What belongs here, for the staff filing records."),
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")

    def __str__(self):
        return self.title
