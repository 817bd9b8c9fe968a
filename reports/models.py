"""The annual coordination report."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities import roles


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Final")


class AnnualReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Issued reports are public; drafts are for managers only."""
        if roles.is_manager(user):
            return self.all()
        return self.filter(state=ReportState.FINAL)


class AnnualReport(models.Model):
    """One year's coordination report: a draft renders live, a final one is served as issued."""

    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year the report is named after, for example 2011.")
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("For example “Gender Coordination Report 2011”.")
    )
    symbol = models.CharField(
        _("document symbol"),
        max_length=50,
        help_text=_("Printed in every page header, for example CRP/36."),
    )
    period_start = models.DateField(_("reporting period starts"))
    period_end = models.DateField(
        _("reporting period ends"),
        help_text=_("Activities that took place, at least partly, in the period are reported."),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "The opening paragraphs, in plain text; separate paragraphs with a blank line. "
            "The list of thematic areas worked on follows them."
        ),
    )
    state = models.CharField(
        _("state"),
        max_length=5,
        choices=ReportState.choices,
        default=ReportState.DRAFT,
        editable=False,
    )
    frozen_html = models.TextField(
        _("issued HTML"),
        blank=True,
        editable=False,
        help_text=_("The exported file as it was when the report was marked final."),
    )
    frozen_at = models.DateTimeField(_("marked final"), null=True, blank=True, editable=False)

    # Keeps every issued version: reopening clears frozen_html, the history does not.
    history = HistoricalRecords()

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            models.UniqueConstraint(
                fields=["year"],
                name="annualreport_unique_year",
                violation_error_code="unique",
                violation_error_message=_("There is already a report for this year."),
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="annualreport_period_end_not_before_start",
                violation_error_message=_("The reporting period cannot end before it starts."),
            ),
            # A final report always carries the HTML it was issued with; a draft never does.
            models.CheckConstraint(
                condition=Q(state="draft", frozen_at__isnull=True)
                | Q(state="final", frozen_at__isnull=False),
                name="annualreport_final_is_frozen",
                violation_error_message=_("A final report keeps the HTML it was issued with."),
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.symbol})"

    def get_absolute_url(self):
        return reverse("reports:detail", kwargs={"year": self.year})

    @property
    def is_final(self):
        return self.state == ReportState.FINAL

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The reporting period cannot end before it starts.")}
            )
