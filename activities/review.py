"""The review of records: pending changes to approved records, and the log of every move.

An approved record's content changes only when a manager approves: a change by anyone else
is kept as its pending change (one per record), and every surface keeps showing the
approved content until then. Each review move is logged with who, when and the comment.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from activities.choices import ChangeState, ReviewAction, ReviewState, Visibility
from activities.records import Activity


class PendingChange(models.Model):
    """What someone other than a manager wants changed in an approved record."""

    activity = models.OneToOneField(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="pending_change",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=ChangeState.choices, default=ChangeState.DRAFT
    )
    based_on_version = models.PositiveIntegerField(_("based on version"))
    # Only what differs from the approved record: field values as JSON, and the areas,
    # partner roles and outputs when they differ (activities/workflow.py).
    values = models.JSONField(_("changed fields"), default=dict, blank=True)
    relations = models.JSONField(_("changed relations"), default=dict, blank=True)
    comment = models.TextField(_("reviewer's comment"), blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")

    def __str__(self):
        return _("Change to “%(activity)s”") % {"activity": self.activity}

    @property
    def is_editable(self):
        """Its author may go on editing it until it is submitted."""
        return self.state in (ChangeState.DRAFT, ChangeState.RETURNED)

    def proposed_fields(self):
        """(model field, proposed value as stored in JSON) for each field the change alters."""
        fields = {f.attname: f for f in Activity._meta.concrete_fields}
        return [(fields[attname], value) for attname, value in self.values.items()]

    def apply_to(self, activity):
        """Set the change's field values on `activity` (not saved); the one place that does."""
        for field, value in self.proposed_fields():
            setattr(activity, field.attname, field.to_python(value))
        return activity


# Review moves go between review states; publishing moves between visibilities.
STATE_LABELS = dict(ChangeState.choices) | dict(ReviewState.choices) | dict(Visibility.choices)


class ReviewEvent(models.Model):
    """One review move of an activity: who, when, from which state to which, and why."""

    # The log outlives a deletion (no database constraint), so a restored record has it back.
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="review_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=20, choices=ReviewAction.choices)
    # A state or a visibility: "confidential" is the longest.
    from_state = models.CharField(_("from"), max_length=12, blank=True)
    to_state = models.CharField(_("to"), max_length=12, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")
        indexes = [models.Index(fields=["activity", "-at"], name="reviewevent_activity_idx")]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"

    @classmethod
    def log(cls, activity, user, action, before, after, comment=""):
        """Add one move to the activity's log."""
        return cls.objects.create(
            activity_id=activity.pk,
            actor=user if getattr(user, "pk", None) else None,
            action=action,
            from_state=before or "",
            to_state=after or "",
            comment=comment,
        )

    @property
    def from_label(self):
        return self.state_label(self.from_state)

    @property
    def to_label(self):
        return self.state_label(self.to_state)

    def state_label(self, state):
        """A state as the log shows it. A pending change is always to an approved record, so
        its states read "Approved, with a change being written", never a draft's "Draft"."""
        if self.action.startswith("change_") and state in ChangeState.values:
            return _("Approved, with a change %(state)s") % {
                "state": str(ChangeState(state).label).lower()
            }
        return STATE_LABELS.get(state, state)


def visibility_action(before, after):
    """The move a change of visibility from `before` to `after` is, for the log."""
    if after == Visibility.PUBLIC:
        return ReviewAction.PUBLISHED
    if before == Visibility.PUBLIC:
        return ReviewAction.UNPUBLISHED
    return ReviewAction.VISIBILITY


class NotificationSetting(models.Model):
    """Whether a person is told by email about reviews (on unless they turn it off), and in
    which language: the one they last chose with the switcher."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_setting",
    )
    email = models.BooleanField(
        _("email me about reviews"),
        default=True,
        help_text=_("Submissions waiting for me (managers); approvals and returns of my work."),
    )
    # Stored on the account, not only in a cookie: emails are written in it, and a sign-in
    # on another device opens the site in it.
    language = models.CharField(
        _("language"), max_length=8, blank=True, default="", choices=settings.LANGUAGES
    )

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return str(self.user)
