from django import forms
from django.contrib import admin

from activities import roles
from activities.models import Activity
from commitments import services
from commitments.models import Commitment, ProgressUpdate, Source
from core.admin import RecordAdmin, SafeAutocompleteAdmin


class ProgressUpdateForm(forms.ModelForm):
    """Evidence the user may not see is neither shown nor dropped when they save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unseen = []
        field = self.fields.get("evidence")
        if field is not None and self.instance.pk:
            linked = set(self.instance.evidence.values_list("pk", flat=True))
            seen = set(field.queryset.filter(pk__in=linked).values_list("pk", flat=True))
            self.unseen = sorted(linked - seen)

    def _save_m2m(self):
        super()._save_m2m()
        if self.unseen:
            self.instance.evidence.add(*self.unseen)


class ProgressUpdateInline(SafeAutocompleteAdmin, admin.StackedInline):
    model = ProgressUpdate
    form = ProgressUpdateForm
    extra = 0
    autocomplete_fields = ["evidence"]

    def get_fields(self, request, obj=None):
        # Read-only pages name no evidence: they would show any record's title.
        if not self.has_change_permission(request, obj):
            return ["written_on", "text"]
        return ["written_on", "text", "evidence"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "evidence":
            kwargs["queryset"] = Activity.objects.visible_to(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "announced_on"]
    list_filter = ["kind"]
    search_fields = ["title"]


@admin.register(Commitment)
class CommitmentAdmin(RecordAdmin):
    list_display = ["title", "source", "owner_unit", "responsible", "due_on", "status", "progress"]
    list_filter = ["status", "source", "review_state", "visibility"]
    list_select_related = ["source", "responsible"]
    search_fields = ["title", "owner_unit"]
    autocomplete_fields = ["source"]
    date_hierarchy = "due_on"
    inlines = [ProgressUpdateInline]

    def get_queryset(self, request):
        """The commitments the user may see (the activities' visibility rule)."""
        return (
            super()
            .get_queryset(request)
            .filter(pk__in=Commitment.objects.visible_to(request.user).values("pk"))
        )

    def get_readonly_fields(self, request, obj=None):
        # Approving and publishing are for managers, as for activities.
        if roles.is_manager(request.user):
            return []
        return ["review_state", "visibility"]

    def save_model(self, request, obj, form, change):
        services.save_commitment(commitment=obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        for update_form in formset.forms:
            if update_form.instance.pk is None and update_form.has_changed():
                update_form.instance.author = request.user
        super().save_formset(request, form, formset, change)
