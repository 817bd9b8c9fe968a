"""Commitments the unit follows to completion: measures announced, plans of action, a task
force's work, each with dated progress updates and the activities that evidence them.

A commitment is public or internal under the activities' own visibility rule
(`activities.models.visibility_rule`: its review state, visibility and author).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.models import Activity, ReviewState, Visibility, visibility_rule
from core.model_rules import end_not_before_start


class SourceKind(models.TextChoices):
    PLAN_OF_ACTION = "plan_of_action", _("Plan of action")
    ANNOUNCEMENT = "announcement", _("Announcement by the Director General")
    TASK_FORCE = "task_force", _("Task force")
    OTHER = "other", _("Other")


class CommitmentStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    DELAYED = "delayed", _("Delayed")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_STATUSES = [CommitmentStatus.NOT_STARTED, CommitmentStatus.ON_TRACK, CommitmentStatus.DELAYED]


class Source(models.Model):
    """Where commitments come from: a plan of action, an announcement, a task force."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    announced_on = models.DateField(_("announced"), null=True, blank=True)

    class Meta:
        ordering = ["-announced_on", "title"]
        verbose_name = _("source of commitments")
        verbose_name_plural = _("sources of commitments")

    def __str__(self):
        return self.title


class CommitmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The commitments `user` may see: the activities' rule, on the same fields."""
        return self.filter(visibility_rule(user))

    def published(self):
        return self.filter(review_state=ReviewState.APPROVED, visibility=Visibility.PUBLIC)

    def overdue(self, day=None):
        """Open commitments past their due date."""
        day = day or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, due_on__lt=day)

    def update_due(self, day=None):
        """Open commitments whose next progress update is due."""
        day = day or timezone.localdate()
        return self.filter(status__in=OPEN_STATUSES, next_update_on__lte=day)


class Commitment(models.Model):
    title = models.CharField(_("title"), max_length=255)
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    owner_unit = models.CharField(
        _("owner unit"), max_length=200, help_text=_("The unit or division that carries it out.")
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Emailed when it is overdue or an update is due."),
    )
    announced_on = models.DateField(_("announced"))
    due_on = models.DateField(_("due"), null=True, blank=True)
    next_update_on = models.DateField(
        _("next update due"),
        null=True,
        blank=True,
        help_text=_("The responsible person is reminded from this day on."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.NOT_STARTED,
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    milestone = models.CharField(
        _("milestone reached"),
        max_length=255,
        blank=True,
        help_text=_("Where progress is told by milestones rather than a percentage."),
    )
    review_state = models.CharField(
        _("review state"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = HistoricalRecords()

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["source", "due_on", "title"]
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            end_not_before_start("commitment_due_not_before_announced", "announced_on", "due_on"),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__lte=100),
                name="commitment_progress_at_most_100",
                violation_error_message=_("Progress is at most 100%."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.announced_on and self.due_on and self.due_on < self.announced_on:
            raise ValidationError({"due_on": _("The due date cannot be before the announcement.")})


class ProgressUpdate(models.Model):
    """What was done, when, by whom, with the activities that show it."""

    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    written_on = models.DateField(_("date"), default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    text = models.TextField(_("progress"))
    evidence = models.ManyToManyField(
        Activity,
        verbose_name=_("evidence"),
        blank=True,
        related_name="commitment_updates",
        help_text=_("The activities that show this progress."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["commitment", "-written_on", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self):
        return f"{self.commitment} ({self.written_on})"
