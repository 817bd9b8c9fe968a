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
    APPROVED = "approved", _("Approved")


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
