"""The unit's work: activities, the partners' roles in them and their outputs.

The visibility rule lives here, once (`visibility_rule`); every surface reads through it.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from activities import languages, roles
from activities.choices import (
    ActivityStatus,
    DatePrecision,
    OutputKind,
    PartnerRole,
    Prominence,
    ReviewState,
    Visibility,
)
from activities.filing import ActivityType, Event, Initiative, ReportSection, ThematicArea
from activities.web_addresses import FormerAddress, neutral_slug
from core import addresses
from core.dates import normalise_to_precision
from core.model_rules import date_range_errors, end_not_before_start


def approved_scope(user):
    """Which approved records `user` sees: (their visibilities, and whether also the
    confidential ones they created themselves). The approved half of `visibility_rule`,
    which is built from it; the dashboard's figures read it too."""
    if roles.is_manager(user):
        return list(Visibility.values), False
    if not roles.is_member(user):
        return [Visibility.PUBLIC], False
    return [Visibility.PUBLIC, Visibility.INTERNAL], roles.is_data_entry(user)


def visibility_rule(user):
    """The one visibility rule, as a condition on a record's review state, visibility and author.

    | who                                 | sees                                               |
    |-------------------------------------|----------------------------------------------------|
    | anonymous, accounts without a role  | approved public records                            |
    | viewers                             | also approved internal records                     |
    | data entry                          | also unapproved records that are not confidential, |
    |                                     | and every record they created themselves           |
    | managers and superusers             | everything                                         |

    The condition names only fields that an activity's history keeps too, so the admin's
    history pages filter past versions by the same rule (`HistoricalActivity` rows).
    """
    if roles.is_manager(user):
        return Q()
    visibilities, own = approved_scope(user)
    if len(visibilities) == 1:
        seen = Q(review_state=ReviewState.APPROVED, visibility=visibilities[0])
    else:
        seen = Q(review_state=ReviewState.APPROVED, visibility__in=visibilities)
    if roles.is_data_entry(user):
        seen |= ~Q(review_state=ReviewState.APPROVED) & ~Q(visibility=Visibility.CONFIDENTIAL)
    if own:
        seen |= Q(created_by=user)
    return seen


class ActivityQuerySet(models.QuerySet):
    def published(self):
        """What anyone, signed in or not, may read: the rule for an anonymous visitor."""
        return self.filter(visibility_rule(None))

    def visible_to(self, user):
        """The records `user` may see (`visibility_rule`): every surface reads through this."""
        return self.filter(visibility_rule(user))

    def in_period(self, start, end):
        """Activities that took place, at least partly, between `start` and `end`."""
        return self.filter(start_date__lte=end).filter(
            Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start)
        )


class ActivityHistoryRelations(models.Model):
    """What an activity's history keeps beside its own fields (see activities/history.py)."""

    relations = models.JSONField(
        _("areas, partner roles and outputs"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "As they stood at this version; empty on versions recorded before they were kept."
        ),
    )

    class Meta:
        abstract = True


# Kept by name so that activities/history.py can record one entry per change by hand.
activity_history = HistoricalRecords(
    m2m_fields=["thematic_areas"],
    bases=[ActivityHistoryRelations],
    # Derived from the other fields by the database; nothing to keep or compare.
    excluded_fields=["search"],
)


