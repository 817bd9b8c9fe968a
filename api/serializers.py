"""The API's records as JSON, checked by the models' own rules as the admin checks them."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from activities import roles, selectors, services, workflow
from activities.differences import change_differences
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityType,
    Event,
    Initiative,
    Output,
    PartnerRole,
    PendingChange,
    ReportSection,
    ReviewEvent,
    ThematicArea,
)
from api.fields import PartnerField, RecordField
from api.languages import EnglishSaved, InLanguage
from core.dates import format_date_range
from partners.models import Partner
from reports.models import AnnualReport


class RecordSerializer(CountryFieldMixin, serializers.ModelSerializer):
    """A record checked by the model's own rules (clean() and constraints), as in the admin."""

    serializer_related_field = RecordField
    # Names of nested lists that are saved by save_relations(), not set on the model.
    related_lists = ()

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = self.unsaved_instance(attrs)
        plain = [f.attname for f in instance._meta.concrete_fields if not f.is_relation]
        before = {name: getattr(instance, name) for name in plain}
        errors = {}
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            errors = serializers.as_serializer_error(error)
        for field, message in self.rule_errors(instance).items():
            errors.setdefault(field, []).append(message)
        if errors:
            raise serializers.ValidationError(errors)
        # clean() may normalise values (a month-precise date moves to the 1st): keep them.
        attrs.update({n: getattr(instance, n) for n in plain if getattr(instance, n) != before[n]})
        return attrs

    def rule_errors(self, instance):
        """Field errors from rules beyond the model's own, as {field: message}."""
        return {}

    def split(self, attrs):
        many = {f.name for f in self.Meta.model._meta.many_to_many} | set(self.related_lists)
        values = {name: value for name, value in attrs.items() if name not in many}
        relations = {name: value for name, value in attrs.items() if name in many}
        return values, relations

    def unsaved_instance(self, attrs):
        """The record as it would be saved, without its many-to-many relations."""
        values, _relations = self.split(attrs)
        if self.instance is None:
            return self.Meta.model(**values)
        instance = copy.copy(self.instance)
        for name, value in values.items():
            setattr(instance, name, value)
        return instance

    def create(self, validated_data):
        return self.save_record(self.Meta.model(), validated_data)

    def update(self, instance, validated_data):
        return self.save_record(instance, validated_data)

    @transaction.atomic
    def save_record(self, instance, validated_data):
        values, relations = self.split(validated_data)
        for name, value in values.items():
            setattr(instance, name, value)
        # The history middleware only knows session users; token users are named here.
        instance._history_user = self.context["request"].user
        instance.save()
        self.save_relations(instance, relations)
        return instance

    def save_relations(self, instance, relations):
        for name, records in relations.items():
            getattr(instance, name).set(records)


class ThematicAreaSerializer(EnglishSaved, RecordSerializer):
    """A thematic area; a broader area includes its narrower ones in the filters."""

    name = InLanguage("name", max_length=200)
    description = InLanguage("description", required=False, allow_blank=True)

    class Meta:
        model = ThematicArea
        fields = ["id", "slug", "name", "parent", "description", "order"]


class ActivityTypeSerializer(EnglishSaved, RecordSerializer):
    """A kind of activity: workshop, panel, publication, ..."""

    name = InLanguage("name", max_length=100)

    class Meta:
        model = ActivityType
        fields = ["id", "slug", "name", "description"]


class EventSerializer(EnglishSaved, RecordSerializer):
    """An occasion activities belong to; recurring ones are editions of a series."""

    name = InLanguage("name", max_length=255)
    organiser = PartnerField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        visible_to=selectors.partners_visible_to,
    )
    series = RecordField(
        queryset=Event.objects.all(),
        required=False,
        allow_null=True,
        visible_to=selectors.events_visible_to,
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "series",
            "edition",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "organiser",
        ]


