from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core.admin import NamedBoxesInline, RecordAdmin, RegistryAdmin
from core.registry_names import in_language, three
from partners.models import Partner, PartnerAlias


class PartnerAliasInline(NamedBoxesInline, admin.TabularInline):
    """The other names of a partner, on its page; changed by those who may change aliases."""

    model = PartnerAlias
    fields = ["name", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]
    extra = 0


@admin.register(Partner)
class PartnerAdmin(RegistryAdmin, RecordAdmin):
    """Name and acronym in English, French and Spanish side by side (UN-Women, ONU Femmes,
    ONU Mujeres); found by any of them."""

    list_display = ["name", "acronym", "kind", "parent", "activity_count"]
    list_filter = ["kind"]
    list_select_related = ["parent"]
    search_fields = [*three("name"), *three("acronym")]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["parent"]
    inlines = [PartnerAliasInline]

    def save_formset(self, request, form, formset, change):
        for alias in formset.save(commit=False):
            if alias.pk is None:
                alias.created_by = request.user
            alias.save()
        for alias in formset.deleted_objects:
            alias.delete()

    def get_queryset(self, request):
        # Aggregation drops Meta.ordering, so the order is given again for stable pages.
        return (
            super()
            .get_queryset(request)
            .annotate(activity_total=Count("roles__activity", distinct=True))
            .order_by(in_language("name"))
        )

    @admin.display(description=_("activities"), ordering="activity_total")
    def activity_count(self, obj):
        return obj.activity_total


@admin.register(PartnerAlias)
class PartnerAliasAdmin(RecordAdmin):
    """Every alias, who said so and when; written by managers (and from an import's preview)."""

    list_display = ["name", "partner", "created_by", "created_at"]
    list_select_related = ["partner", "created_by"]
    search_fields = ["name", "partner__name", "partner__acronym"]
    autocomplete_fields = ["partner"]
    fields = ["name", "partner", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if obj.pk is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
