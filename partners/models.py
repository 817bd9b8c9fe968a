"""Agencies and bodies the unit works with."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import addresses
from core.model_rules import ancestry_errors, not_own_parent


class PartnerKind(models.TextChoices):
    UN_ENTITY = "un_entity", _("UN entity or agency")
    UN_BODY = "un_body", _("UN intergovernmental or expert body")
    INTER_AGENCY = "inter_agency", _("Inter-agency network or task force")
    INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental organization or process")
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society organization")
    ACADEMIC = "academic", _("Academic or research institution")
    INTERNAL = "internal", _("Office or unit of the organization")
    OTHER = "other", _("Other")


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=PartnerKind.choices, default=PartnerKind.OTHER
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        help_text=_("The larger body this one belongs to, if any."),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [not_own_parent("partner_not_own_parent")]

    def __str__(self):
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self):
        return addresses.page_of(self)

    @property
    def short_name(self):
        """The acronym where the partner is better known by it."""
        return self.acronym or self.name

    def clean(self):
        if errors := ancestry_errors(self, message=_("A partner cannot be part of itself.")):
            raise ValidationError(errors)