class PartnerRoleSerializer(serializers.Serializer):
    """A partner and its role in the activity."""

    partner = PartnerField(queryset=Partner.objects.all())
    role = serializers.ChoiceField(choices=PartnerRole.choices)

    def validate(self, attrs):
        """Both, even in a partial update: a row replaces the whole row."""
        missing = {
            name: [field.error_messages["required"]]
            for name, field in self.fields.items()
            if name not in attrs
        }
        if missing:
            raise serializers.ValidationError(missing)
        return attrs


class OutputSerializer(serializers.ModelSerializer):
    """A publication, paper or press release that came out of the activity."""

    class Meta:
        model = Output
        fields = ["title", "kind", "issued_on", "date_precision", "url"]


class ActivitySerializer(RecordSerializer):
    """An activity: related records are read with their names and written by id or slug."""

    activity_type = RecordField(queryset=ActivityType.objects.all())
    thematic_areas = RecordField(queryset=ThematicArea.objects.all(), many=True, required=False)
    partners = PartnerRoleSerializer(
        source="roles",
        many=True,
        required=False,
        help_text=_("Partners and their roles; a write replaces the whole list."),
    )
    event = RecordField(queryset=Event.objects.all(), required=False, allow_null=True)
    initiative = RecordField(queryset=Initiative.objects.all(), required=False, allow_null=True)
    report_section = RecordField(
        queryset=ReportSection.objects.all(), required=False, allow_null=True
    )
    outputs = OutputSerializer(many=True, read_only=True)
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        help_text=_(
            "The record's version. A change says which version it is based on, here or in "
            "If-Match (the ETag of a read); a change based on an older version is refused."
        ),
    )
    page_url = serializers.SerializerMethodField(help_text=_("The activity’s page on the site."))

    related_lists = ("roles",)

    class Meta:
        model = Activity
        fields = [
            "id",
            "slug",
            "title",
            "summary",
            "original_language",
            "title_en",
            "title_fr",
            "title_es",
            "summary_en",
            "summary_fr",
            "summary_es",
            "activity_type",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "thematic_areas",
            "partners",
            "event",
            "initiative",
            "participants_total",
            "participants_women",
            "participants_men",
            "report_section",
            "prominence",
            "report_order",
            "status",
            "review_state",
            "visibility",
            "outputs",
            "created_at",
            "updated_at",
            "version",
            "page_url",
        ]
        # Review moves are endpoints of their own (submit, withdraw, approve, return).
        read_only_fields = ["review_state"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, activity):
        return self.context["request"].build_absolute_uri(activity.get_absolute_url())

    def validate_partners(self, roles):
        """The unique constraint on roles, checked before saving so its message reaches the field."""
        pairs = [(row["partner"].pk, row["role"]) for row in roles]
        if len(set(pairs)) != len(pairs):
            (unique_role,) = ActivityPartner._meta.constraints
            raise serializers.ValidationError(unique_role.violation_error_message)
        return roles

    def rule_errors(self, instance):
        """Data entry staff may draft and submit, but not approve or make public."""
        user = self.context["request"].user
        return services.workflow_errors(
            user, self.instance, instance.review_state, instance.visibility
        )

    def split(self, attrs):
        attrs = {name: value for name, value in attrs.items() if name != "version"}
        return super().split(attrs)

    def save_record(self, instance, validated_data):
        """One write through the workflow's service: saved as one change, or kept as the
        pending change of an approved record (then `outcome.change`)."""
        values, relations = self.split(validated_data)
        for name, value in values.items():
            setattr(instance, name, value)
        roles_given = relations.get("roles")
        self.outcome = workflow.save(
            activity=instance,
            user=self.context["request"].user,
            based_on=self.context.get("based_on"),
            areas=relations.get("thematic_areas"),
            roles=None
            if roles_given is None
            else [(row["partner"], row["role"]) for row in roles_given],
            reason="Changed through the API" if instance.pk else "Added through the API",
        )
        if self.outcome.proposed:
            return instance
        return selectors.with_relations(Activity.objects).get(pk=instance.pk)


