"""What the IATI export needs beyond the records: sectors and gender marker, set by managers."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ThematicArea
from iati.codelists import SIGNIFICANCE_CHOICES

DAC_CODE = RegexValidator(r"^\d{5}$", _("Give a five-digit OECD DAC purpose code, e.g. 15170."))


class AreaMapping(models.Model):
    """How a thematic area is published to IATI: its sector and its gender marker."""

    thematic_area = models.OneToOneField(
        ThematicArea,
        verbose_name=_("thematic area"),
        on_delete=models.CASCADE,
        related_name="iati_mapping",
    )
    sector_code = models.CharField(
        _("DAC sector code"),
        max_length=5,
        blank=True,
        validators=[DAC_CODE],
        help_text=_("OECD DAC purpose code (five digits), for example 15170."),
    )
    gender_significance = models.PositiveSmallIntegerField(
        _("gender equality marker"),
        choices=SIGNIFICANCE_CHOICES,
        null=True,
        blank=True,
        help_text=_("For the records of this area, unless a record has its own."),
    )

    class Meta:
        ordering = ["thematic_area__order", "thematic_area__name"]
        verbose_name = _("IATI mapping of a thematic area")
        verbose_name_plural = _("IATI mappings of thematic areas")
        constraints = [
            models.CheckConstraint(
                condition=Q(gender_significance__isnull=True) | Q(gender_significance__lte=2),
                name="areamapping_significance_0_to_2",
                violation_error_message=_("The gender marker takes 0, 1 or 2."),
            ),
            models.CheckConstraint(
                condition=Q(sector_code="") | Q(sector_code__regex=r"^[0-9]{5}$"),
                name="areamapping_sector_five_digits",
                violation_error_message=_("Give a five-digit OECD DAC purpose code."),
            ),
        ]

    def __str__(self):
        return str(self.thematic_area)


class ActivityMarker(models.Model):
    """A record's own gender equality marker, over the one of its thematic areas."""

    activity = models.OneToOneField(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="iati_marker",
    )
    gender_significance = models.PositiveSmallIntegerField(
        _("gender equality marker"), choices=SIGNIFICANCE_CHOICES
    )

    class Meta:
        ordering = ["activity"]
        verbose_name = _("gender marker of a record")
        verbose_name_plural = _("gender markers of records")
        constraints = [
            models.CheckConstraint(
                condition=Q(gender_significance__lte=2),
                name="activitymarker_significance_0_to_2",
                violation_error_message=_("The gender marker takes 0, 1 or 2."),
            ),
        ]

    def __str__(self):
        return str(self.activity)
