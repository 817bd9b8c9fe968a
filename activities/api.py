"""The API over activities and what they are filed under: serializers and viewsets."""

import copy

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_countries.serializers import CountryFieldMixin
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions, serializers, status, viewsets
from rest_framework.response import Response

from activities import roles, selectors, services
from activities.filters import ActivityFilter
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityType,
    Event,
    Initiative,
    Output,
    PartnerRole,
    ThematicArea,
)
from partners.models import Partner
from reports.models import ReportSection


class RecordField(serializers.RelatedField):
    """A related record: read as its id, slug and name; written as its id or its slug.

    With `visible_to` (a function of the user giving the registry they may see), a record
    the reader may not know of is shown as null: an event's organiser known only from a
    confidential activity stays unknown to the public.
    """

    default_error_messages = {
        "does_not_exist": _("There is no record with the id or slug “{value}”."),
        "incorrect_type": _("Give the record’s id (a number) or its slug (text)."),
    }

    def __init__(self, *, visible_to=None, **kwargs):
        self.visible_to = visible_to
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if value is None or self.visible_to is None:
            return value
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if roles.is_member(user):
            return value
        # One query per request and registry, however many records are listed.
        known = self.context.setdefault(("visible", self.visible_to), {})
        if "ids" not in known:
            known["ids"] = set(self.visible_to(user).values_list("pk", flat=True))
        return value if value.pk in known["ids"] else None

    def to_representation(self, value):
        return {"id": value.pk, "slug": value.slug, "name": str(value)}

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("incorrect_type")
        if isinstance(data, str) and ("\x00" in data or len(data) > 255):
            self.fail("does_not_exist", value=data[:255].replace("\x00", ""))
        queryset = self.get_queryset()
        try:
            if isinstance(data, int):
                return queryset.get(pk=data)
            # Slugs come first: a slug may look like a number.
            record = queryset.filter(slug=data).first()
            if record is None and data.isascii() and data.isdigit():
                record = queryset.get(pk=int(data))
        except (ObjectDoesNotExist, ValueError, TypeError, OverflowError):
            record = None
        if record is None:
            self.fail("does_not_exist", value=data)
        return record


class PartnerField(RecordField):
    """A partner, with its acronym: the report often names partners by it."""

    def to_representation(self, value):
        return {"id": value.pk, "slug": value.slug, "name": value.name, "acronym": value.acronym}


class RecordFieldSchema(OpenApiSerializerFieldExtension):
    """Documents RecordField: an object when read, an id or a slug when written."""

    target_class = RecordField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {
                "oneOf": [
                    {"type": "integer", "minimum": 1},
                    {"type": "string", "pattern": r"^[-a-zA-Z0-9_]+$"},
                ],
                "description": _("The record’s id or its slug."),
            }
        properties = {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "name": {"type": "string"},
        }
        if isinstance(self.target, PartnerField):
            properties["acronym"] = {"type": "string"}
        return {"type": "object", "properties": properties, "required": list(properties)}


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


class ThematicAreaSerializer(RecordSerializer):
    """A thematic area; a broader area includes its narrower ones in the filters."""

    class Meta:
        model = ThematicArea
        fields = ["id", "slug", "name", "parent", "description", "order"]


class ActivityTypeSerializer(RecordSerializer):
    """A kind of activity: workshop, panel, publication, ..."""

    class Meta:
        model = ActivityType
        fields = ["id", "slug", "name", "description"]


class EventSerializer(RecordSerializer):
    """An occasion activities belong to; recurring ones are editions of a series."""

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
        """One change through the services: the version check, the record, its relations."""
        values, relations = self.split(validated_data)
        for name, value in values.items():
            setattr(instance, name, value)
        roles_given = relations.get("roles")
        services.save_activity(
            instance,
            user=self.context["request"].user,
            based_on=self.context.get("based_on"),
            areas=relations.get("thematic_areas"),
            roles=None
            if roles_given is None
            else [(row["partner"], row["role"]) for row in roles_given],
        )
        return with_relations(Activity.objects).get(pk=instance.pk)


def with_relations(activities):
    """Foreign keys joined; areas, partner roles with their partners, and outputs in one query each."""
    return activities.select_related(
        "activity_type", "event", "initiative", "report_section"
    ).prefetch_related(
        "thematic_areas",
        Prefetch("roles", queryset=ActivityPartner.objects.select_related("partner")),
        "outputs",
    )


