"""Agencies and bodies the unit works with."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import addresses
from core.model_rules import ancestry_errors, not_own_parent
from core.sheets import match_key


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


class PartnerAlias(models.Model):
    """Another name a partner goes by in the unit's logs ("OIT", "U.N.F.P.A."), said once.

    Imports match it as they match the partner's own names; `key` is the name as matched
    (no case, accents, punctuation or spaces), so one spelling means one partner.
    """

    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField(
        _("name as written"),
        max_length=200,
        help_text=_(
            "As it appears in the unit's spreadsheets; case, accents and dots do not matter."
        ),
    )
    key = models.CharField(_("matching key"), max_length=200, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added on"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner alias")
        verbose_name_plural = _("partner aliases")

    def __str__(self):
        return f"{self.name} → {self.partner.short_name}"

    def clean(self):
        self.key = match_key(self.name)
        if not self.key:
            raise ValidationError({"name": _("Write the name with at least one letter or digit.")})
        taken = PartnerAlias.objects.filter(key=self.key).exclude(pk=self.pk).first()
        if taken:
            raise ValidationError(
                {
                    "name": _("“%(name)s” already means %(partner)s.")
                    % {"name": taken.name, "partner": taken.partner}
                }
            )
        if self.partner_id:
            for other in Partner.objects.exclude(pk=self.partner_id):
                names = (other.name, other.acronym, *_translations(other))
                if any(self.key == match_key(n) for n in names if n):
                    raise ValidationError(
                        {"name": _("This is what %(partner)s is called.") % {"partner": other}}
                    )


def _translations(partner):
    for field in ("name", "acronym"):
        for language in ("en", "fr", "es"):
            yield getattr(partner, f"{field}_{language}", "") or ""
