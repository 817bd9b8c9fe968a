from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from activities.models import Activity
from core.admin import RecordAdmin, SafeAutocompleteAdmin
from network.models import FocalPoint, Training


class UnseenRecordField(forms.ModelChoiceField):
    """A linked activity the user may not see: kept as it is, and never named."""

    def label_from_instance(self, obj):
        return _("(a record you may not see)")


class TrainingForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("activity")
        linked = self.instance.activity_id
        # The field offers the activities the user may see; one they may not stays linked,
        # unchangeable, instead of being dropped when the form is saved.
        if field is not None and linked and not field.queryset.filter(pk=linked).exists():
            self.fields["activity"] = UnseenRecordField(
                queryset=Activity.objects.filter(pk=linked),
                disabled=True,
                required=False,
                label=field.label,
            )


class TrainingInline(SafeAutocompleteAdmin, admin.TabularInline):
    model = Training
    form = TrainingForm
    extra = 0
    autocomplete_fields = ["activity"]

    def get_fields(self, request, obj=None):
        # Read-only pages name no activity: they would show any record's title.
        if not self.has_change_permission(request, obj):
            return ["title", "received_on"]
        return ["title", "received_on", "activity"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Only the activities the user may see can be named (the one visibility rule).
        if db_field.name == "activity":
            kwargs["queryset"] = Activity.objects.visible_to(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(FocalPoint)
class FocalPointAdmin(RecordAdmin):
    """Managers and data entry keep the network; viewers with admin access read it."""

    list_display = [
        "name",
        "office",
        "country",
        "region",
        "role",
        "sex",
        "appointed_on",
        "ended_on",
    ]
    list_filter = ["region", "role", "sex", "terms_of_reference_signed"]
    search_fields = ["name", "email", "office"]
    date_hierarchy = "appointed_on"
    inlines = [TrainingInline]
