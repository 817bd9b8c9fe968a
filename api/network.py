"""The focal point network on the API: read-only, for staff in a role, never anonymous."""

from django.http import Http404
from django_countries.serializers import CountryFieldMixin
from rest_framework import permissions, serializers, viewsets

from activities import roles
from api.languages import SpeaksLanguage
from network.models import FocalPoint, Training


class InARole(permissions.BasePermission):
    """Signed-in staff in one of the unit's roles: focal points' names stay internal."""

    def has_permission(self, request, view):
        return roles.is_member(request.user)


class TrainingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Training
        fields = ["title", "received_on"]


class FocalPointSerializer(CountryFieldMixin, serializers.ModelSerializer):
    trainings = TrainingSerializer(many=True, read_only=True)

    class Meta:
        model = FocalPoint
        fields = [
            "id",
            "name",
            "email",
            "sex",
            "office",
            "country",
            "region",
            "role",
            "appointed_on",
            "ended_on",
            "time_share",
            "terms_of_reference_signed",
            "trainings",
        ]


class FocalPointViewSet(SpeaksLanguage, viewsets.ReadOnlyModelViewSet):
    """Focal points and alternates, past and present, with the trainings they received."""

    serializer_class = FocalPointSerializer
    permission_classes = [InARole]
    # Any text up to the next slash reaches the view, so a malformed id gets a JSON 404.
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        """One query for a page of focal points, one for their trainings."""
        return FocalPoint.objects.prefetch_related("trainings").order_by("pk")

    def get_object(self):
        if not str(self.kwargs.get("pk", "")).isdigit() or len(self.kwargs["pk"]) > 18:
            raise Http404
        return super().get_object()
