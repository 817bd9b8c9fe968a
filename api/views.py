"""The API's viewsets: the same querysets, filters and visibility rule as the pages."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from activities import roles, selectors, services, workflow
from activities.filters import ActivityFilter
from activities.models import Activity, ActivityType, ThematicArea
from api import rows
from api.errors import Conflict, PreconditionFailed, PreconditionRequired, stale_detail
from api.languages import SpeaksLanguage
from api.serializers import (
    ActivityDetailSerializer,
    ActivitySerializer,
    ActivityTypeSerializer,
    AnnualReportSerializer,
    EventSerializer,
    PartnerSerializer,
    PendingChangeSerializer,
    ReviewMoveSerializer,
    ThematicAreaSerializer,
)
from core import caching
from reports.models import AnnualReport


class RecordViewSet(SpeaksLanguage, viewsets.ModelViewSet):
    """Records looked up by slug; writing them needs the model permissions of the user's role."""

    lookup_field = "slug"
    # Any text up to the next slash reaches the view, so a malformed slug gets a JSON 404.
    lookup_value_regex = r"[^/]+"

    def perform_destroy(self, instance):
        instance._history_user = self.request.user
        instance.delete()


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


class ActivityViewSet(RecordViewSet):
    """Activities the user may see, with the list pages' filters.

    A read answers the record's ETag; a change (PUT, PATCH) says which version it is based
    on, with If-Match or `version` in the body, and one based on an older version is
    refused (412 or 409) rather than undoing someone else's change.
    """

    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter

    def get_queryset(self):
        return selectors.with_relations(Activity.objects.visible_to(self.request.user))

    def get_serializer_class(self):
        if self.action in ("retrieve", "submit", "withdraw", "approve", "return_for_changes"):
            return ActivityDetailSerializer
        return ActivitySerializer

    def list(self, request, *args, **kwargs):
        """The filtered page of activities; kept for the data version when the page cache
        is on, per scope and address, as the list pages are (core/caching.py)."""
        return Response(
            caching.for_page(
                lambda: self.page_data(request),
                "api-activities",
                roles.scope(request.user),
                request.get_host(),
                request.get_full_path(),
            )
        )

    def page_data(self, request):
        """The page as plain rows with their relations in one query each (api/rows.py): the
        same JSON as ActivitySerializer, without a model instance or a field object per value."""
        activities = self.filter_queryset(Activity.objects.visible_to(request.user))
        page = self.paginate_queryset(rows.page_rows(activities))
        return self.get_paginated_response(rows.records(page, request)).data

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
        serializer = ActivitySerializer(
            instance, data=request.data, partial=partial, context=context
        )
        serializer.is_valid(raise_exception=True)
        activity = serializer.save()
        if serializer.outcome.proposed:
            # A change by data entry staff to an approved record waits for review: 202.
            return Response(PendingChangeSerializer(serializer.outcome.change).data, status=202)
        response = Response(self.get_serializer(activity).data)
        response["ETag"] = etag(activity)
        return response

    def move(self, request, make):
        """Make a review move; a refusal says why (403 for the role, 409 for the state)."""
        activity = self.get_object()
        comment = ReviewMoveSerializer(data=request.data if isinstance(request.data, dict) else {})
        comment.is_valid(raise_exception=True)
        # A refusal (workflow.NotAllowed) is answered by api.errors with its reason.
        make(activity, request.user, comment.validated_data.get("comment", ""))
        activity = self.get_queryset().get(pk=activity.pk)
        response = Response(
            ActivityDetailSerializer(activity, context=self.get_serializer_context()).data
        )
        response["ETag"] = etag(activity)
        return response

    @extend_schema(
        request=None, responses={200: ActivityDetailSerializer}, summary=_("Submit for review")
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, slug=None, **kwargs):
        """Submit a draft or returned record, or one's pending change to an approved record."""
        return self.move(request, lambda a, user, _c: workflow.submit(activity=a, user=user))

    @extend_schema(
        request=None, responses={200: ActivityDetailSerializer}, summary=_("Withdraw from review")
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, slug=None, **kwargs):
        """Take a submitted record, or one's submitted change, back to a draft."""
        return self.move(request, lambda a, user, _c: workflow.withdraw(activity=a, user=user))

    @extend_schema(
        request=ReviewMoveSerializer,
        responses={200: ActivityDetailSerializer},
        summary=_("Approve"),
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, slug=None, **kwargs):
        """Approve the record, or the pending change of an approved record (managers)."""
        return self.move(
            request,
            lambda a, user, comment: workflow.approve(activity=a, user=user, comment=comment),
        )

    @extend_schema(
        request=ReviewMoveSerializer,
        responses={200: ActivityDetailSerializer},
        summary=_("Return for changes"),
    )
    @action(detail=True, methods=["post"], url_path="return")
    def return_for_changes(self, request, slug=None, **kwargs):
        """Send a submitted record or change back to its author with a comment (managers)."""
        return self.move(
            request,
            lambda a, user, comment: workflow.return_for_changes(
                activity=a, user=user, comment=comment
            ),
        )

    @extend_schema(responses={200: PendingChangeSerializer}, summary=_("The pending change"))
    @action(detail=True, methods=["get"])
    def pending(self, request, slug=None, **kwargs):
        """The change waiting to be applied to this approved record: its author and managers."""
        activity = self.get_object()
        change = workflow.pending_change_of(activity)
        if change is None or not (
            change.author_id == request.user.pk or roles.is_manager(request.user)
        ):
            raise Http404
        return Response(PendingChangeSerializer(change).data)

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


class PartnerViewSet(RecordViewSet):
    """Partners by name; data entry staff may add and change them.

    The public knows a partner only where an activity they may see names it.
    """

    serializer_class = PartnerSerializer

    def get_queryset(self):
        return selectors.partners_visible_to(self.request.user).select_related("parent")


@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH)]
    )
)
class AnnualReportViewSet(SpeaksLanguage, viewsets.ReadOnlyModelViewSet):
    """Annual reports by year; the issued HTML itself is served by the report pages."""

    serializer_class = AnnualReportSerializer
    lookup_field = "year"
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        return AnnualReport.objects.visible_to(self.request.user).defer(
            "frozen_html", "introduction"
        )
