"""What an activity is filed under: thematic areas, types, events, initiatives, report sections."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from activities.choices import DatePrecision, EventKind
from core import addresses
from core.dates import normalise_to_precision
from core.model_rules import (
    ancestry_errors,
    date_range_errors,
    end_not_before_start,
    not_own_parent,
)


class ThematicArea(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position in lists and in the report.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        constraints = [not_own_parent("thematicarea_not_own_parent")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return addresses.page_of(self)

    def clean(self):
        if errors := ancestry_errors(self):
            raise ValidationError(errors)


class ActivityType(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")

    def __str__(self):
        return self.name


class Event(models.Model):
    """An occasion activities belong to; recurring ones are editions of a series."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    series = models.ForeignKey(
        "self",
        verbose_name=_("edition of"),
        help_text=_("For recurring events such as International Women's Day: the series."),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="editions",
    )
    edition = models.CharField(
        _("edition"), max_length=50, blank=True, help_text=_("For example 2011, or Fifty-fifth.")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    organiser = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_events",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            end_not_before_start("event_end_not_before_start"),
            not_own_parent("event_not_own_series", field="series"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(start_date__isnull=False),
                name="event_end_needs_start",
                violation_error_message=_("An end date needs a start date."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return addresses.page_of(self)

    def clean(self):
        errors = date_range_errors(self.start_date, self.end_date)
        if self.end_date and not self.start_date:
            errors["start_date"] = _("Give the start date when there is an end date.")
        errors.update(ancestry_errors(self, field="series"))
        if errors:
            raise ValidationError(errors)
        self.start_date = normalise_to_precision(self.start_date, self.date_precision)


class Initiative(models.Model):
    """A workstream whose activities the report narrates together under one heading."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    summary = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "What the workstream is, for staff; it is not printed. Each annual report keeps "
            "its own paragraph for the initiative (Annual reports → the report → initiative "
            "paragraphs), so that one year's words never change another's."
        ),
    )
    cumulative_label = models.CharField(
        _("people reached, counted as"),
        max_length=100,
        blank=True,
        help_text=_(
            "For example “diaspora women”: the report then adds how many participants the "
            "initiative's activities have reached so far, summed from their records."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self):
        return self.title


class ReportSection(models.Model):
    """Where in the annual report an activity is filed: one of the unit's standing chapters."""

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