class ReviewEventSerializer(serializers.ModelSerializer):
    """One review move: who made it, when, from which state to which, and the comment."""

    actor = serializers.CharField(source="actor.get_username", default=None, allow_null=True)

    class Meta:
        model = ReviewEvent
        fields = ["at", "actor", "action", "from_state", "to_state", "comment"]


class ActivityDetailSerializer(ActivitySerializer):
    """An activity with, for staff in a role, its review log."""

    review_log = serializers.SerializerMethodField(
        help_text=_("The review moves, newest first; empty for readers without a role.")
    )

    class Meta(ActivitySerializer.Meta):
        fields = [*ActivitySerializer.Meta.fields, "review_log"]

    @extend_schema_field(ReviewEventSerializer(many=True))
    def get_review_log(self, activity):
        if not roles.is_member(self.context["request"].user):
            return []
        events = activity.review_events.select_related("actor")[:100]
        return ReviewEventSerializer(events, many=True).data


class DifferenceSerializer(serializers.Serializer):
    field = serializers.CharField()
    current = serializers.CharField(help_text=_("As approved now."))
    proposed = serializers.CharField()


class PendingChangeSerializer(serializers.ModelSerializer):
    """A change to an approved record waiting for review: the record shows none of it yet."""

    author = serializers.CharField(source="author.get_username", default=None, allow_null=True)
    differences = serializers.SerializerMethodField()

    class Meta:
        model = PendingChange
        fields = [
            "state",
            "author",
            "based_on_version",
            "values",
            "relations",
            "comment",
            "created_at",
            "updated_at",
            "differences",
        ]

    @extend_schema_field(DifferenceSerializer(many=True))
    def get_differences(self, change):
        rows = change_differences(change)
        return [{"field": f, "current": c, "proposed": p} for f, c, p in rows]


class ReviewMoveSerializer(serializers.Serializer):
    comment = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_("Sent to the author; required to return a record or a change."),
    )


class PartnerSerializer(EnglishSaved, RecordSerializer):
    """An agency or body the unit works with."""

    name = InLanguage("name", max_length=200)
    acronym = InLanguage("acronym", max_length=40, required=False, allow_blank=True)
    parent = PartnerField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        visible_to=selectors.partners_visible_to,
    )

    class Meta:
        model = Partner
        fields = ["id", "slug", "name", "acronym", "kind", "parent", "website"]


class AnnualReportSerializer(serializers.ModelSerializer):
    """An annual report, with links to its page and its standalone file."""

    period = serializers.SerializerMethodField(help_text=_("The reporting period, as printed."))
    page_url = serializers.SerializerMethodField(help_text=_("The report on the site."))
    export_url = serializers.SerializerMethodField(help_text=_("The standalone HTML file."))
    docx_url = serializers.SerializerMethodField(help_text=_("The report as a Word document."))
    pdf_url = serializers.SerializerMethodField(help_text=_("The report as a PDF."))

    class Meta:
        model = AnnualReport
        fields = [
            "year",
            "title",
            "symbol",
            "language",
            "period_start",
            "period_end",
            "period",
            "state",
            "page_url",
            "export_url",
            "docx_url",
            "pdf_url",
        ]

    def get_period(self, report) -> str:
        return format_date_range(report.period_start, report.period_end)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, report):
        return self.context["request"].build_absolute_uri(report.get_absolute_url())

    def file_url(self, report, name):
        url = reverse(name, kwargs={"year": report.year})
        return self.context["request"].build_absolute_uri(url)

    @extend_schema_field(OpenApiTypes.URI)
    def get_export_url(self, report):
        return self.file_url(report, "reports:export")

    @extend_schema_field(OpenApiTypes.URI)
    def get_docx_url(self, report):
        return self.file_url(report, "reports:export-docx")

    @extend_schema_field(OpenApiTypes.URI)
    def get_pdf_url(self, report):
        return self.file_url(report, "reports:export-pdf")
