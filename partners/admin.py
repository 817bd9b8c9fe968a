from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin import RecordAdmin
from partners.models import Partner


@admin.register(Partner)
class PartnerAdmin(RecordAdmin):
    list_display = ["name", "acronym", "kind", "parent", "activity_count"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = ["name", "acronym"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def get_queryset(self, request):
        # Aggregation drops Meta.ordering, so the order is given again for stable pages.
        return (
            super()
            .get_queryset(request)
            .annotate(activity_total=Count("roles__activity", distinct=True))
            .order_by("name")
        )

    @admin.display(description=_("activities"), ordering="activity_total")
    def activity_count(self, obj):
        return obj.activity_total
