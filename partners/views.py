from django.shortcuts import get_object_or_404

from activities.views import RecordActivitiesView, activity_rows
from partners.models import Partner


class PartnerDetailView(RecordActivitiesView):
    model = Partner
    template_name = "partners/partner_detail.html"

    def get_record(self):
        return get_object_or_404(Partner.objects.select_related("parent"), slug=self.kwargs["slug"])

    def activities_of(self, record):
        return activity_rows(self.request.user).filter(roles__partner=record).distinct()
