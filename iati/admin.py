from django.contrib import admin

from activities.models import Activity
from core.admin import NamedBoxesMedia, NamedListBoxesAdmin, SafeAutocompleteAdmin
from iati.models import ActivityMarker, AreaMapping


@admin.register(AreaMapping)
class AreaMappingAdmin(NamedListBoxesAdmin, SafeAutocompleteAdmin, admin.ModelAdmin):
    list_display = ["thematic_area", "sector_code", "gender_significance"]
    list_editable = ["sector_code", "gender_significance"]
    list_select_related = ["thematic_area"]
    search_fields = ["thematic_area__name", "sector_code"]
    autocomplete_fields = ["thematic_area"]

    class Media(NamedBoxesMedia):
        pass


@admin.register(ActivityMarker)
class ActivityMarkerAdmin(SafeAutocompleteAdmin, admin.ModelAdmin):
    list_display = ["activity", "gender_significance"]
    list_filter = ["gender_significance"]
    list_select_related = ["activity"]
    search_fields = ["activity__title"]
    autocomplete_fields = ["activity"]

    class Media(NamedBoxesMedia):
        pass

    def get_queryset(self, request):
        """Markers of the records the user may see (the one visibility rule)."""
        visible = Activity.objects.visible_to(request.user).values("pk")
        return super().get_queryset(request).filter(activity__in=visible)
