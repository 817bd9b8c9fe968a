from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from activities import selectors
from activities.views import RecordActivitiesView, activity_rows, lookup_response
from partners.models import Partner


class PartnerDetailView(RecordActivitiesView):
    model = Partner
    template_name = "partners/partner_detail.html"

    def get_record(self):
        """A partner the user may know of; the body it is part of only if they may too."""
        visible = selectors.partners_visible_to(self.request.user)
        partner = get_object_or_404(visible.select_related("parent"), slug=self.kwargs["slug"])
        self.parent = selectors.visible_or_none(visible, partner.parent)
        return partner

    def get_context_data(self, **kwargs):
        return super().get_context_data(parent=self.parent, **kwargs)

    def activities_of(self, record):
        activity_ids = record.roles.values("activity_id")
        return activity_rows(self.request.user).filter(pk__in=activity_ids)


@require_GET
def partner_lookup(request):
    return lookup_response(
        selectors.partners_visible_to(request.user).only("name", "acronym", "slug"),
        request.GET.get("q", ""),
        ["name", "acronym"],
        str,
    )
