"""The API over partners: serializer and viewset."""

from activities import selectors
from activities.api import PartnerField, RecordSerializer, RecordViewSet
from partners.models import Partner


class PartnerSerializer(RecordSerializer):
    """An agency or body the unit works with."""

    parent = PartnerField(
        queryset=Partner.objects.all(),
        required=False,
        allow_null=True,
        visible_to=selectors.partners_visible_to,
    )

    class Meta:
        model = Partner
        fields = ["id", "slug", "name", "acronym", "kind", "parent", "website"]


class PartnerViewSet(RecordViewSet):
    """Partners by name; data entry staff may add and change them.

    The public knows a partner only where an activity they may see names it.
    """

    serializer_class = PartnerSerializer

    def get_queryset(self):
        return selectors.partners_visible_to(self.request.user).select_related("parent")