class RecordViewSet(viewsets.ModelViewSet):
    """Records looked up by slug; writing them needs the model permissions of the user's role."""

    lookup_field = "slug"
    # Any text up to the next slash reaches the view, so a malformed slug gets a JSON 404.
    lookup_value_regex = r"[^/]+"

    def perform_destroy(self, instance):
        instance._history_user = self.request.user
        instance.delete()


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The request conflicts with the records as they stand.")
    default_code = "conflict"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = _(
        "Say which version of the activity this change is based on: send If-Match with "
        "the ETag of your last read, or the record's “version” in the body."
    )
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"


def etag(activity):
    """The activity's entity tag: it changes with every change to the record."""
    return f'"{activity.pk}.{activity.version}"'


def if_match_versions(header, activity):
    """The versions an If-Match header names for `activity`: None for "*"."""
    if header.strip() == "*":
        return None
    versions = set()
    for tag in header.split(","):
        tag = tag.strip().removeprefix("W/")
        pk, _dot, version = tag.strip('"').partition(".")
        if pk == str(activity.pk) and version.isascii() and version.isdigit():
            versions.add(int(version))
    return versions


def stale_detail(current):
    who = current.updated_by.get_username() if current.updated_by else _("someone")
    return _(
        "%(who)s changed this activity after the version your change is based on. "
        "Read it again (it is at version %(version)s) and apply your change to it."
    ) % {"who": who, "version": current.version}


class ActivityViewSet(RecordViewSet):
    """Activities the user may see, with the list pages' filters.

    A read answers the record's ETag; a change (PUT, PATCH) says which version it is based
    on, with If-Match or `version` in the body, and one based on an older version is
    refused (412 or 409) rather than undoing someone else's change.
    """

    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter

    def get_queryset(self):
        return with_relations(Activity.objects.visible_to(self.request.user))

    def retrieve(self, request, *args, **kwargs):
        activity = self.get_object()
        response = Response(self.get_serializer(activity).data)
        response["ETag"] = etag(activity)
        return response

    def based_on(self, request, activity):
        """The version a change is based on, from If-Match or the body; refused when stale."""
        header = request.headers.get("If-Match")
        if header is not None:
            versions = if_match_versions(header, activity)
            if versions is None:
                return activity.version
            if activity.version not in versions:
                raise PreconditionFailed(stale_detail(services.current_state(activity.pk)))
            return activity.version
        body = request.data.get("version") if isinstance(request.data, dict) else None
        if body is None:
            raise PreconditionRequired()
        if isinstance(body, bool) or not isinstance(body, int):
            raise exceptions.ValidationError({"version": [_("Give the version as a number.")]})
        if body != activity.version:
            raise Conflict(stale_detail(services.current_state(activity.pk)))
        return body

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        context = {**self.get_serializer_context(), "based_on": self.based_on(request, instance)}
        serializer = self.get_serializer_class()(
            instance, data=request.data, partial=partial, context=context
        )
        serializer.is_valid(raise_exception=True)
        activity = serializer.save()
        response = Response(self.get_serializer(activity).data)
        response["ETag"] = etag(activity)
        return response

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        response["ETag"] = etag(Activity.objects.get(pk=response.data["id"]))
        return response

    def perform_destroy(self, instance):
        header = self.request.headers.get("If-Match")
        if header is not None:
            versions = if_match_versions(header, instance)
            if versions is not None and instance.version not in versions:
                raise PreconditionFailed(stale_detail(services.current_state(instance.pk)))
        services.delete_activity(activity=instance, user=self.request.user)


class ThematicAreaViewSet(RecordViewSet):
    """Thematic areas, broader ones first; managers keep the list."""

    queryset = ThematicArea.objects.select_related("parent")
    serializer_class = ThematicAreaSerializer


class ActivityTypeViewSet(RecordViewSet):
    """Types of activity; managers keep the list."""

    queryset = ActivityType.objects.all()
    serializer_class = ActivityTypeSerializer


class EventViewSet(RecordViewSet):
    """Events, newest first; data entry staff may add and change them.

    The public knows an event only where an activity they may see belongs to it.
    """

    serializer_class = EventSerializer

    def get_queryset(self):
        return selectors.events_visible_to(self.request.user).select_related("series", "organiser")
