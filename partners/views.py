from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from activities.views import RecordActivitiesView, activity_rows, lookup_response
from partners.models import Partner


class PartnerDetailView(RecordActivitiesView):
    model = Partner
    template_name = "partners/partner_detail.html"

    def get_record(self):
        return get_object_or_404(Partner.objects.select_related("parent"), slug=self.kwargs["slug"])

    def activities_of(self, record):
        activity_ids = record.roles.values("activity_id")
        return activity_rows(self.request.user).filter(pk__in=activity_ids)


@require_GET
def partner_lookup(request):
    return lookup_response(
        Partner.objects.only("name", "acronym", "slug"),
        request.GET.get("q", ""),
        ["name", "acronym"],
        str,
    )
