from django.contrib import admin

from activities.models import Activity
from commitments.models import Commitment
from core.admin import RegistryAdmin, SafeAutocompleteAdmin
from core.registry_names import three
from unswap.models import ActivityTag, CommitmentTag, Indicator


class ActivityTagInline(SafeAutocompleteAdmin, admin.TabularInline):
    model = ActivityTag
    extra = 0
    autocomplete_fields = ["activity"]

    def get_queryset(self, request):
        """Only evidence the user may see is listed (the one visibility rule)."""
        visible = Activity.objects.visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(activity__in=visible)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "activity":
            kwargs["queryset"] = Activity.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CommitmentTagInline(admin.TabularInline):
    model = CommitmentTag
    extra = 0

    def get_queryset(self, request):
        visible = Commitment.objects.visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(commitment__in=visible)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "commitment":
            kwargs["queryset"] = Commitment.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Indicator)
class IndicatorAdmin(RegistryAdmin):
    """The 17 indicators, kept by managers, with the evidence tagged for each; titles in
    English, French and Spanish side by side."""

    list_display = ["number", "title", "area"]
    list_filter = ["area"]
    search_fields = three("title")
    inlines = [ActivityTagInline, CommitmentTagInline]