class Activity(models.Model):
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("web address"),
        max_length=255,
        unique=True,
        blank=True,
        help_text=_(
            "The last part of the record's address. Left empty, it says nothing of the record "
            "until it is published, and is then made from the title."
        ),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("What was done, in plain text. Separate paragraphs with a blank line."),
    )
    # The title and summary above are in this language; the same texts in the two others
    # may follow (activities/languages.py). The column of the original language stays empty.
    original_language = languages.original_language_field()
    title_en, title_fr, title_es = languages.title_fields()
    summary_en, summary_fr, summary_es = languages.summary_fields()
    activity_type = models.ForeignKey(
        ActivityType,
        verbose_name=_("type"),
        on_delete=models.PROTECT,
        related_name="activities",
    )

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Month for “In June 2011”, year for “Throughout the year”."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True, help_text=_("Leave empty for online work."))

    thematic_areas = models.ManyToManyField(
        ThematicArea, verbose_name=_("thematic areas"), blank=True, related_name="activities"
    )
    partners = models.ManyToManyField(
        "partners.Partner",
        verbose_name=_("partners"),
        through="ActivityPartner",
        blank=True,
        related_name="activities",
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )

    participants_total = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    participants_women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    participants_men = models.PositiveIntegerField(_("men"), null=True, blank=True)

    report_section = models.ForeignKey(
        ReportSection,
        verbose_name=_("report section"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    prominence = models.CharField(
        _("place in the report"),
        max_length=10,
        choices=Prominence.choices,
        default=Prominence.MINOR,
    )
    report_order = models.PositiveSmallIntegerField(
        _("order in section"),
        default=0,
        help_text=_("Lower numbers come first within the report section."),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.COMPLETED
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
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(pgettext_lazy("date", "created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Every write says which version it was based on; a write based on an older one is
    # refused instead of silently undoing someone else's change (activities/services.py).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # What free-text search reads on PostgreSQL: titles and summaries in every language, each
    # stemmed by its own rules, city, partners' names and acronyms. Kept by the database
    # itself (triggers of migrations 0006 and 0015), whoever writes.
    search = SearchVectorField(null=True, editable=False)

    history = activity_history

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        permissions = [
            ("approve_activity", _("Can approve activities")),
            ("publish_activity", _("Can publish activities")),
        ]
        constraints = [
            end_not_before_start("activity_end_not_before_start"),
            languages.known_language_constraint("activity_original_language_known"),
            models.CheckConstraint(
                condition=(Q(participants_total__isnull=True) | Q(participants_total__gte=0))
                & (Q(participants_women__isnull=True) | Q(participants_women__gte=0))
                & (Q(participants_men__isnull=True) | Q(participants_men__gte=0)),
                name="activity_participants_not_negative",
                violation_error_message=_("Participant counts cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(participants_total__isnull=True)
                | Q(
                    participants_total__gte=Coalesce("participants_women", 0)
                    + Coalesce("participants_men", 0)
                ),
                name="activity_women_and_men_within_total",
                violation_error_message=_("Women and men together cannot exceed the total."),
            ),
            models.CheckConstraint(
                condition=Q(participants_total__isnull=False)
                | Q(participants_women__isnull=True, participants_men__isnull=True),
                name="activity_split_needs_total",
                violation_error_message=_("Give the total number of participants as well."),
            ),
        ]
        indexes = [
            # The public list and the report read approved public records newest first.
            models.Index(
                fields=["-start_date", "-id"],
                condition=Q(review_state="approved", visibility="public"),
                name="activity_published_date_idx",
            ),
            # Signed-in staff read approved public and internal records.
            models.Index(
                fields=["-start_date", "-id"],
                condition=Q(review_state="approved") & ~Q(visibility="confidential"),
                name="activity_member_date_idx",
            ),
            models.Index(fields=["-start_date", "-id"], name="activity_date_idx"),
            # The countries' filter options, found one after another (selectors.py).
            models.Index(fields=["country"], name="activity_country_idx"),
            # Records still in review, few among many: the dashboard's counts, the queues.
            models.Index(
                fields=["start_date"],
                condition=~Q(review_state="approved"),
                name="activity_in_review_idx",
            ),
            models.Index(fields=["title", "id"], name="activity_title_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.title) if self.is_published else neutral_slug()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return addresses.page_of(self)

    @property
    def is_published(self):
        """Approved and public: what anyone may read (and when its address may say so)."""
        return self.review_state == ReviewState.APPROVED and self.visibility == Visibility.PUBLIC

    @property
    def shown_title(self):
        """The title in the page's language where given, else the original (with its lang)."""
        return languages.shown(self, "title")

    @property
    def shown_summary(self):
        return languages.shown(self, "summary")

    @property
    def place(self):
        """City where known, otherwise the country's name, as the report writes it."""
        return self.city or (self.country.name if self.country else "")

    def clean(self):
        errors = date_range_errors(self.start_date, self.end_date)
        errors.update(languages.translation_errors(self))
        total, women, men = self.participants_total, self.participants_women, self.participants_men
        if total is None and (women is not None or men is not None):
            errors["participants_total"] = _(
                "Give the total number of participants when you give women or men."
            )
        elif total is not None and (women or 0) + (men or 0) > total:
            errors["participants_total"] = _(
                "Women and men together (%(sum)s) cannot exceed the total (%(total)s)."
            ) % {"sum": (women or 0) + (men or 0), "total": total}
        if errors:
            raise ValidationError(errors)
        self.start_date = normalise_to_precision(self.start_date, self.date_precision)


def unique_slug(title, also_taken=()):
    """A web address made from `title` that no activity has or had ("…-2", "…-3" after it),
    nor any in `also_taken` (those given to records about to be saved together).

    Deleted records keep theirs in history, so that restoring one never finds it taken.
    """
    base = slugify(title)[:240].strip("-") or "activity"
    taken = set(also_taken)
    taken |= set(Activity.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(Activity.history.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= set(FormerAddress.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


class ActivityPartner(models.Model):
    """A partner's role in one activity."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="roles"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "role", "partner__name"]
        verbose_name = _("partner role")
        verbose_name_plural = _("partner roles")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "partner", "role"],
                name="activitypartner_unique_role",
                violation_error_message=_("This partner already has this role in the activity."),
            ),
        ]
        indexes = [models.Index(fields=["partner", "activity"], name="activitypartner_partner_idx")]

    def __str__(self):
        return f"{self.partner} ({self.get_role_display()})"


class Output(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="outputs"
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=OutputKind.choices)
    issued_on = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    url = models.URLField(_("link"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "issued_on", "title"]
        verbose_name = _("output")
        verbose_name_plural = _("outputs")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "title"],
                name="output_unique_title_per_activity",
                violation_error_message=_("This activity already has an output with this title."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        self.issued_on = normalise_to_precision(self.issued_on, self.date_precision)


class FiguresGeneration(models.Model):
    """One row: moved on by the database after every write to the records (migration 0007).

    Stored year figures of an older generation are out of date (activities/figures.py).
    """

    n = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("figures generation")

    def __str__(self):
        return str(self.n)

    @classmethod
    def current(cls):
        return cls.objects.values_list("n", flat=True).first() or 0


class YearFigures(models.Model):
    """The dashboard's counts of one year's approved records of one visibility."""

    year = models.PositiveIntegerField()
    visibility = models.CharField(max_length=20, choices=Visibility.choices)
    generation = models.BigIntegerField()
    figures = models.JSONField()

    class Meta:
        verbose_name = _("year figures")
        verbose_name_plural = _("year figures")
        constraints = [
            models.UniqueConstraint(fields=["year", "visibility"], name="yearfigures_unique")
        ]

    def __str__(self):
        return f"{self.year} {self.visibility}"
