"""The annual coordination report."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities import roles
from activities.languages import Language, known_language_constraint
from core.model_rules import end_not_before_start
from reports.sentences import (  # noqa: F401  (migrations name the defaults here)
    COMMITMENTS_PLACEHOLDERS,
    COMMITMENTS_SENTENCE_HELP,
    DEFAULT_COMMITMENTS_SENTENCE,
    DEFAULT_NETWORK_SENTENCE,
    DEFAULT_SENTENCES,
    NETWORK_PLACEHOLDERS,
    NETWORK_SENTENCE_HELP,
    default_areas_sentence,
    default_others_sentence,
    default_others_title,
    default_reach_sentence,
    in_report_language,
    sentences_follow_language,
)


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Final")


class HeadingNumbering(models.TextChoices):
    ROMAN = "roman", _("Roman numerals (I, II, III …)")
    NONE = "none", _("Not numbered")


MARKUP_HELP = _(
    "Separate paragraphs with a blank line. Start lines with (a), (b), (c) for a lettered "
    "list, or with a dash for bullets. *Asterisks* set a title in italics; "
    "[words](https://…) make a link."
)

# What a new year's report takes over from the last one (reports/services.py, start_from).
LAYOUT_FIELDS = (
    "language",
    "introduction",
    "introduction_title",
    "closing",
    "closing_title",
    "heading_numbering",
    "number_paragraphs",
    "areas_sentence",
    "others_title",
    "others_sentence",
    "reach_sentence",
    "document_type",
    "distribution",
    "original_language",
    "session",
    "show_period",
)

# The report's own texts that belong to its year: copied into a new report, they arrive
# marked as carried over until the manager edits or checks them.
YEAR_TEXTS = ("introduction", "closing")
# Every text of its own a report prints, checked for years earlier than its period.
OWN_TEXTS = (
    "introduction",
    "closing",
    "areas_sentence",
    "others_sentence",
    "others_title",
    "reach_sentence",
)


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
    # Everything the report prints follows it: dates, the builder's sentences as they
    # start, and each record's title and summary where the record has them in it.
    language = models.CharField(
        _("language of the report"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_(
            "The report is issued in this language, with each record's text in it where "
            "given (English for the Council's papers)."
        ),
    )
    period_start = models.DateField(_("reporting period starts"))
    period_end = models.DateField(
        _("reporting period ends"),
        help_text=_("Activities that took place, at least partly, in the period are reported."),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("The opening paragraphs; the list of thematic areas worked on follows them. ")
        + MARKUP_HELP,
    )
    closing = models.TextField(_("closing text"), blank=True, help_text=MARKUP_HELP)
    closing_title = models.CharField(_("heading of the closing text"), max_length=200, blank=True)
    introduction_title = models.CharField(
        _("heading of the introduction"), max_length=200, default=_("Introduction"), blank=True
    )

    # How it is numbered.
    heading_numbering = models.CharField(
        _("headings"),
        max_length=5,
        choices=HeadingNumbering.choices,
        default=HeadingNumbering.ROMAN,
    )
    number_paragraphs = models.BooleanField(
        _("number the paragraphs"),
        default=True,
        help_text=_("Paragraphs numbered 1, 2, 3 … continuously through the report."),
    )

    # The sentences the builder writes; an empty one is left out.
    areas_sentence = models.CharField(
        _("lead of the list of thematic areas"),
        max_length=300,
        blank=True,
        default=default_areas_sentence,
        help_text=_("Leave empty for no list of thematic areas."),
    )
    others_title = models.CharField(
        _("heading of the minor items"),
        max_length=100,
        blank=True,
        default=default_others_title,
    )
    others_sentence = models.CharField(
        _("lead of the minor items"),
        max_length=300,
        blank=True,
        default=default_others_sentence,
    )
    reach_sentence = models.CharField(
        _("people reached by an initiative"),
        max_length=300,
        blank=True,
        default=default_reach_sentence,
        help_text=_(
            "Ends the paragraph of an initiative that counts people: {count} is the sum from "
            "its records, {label} what they are counted as. Leave empty to say nothing."
        ),
    )

    # The cover block, as United Nations documents have it.
    document_type = models.CharField(
        _("document type"),
        max_length=100,
        blank=True,
        help_text=_("For example “Conference room paper”."),
    )
    distribution = models.CharField(
        _("distribution or language note"),
        max_length=100,
        blank=True,
        help_text=_("For example “General” or “English only”."),
    )
    issue_date = models.DateField(_("date of issue"), null=True, blank=True)
    original_language = models.CharField(
        _("original language"), max_length=50, blank=True, help_text=_("For example “English”.")
    )
    session = models.CharField(
        _("body and session"),
        max_length=300,
        blank=True,
        help_text=_("On one line, as printed: for example “103rd Session of the Council”."),
    )
    session_start = models.DateField(_("session starts"), null=True, blank=True)
    session_end = models.DateField(_("session ends"), null=True, blank=True)
    show_period = models.BooleanField(
        _("print the reporting period under the title"),
        default=False,
        help_text=_("The Council's papers print none; the records are chosen by it all the same."),
    )

    # Where the texts came from, and what the manager has looked at since.
    started_from = models.ForeignKey(
        "self",
        verbose_name=_("started from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    carried_over = models.JSONField(
        _("texts carried over"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("Texts copied from an earlier report and not edited or checked since."),
    )
    checked_texts = models.JSONField(
        _("texts checked for this year"),
        default=list,
        blank=True,
        editable=False,
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
            known_language_constraint("annualreport_language_known", "language"),
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
            end_not_before_start(
                "annualreport_session_end_not_before_start",
                start="session_start",
                end="session_end",
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
        sentences_follow_language(self)
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The reporting period cannot end before it starts.")
        if self.session_start and self.session_end and self.session_end < self.session_start:
            errors["session_end"] = _("The session cannot end before it starts.")
        if self.session_end and not self.session_start:
            errors["session_start"] = _("Give the day the session starts as well.")
        for name in ("reach_sentence",):
            try:
                getattr(self, name).format(count=1, label="")
            except (KeyError, IndexError, ValueError):
                errors[name] = _("Use {count} and {label} only, each in braces.")
        if errors:
            raise ValidationError(errors)


class ReportHeading(models.Model):
    """A heading of one report, as printed there, gathering the records of some sections.

    Each report has its own, so that a heading renamed, moved or added for one year leaves
    every other report as it was.
    """

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="headings"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("heading as printed"), max_length=200)
    sections = models.ManyToManyField(
        "activities.ReportSection",
        verbose_name=_("records filed under"),
        blank=True,
        related_name="report_headings",
        help_text=_("The records filed under these sections appear under this heading."),
    )
    # Figures the builder states under this heading (reports/figure_sentences.py).
    network_sentence = models.CharField(
        _("sentence on the focal point network"),
        max_length=500,
        blank=True,
        help_text=NETWORK_SENTENCE_HELP,
    )
    commitments_source = models.ForeignKey(
        "commitments.Source",
        verbose_name=_("commitments stated"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Its published commitments are counted by status under this heading."),
    )
    commitments_sentence = models.CharField(
        _("sentence on the commitments"),
        max_length=500,
        blank=True,
        help_text=COMMITMENTS_SENTENCE_HELP,
    )

    class Meta:
        ordering = ["report", "order", "id"]
        verbose_name = _("heading")
        verbose_name_plural = _("headings")

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        for name, placeholders in (
            ("network_sentence", NETWORK_PLACEHOLDERS),
            ("commitments_sentence", COMMITMENTS_PLACEHOLDERS),
        ):
            try:
                getattr(self, name).format(**placeholders)
            except (KeyError, IndexError, ValueError):
                errors[name] = _("Use only the names listed below, each in braces.")
        if self.commitments_sentence and not self.commitments_source_id:
            errors["commitments_source"] = _("Choose the commitments the sentence counts.")
        if errors:
            raise ValidationError(errors)


class InitiativeText(models.Model):
    """What one report prints for an initiative: its own words, so that another year's
    text for the same initiative never changes this report."""

    report = models.ForeignKey(
        AnnualReport,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="initiative_texts",
    )
    initiative = models.ForeignKey(
        "activities.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="report_texts",
    )
    text = models.TextField(
        _("paragraphs"),
        blank=True,
        help_text=_(
            "Printed in place of its records' own summaries. {count} puts in the number of "
            "people its records have reached, summed from them."
        )
        + " "
        + MARKUP_HELP,
    )
    carried_over = models.BooleanField(
        _("carried over"),
        default=False,
        help_text=_("Copied from an earlier report and not edited or checked since."),
    )
    checked = models.BooleanField(
        _("checked for this year"),
        default=False,
        help_text=_("Tick once the text is right for this report's year."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "initiative__title"]
        verbose_name = _("initiative paragraph")
        verbose_name_plural = _("initiative paragraphs")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "initiative"],
                name="initiativetext_one_per_report",
                violation_error_message=_("This report already has a text for this initiative."),
            )
        ]

    def __str__(self):
        return str(self.initiative)


class ReportIssue(models.Model):
    """One issue of a report, in its three formats, kept when the report is issued again."""

    report = models.ForeignKey(
        AnnualReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="issues"
    )
    number = models.PositiveSmallIntegerField(_("issue"))
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    correction = models.BooleanField(
        _("corrected version"),
        default=False,
        help_text=_("Issued again because records of its period changed after an issue."),
    )
    html = models.TextField(_("HTML"))
    # Reports issued before Word and PDF were made have their HTML only.
    docx = models.BinaryField(_("Word"), null=True)
    pdf = models.BinaryField(_("PDF"), null=True)

    class Meta:
        ordering = ["report", "-number"]
        verbose_name = _("issued version")
        verbose_name_plural = _("issued versions")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reportissue_unique_number")
        ]

    def __str__(self):
        return _("%(report)s, issue %(number)s") % {"report": self.report, "number": self.number}
