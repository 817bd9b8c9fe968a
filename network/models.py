"""The gender focal point network: people in offices worldwide, and the trainings they had.

Internal: a focal point's name and email reach staff in a role only (the admin, the staff
API); every public surface sees counts at most (network/figures.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.model_rules import date_range_errors, end_not_before_start


class Sex(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")


class FocalRole(models.TextChoices):
    FOCAL_POINT = "focal_point", _("Focal point")
    ALTERNATE = "alternate", _("Alternate")


class Region(models.TextChoices):
    """Where an office reports to; headquarters stands apart."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE = "europe", _("Europe")
    MIDDLE_EAST = "middle_east", _("Middle East and North Africa")
    HEADQUARTERS = "headquarters", _("Headquarters")


class FocalPointQuerySet(models.QuerySet):
    def active_on(self, day):
        """Focal points in the role on `day`: appointed by then, and not ended before it."""
        return self.filter(appointed_on__lte=day).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gte=day)
        )


class FocalPoint(models.Model):
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("work email"), blank=True)
    sex = models.CharField(_("sex"), max_length=5, choices=Sex.choices)
    office = models.CharField(_("office"), max_length=200)
    country = CountryField(_("country"))
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    role = models.CharField(
        _("role"), max_length=20, choices=FocalRole.choices, default=FocalRole.FOCAL_POINT
    )
    appointed_on = models.DateField(_("appointed"))
    ended_on = models.DateField(
        _("ended"), null=True, blank=True, help_text=_("Empty while the person is in the role.")
    )
    time_share = models.PositiveSmallIntegerField(
        _("share of working time (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("The part of their working time given to the role, in per cent."),
    )
    terms_of_reference_signed = models.BooleanField(_("terms of reference signed"), default=False)

    history = HistoricalRecords()

    objects = FocalPointQuerySet.as_manager()

    class Meta:
        ordering = ["region", "country", "office", "name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            end_not_before_start(
                "focalpoint_ended_not_before_appointed", "appointed_on", "ended_on"
            ),
            models.CheckConstraint(
                condition=Q(time_share__isnull=True) | Q(time_share__lte=100),
                name="focalpoint_time_share_at_most_100",
                violation_error_message=_("The share of working time is at most 100%."),
            ),
        ]
        indexes = [models.Index(fields=["appointed_on", "ended_on"], name="focalpoint_dates_idx")]

    def __str__(self):
        return f"{self.name} ({self.office})"

    def clean(self):
        errors = date_range_errors(self.appointed_on, self.ended_on)
        if "end_date" in errors:
            errors = {"ended_on": errors.pop("end_date")}
        if errors:
            raise ValidationError(errors)


class Training(models.Model):
    """A training a focal point received, linked to the activity that gave it when there is one."""

    focal_point = models.ForeignKey(
        FocalPoint,
        verbose_name=_("focal point"),
        on_delete=models.CASCADE,
        related_name="trainings",
    )
    title = models.CharField(_("training"), max_length=255)
    received_on = models.DateField(_("date"), null=True, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_point_trainings",
        help_text=_("The unit's activity that gave the training, if any."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["focal_point", "received_on", "title"]
        verbose_name = _("training received")
        verbose_name_plural = _("trainings received")

    def __str__(self):
        return self.title
