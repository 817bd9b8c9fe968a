"""Commitments on the API, read-only, under the activities' visibility rule."""

from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from api.languages import SpeaksLanguage
from commitments.models import Commitment, ProgressUpdate


class ProgressUpdateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgressUpdate
        fields = ["written_on", "text"]


class CommitmentSerializer(serializers.ModelSerializer):
    source = serializers.CharField(source="source.title", read_only=True)
    updates = ProgressUpdateSerializer(many=True, read_only=True)

    class Meta:
        model = Commitment
        fields = [
            "id",
            "title",
            "source",
            "owner_unit",
            "announced_on",
            "due_on",
            "status",
            "progress",
            "milestone",
            "updates",
        ]


class CommitmentViewSet(SpeaksLanguage, viewsets.ReadOnlyModelViewSet):
    """Commitments the reader may see, with their progress updates, newest first."""

    serializer_class = CommitmentSerializer
    permission_classes = [AllowAny]
    lookup_value_regex = r"[0-9]{1,18}"

    def get_queryset(self):
        """One query for a page of commitments with their source, one for their updates."""
        return (
            Commitment.objects.visible_to(self.request.user)
            .select_related("source")
            .prefetch_related("updates")
            .order_by("pk")
        )
