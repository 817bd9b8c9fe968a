"""The API over partners: serializer and viewset."""

from activities.api import PartnerField, RecordSerializer, RecordViewSet
from partners.models import Partner


class PartnerSerializer(RecordSerializer):
    """An agency or body the unit works with."""

    parent = PartnerField(queryset=Partner.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Partner
        fields = ["id", "slug", "name", "acronym", "kind", "parent", "website"]


class PartnerViewSet(RecordViewSet):
    """Partners by name; data entry staff may add and change them."""

    queryset = Partner.objects.select_related("parent")
    serializer_class = PartnerSerializer
