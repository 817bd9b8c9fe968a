"""UN-SWAP 2.0: the 17 performance indicators in their six areas, and the activities and
commitments tagged as evidence for them. The indicators are a managed table, filled by a
migration (0002) and kept by managers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from commitments.models import Commitment


class IndicatorArea(models.TextChoices):
    RESULTS = "results", _("Results-based management")
    OVERSIGHT = "oversight", _("Oversight")
    ACCOUNTABILITY = "accountability", _("Accountability")
    RESOURCES = "resources", _("Human and financial resources")
    CAPACITY = "capacity", _("Capacity")
    COHERENCE = "coherence", _("Knowledge, communication and coherence")


class Indicator(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    area = models.CharField(_("area"), max_length=20, choices=IndicatorArea.choices)

    class Meta:
        ordering = ["number"]
        verbose_name = _("UN-SWAP performance indicator")
        verbose_name_plural = _("UN-SWAP performance indicators")

    def __str__(self):
        return _("PI %(number)s: %(title)s") % {"number": self.number, "title": self.title}


class ActivityTag(models.Model):
    """An activity given as evidence for an indicator, by someone, never by a guess alone."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="activity_tags",
    )
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="unswap_tags"
    )
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tagged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["indicator", "activity"]
        verbose_name = _("activity given as evidence")
        verbose_name_plural = _("activities given as evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "activity"],
                name="activitytag_unique",
                violation_error_message=_("This activity is already evidence for the indicator."),
            )
        ]

    def __str__(self):
        return f"{self.indicator} ← {self.activity}"


class CommitmentTag(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="commitment_tags",
    )
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="unswap_tags",
    )

    class Meta:
        ordering = ["indicator", "commitment"]
        verbose_name = _("commitment given as evidence")
        verbose_name_plural = _("commitments given as evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "commitment"],
                name="commitmenttag_unique",
                violation_error_message=_("This commitment is already evidence for the indicator."),
            )
        ]

    def __str__(self):
        return f"{self.indicator} ← {self.commitment}"
