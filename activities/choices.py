"""The fixed lists of choices that activities and what they are filed under use."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class EventKind(models.TextChoices):
    SESSION = "session", _("Session of an intergovernmental body")
    OBSERVANCE = "observance", _("International day or observance")
    CONFERENCE = "conference", _("Conference or summit")
    SYMPOSIUM = "symposium", _("Symposium or forum")
    MEETING = "meeting", _("Meeting")
    TRAINING = "training", _("Training programme")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved")


class ChangeState(models.TextChoices):
    """Where a pending change to an approved record stands."""

    DRAFT = "draft", _("Being written")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")


class ReviewAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    WITHDRAWN = "withdrawn", _("Withdrawn from review")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    VISIBILITY = "visibility", _("Visibility changed")
    CHANGE_SUBMITTED = "change_submitted", _("Change submitted for review")
    CHANGE_WITHDRAWN = "change_withdrawn", _("Change withdrawn from review")
    CHANGE_APPROVED = "change_approved", _("Change approved and applied")
    CHANGE_RETURNED = "change_returned", _("Change returned for changes")
    CHANGE_DISCARDED = "change_discarded", _("Change discarded")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal")
    CONFIDENTIAL = "confidential", _("Confidential")


class Prominence(models.TextChoices):
    HEADLINE = "headline", _("Headline: a paragraph under its own subheading")
    PARAGRAPH = "paragraph", _("Paragraph without a subheading")
    MINOR = "minor", _("Minor: a bullet under “Others”")


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    CO_ORGANISER = "co_organiser", _("Co-organiser")
    HOST = "host", _("Host")
    CO_HOST = "co_host", _("Co-host")
    FUNDER = "funder", _("Funder")
    COLLABORATOR = "collaborator", _("Collaborator")
    PARTICIPANT = "participant", _("Participant")
    BENEFICIARY = "beneficiary", _("Beneficiary")


class OutputKind(models.TextChoices):
    PUBLICATION = "publication", _("Publication")
    PAPER = "paper", _("Paper")
    INFORMATION_SHEET = "information_sheet", _("Information sheet")
    PRESS_RELEASE = "press_release", _("Press release")
    CONTRIBUTION = "contribution", _("Contribution to a report")
    COURSE = "course", _("Course or training material")
    OTHER = "other", _("Other")
