from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from activities import history, roles, services, workflow
from activities.admin_import import ImportAdminMixin
from activities.admin_review import ReviewAdminMixin, WaitingFilter, proposed_relations
from activities.forms import ActivityAdminForm, revert_form, stale_message
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityType,
    Event,
    Initiative,
    Output,
    PartnerRole,
    ReportSection,
    ThematicArea,
    visibility_rule,
)
from core.admin import NamedBoxesInline, RecordAdmin, RegistryAdmin, SafeAutocompleteAdmin
from core.dates import format_date_range
from core.registry_names import three
from partners.models import Partner


def reverted_version(obj):
    """The past version `obj` was made from on simple_history's revert page, else None."""
    return getattr(obj, "_history", None)


class ActivityPartnerInline(NamedBoxesInline, SafeAutocompleteAdmin, admin.TabularInline):
    model = ActivityPartner
    extra = 1
    autocomplete_fields = ["partner"]
    verbose_name = _("partner and role")
    verbose_name_plural = _("partners and their roles")


class OutputInline(NamedBoxesInline, admin.TabularInline):
    model = Output
    extra = 0
    fields = ["title", "kind", "issued_on", "date_precision", "url"]


@admin.register(Activity)
class ActivityAdmin(ImportAdminMixin, ReviewAdminMixin, RecordAdmin):
    form = ActivityAdminForm
    list_display = [
        "title",
        "activity_type",
        "dates",
        "place",
        "report_section",
        "state",
        "status",
        "updated_at",
    ]
    list_display_links = ["title"]
    list_filter = [
        WaitingFilter,
        "review_state",
        "visibility",
        "status",
        "activity_type",
        "report_section",
        "prominence",
        "thematic_areas",
        "date_precision",
    ]
    list_select_related = ["activity_type", "report_section"]
    list_per_page = 50
    search_fields = [
        "title",
        "title_en",
        "title_fr",
        "title_es",
        "summary",
        *three("roles__partner__name"),
        *three("roles__partner__acronym"),
        "city",
    ]
    search_help_text = _("Searches titles, summaries, partner names and acronyms, and cities.")
    date_hierarchy = "start_date"
    # Type-ahead only for long lists; the type is a short closed list, a plain select, so a
    # fast Enter can never take an option the reader did not see.
    autocomplete_fields = ["event", "initiative", "thematic_areas"]
    inlines = [ActivityPartnerInline, OutputInline]
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at"]
    save_on_top = True

    class Media:
        css = {"all": ["css/admin-activity.css"]}
        js = ["js/admin-record-languages.js"]

    fieldsets = [
        (None, {"fields": ["original_language", "title", "slug", "activity_type", "summary"]}),
        (
            _("In other languages"),
            {
                "classes": ["other-languages"],
                "description": _(
                    "The title and summary in the record's other languages, where you have "
                    "them. Pages show the reader's language when it is given here."
                ),
                "fields": [
                    ("title_en", "title_fr", "title_es"),
                    ("summary_en", "summary_fr", "summary_es"),
                ],
            },
        ),
        (
            _("When and where"),
            {"fields": [("start_date", "end_date", "date_precision"), ("city", "country")]},
        ),
        (_("Filed under"), {"fields": ["thematic_areas", "event", "initiative"]}),
        (
            _("Participants"),
            {"fields": [("participants_total", "participants_women", "participants_men")]},
        ),
        (_("Annual report"), {"fields": ["report_section", "prominence", "report_order"]}),
        (_("Review and publication"), {"fields": ["status", "review_state", "visibility"]}),
        (
            _("Record"),
            {
                "classes": ["collapse"],
                "fields": [("created_by", "created_at"), ("updated_by", "updated_at")],
            },
        ),
    ]

    def get_queryset(self, request):
        """The one visibility rule: every list, form, history page and action of the admin."""
        return super().get_queryset(request).visible_to(request.user)

    def visible_history(self, request, versions):
        """Past versions by the same rule: a record once confidential keeps those versions hidden."""
        return versions.filter(visibility_rule(request.user))

    def get_fieldsets(self, request, obj=None):
        """Those who may save the form send the version it was based on, in a hidden field."""
        fieldsets = super().get_fieldsets(request, obj)
        (name, options), *rest = fieldsets
        fields = list(options["fields"])
        if not roles.is_manager(request.user):
            # The web address is made from the title; only managers choose another.
            fields.remove("slug")
        if obj is None:
            # Shown, as a box to tick, only when the record looks like one already there.
            fields.append("not_a_duplicate")
        elif self.has_change_permission(request, obj):
            fields.append("based_on_version")
        return [(name, {**options, "fields": fields}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        version = reverted_version(obj)
        if version is not None:
            form = revert_form(form, version)
        return form

    def save_model(self, request, obj, form, change):
        """The record is saved with its relations by save_related, in one service call.

        A revert (simple_history's page, which calls no save_related) is saved here, its
        partner roles and outputs brought back with it, as one change.
        """
        version = reverted_version(obj)
        if version is None:
            return

        def write_relations():
            services.restore_relations(obj, version.relations)
            form.save_m2m()

        obj.outcome = workflow.save(
            activity=obj,
            user=request.user,
            based_on=form.cleaned_data.get("based_on_version"),
            write_relations=write_relations,
            reason="Reverted",
        )

    def save_related(self, request, form, formsets, change):
        """One call of the workflow's save service: the record saved as one change, or a
        change to an approved record kept as its pending change (form.instance.outcome)."""
        areas, roles_, outputs = proposed_relations(form, formsets)
        form.instance.outcome = workflow.save(
            activity=form.instance,
            user=request.user,
            based_on=form.cleaned_data.get("based_on_version") if change else None,
            areas=areas,
            roles=roles_,
            outputs=outputs,
            write_relations=lambda: super(ActivityAdmin, self).save_related(
                request, form, formsets, change
            ),
            reason="Changed in the admin" if change else "Added in the admin",
        )

    def delete_model(self, request, obj):
        services.delete_activity(activity=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for activity in queryset:
            services.delete_activity(activity=activity, user=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.StaleVersion as stale:
            # Two saves based on the same version at the same moment: this one came second.
            self.message_user(request, stale_message(stale.current, None), messages.ERROR)
            return redirect(request.path)

    object_history_form_template = "admin/activities/activity/object_history_form.html"

    def version_context(self, request, version):
        """What reverting to `version` brings back beside the form's fields."""
        relations = version.relations
        if relations is None:
            return {"restored_relations_unknown": True}
        partners = Partner.objects.in_bulk([p for p, _r in relations["partner_roles"]])
        roles = dict(PartnerRole.choices)
        return {
            "restored_roles": [
                f"{partners[p]} ({roles.get(r, r)})"
                for p, r in relations["partner_roles"]
                if p in partners
            ],
            "restored_outputs": [o["title"] for o in relations["outputs"]],
        }

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """simple_history's differences, and those of partner roles and outputs."""
        super().set_history_delta_changes(request, historical_records, foreign_keys_are_objs)
        records = list(historical_records)
        partner_ids = {
            partner
            for record in records
            for partner, _role in (record.relations or {}).get("partner_roles", [])
        }
        names = {
            pk: acronym or name
            for pk, name, acronym in Partner.objects.filter(pk__in=partner_ids).values_list(
                "pk", "name", "acronym"
            )
        }
        for newer, older in zip(records, records[1:], strict=False):
            for label, old, new in history.relation_changes(older, newer, names):
                newer.history_delta_changes.append(
                    {"field": label, "old": "; ".join(old) or "—", "new": "; ".join(new) or "—"}
                )

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return format_date_range(obj.start_date, obj.end_date, obj.date_precision)

    @admin.display(description=_("place"))
    def place(self, obj):
        return obj.place

    @admin.display(description=_("review and visibility"), ordering="review_state")
    def state(self, obj):
        """One column for both, so that the list fits a laptop's screen."""
        return f"{obj.get_review_state_display()} · {obj.get_visibility_display()}"

    # Deleted activities: listed from their history and restored with their inline rows.

    def get_urls(self):
        urls = super().get_urls()
        return [
            path(
                "deleted/",
                self.admin_site.admin_view(self.deleted_view),
                name="activities_activity_deleted",
            ),
            path(
                "deleted/<int:history_id>/restore/",
                self.admin_site.admin_view(self.restore_view),
                name="activities_activity_restore",
            ),
            *urls,
        ]

    def _deleted_records(self):
        history = Activity.history.model
        existing = Activity.objects.values("pk")
        return (
            history.objects.filter(history_type="-")
            .exclude(id__in=existing)
            .select_related("history_user")
            .order_by("-history_date")
        )

    def can_restore(self, request):
        """Restoring undoes a deletion, so it is for those who may delete as well as add."""
        return self.has_add_permission(request) and self.has_delete_permission(request)

    def deleted_view(self, request):
        if not self.can_restore(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Deleted activities"),
            "deleted": self._deleted_records()[:200],
        }
        return TemplateResponse(request, "admin/activities/activity/deleted.html", context)

    def restore_view(self, request, history_id):
        if not self.can_restore(request):
            raise PermissionDenied
        if request.method != "POST":
            return redirect("admin:activities_activity_deleted")
        deletion = get_object_or_404(self._deleted_records(), history_id=history_id)
        activity = services.restore_activity(deletion=deletion, user=request.user)
        self.log_addition(request, activity, [{"added": {}}])
        self.message_user(
            request,
            format_html(
                _('Restored “{}”. <a href="{}">Open it</a>.'),
                activity,
                reverse("admin:activities_activity_change", args=[activity.pk]),
            ),
            messages.SUCCESS,
        )
        return redirect("admin:activities_activity_deleted")

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_restore": self.can_restore(request)}
        return super().changelist_view(request, extra_context)


@admin.register(ThematicArea)
class ThematicAreaAdmin(RegistryAdmin, RecordAdmin):
    """Name and description in English, French and Spanish side by side."""

    list_display = ["name", "parent", "order"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = [*three("name"), *three("description")]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["parent"]


@admin.register(ActivityType)
class ActivityTypeAdmin(RegistryAdmin):
    """The name in English, French and Spanish side by side; found by any of them."""

    list_display = ["name", "slug"]
    search_fields = three("name")
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Event)
class EventAdmin(RegistryAdmin, RecordAdmin):
    list_display = ["name", "kind", "event_dates", "city", "country", "organiser", "series"]
    list_filter = ["kind", "country"]
    list_select_related = ["organiser", "series"]
    search_fields = [
        *three("name"),
        "edition",
        "city",
        *three("organiser__name"),
        *three("organiser__acronym"),
    ]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["series", "organiser"]
    date_hierarchy = "start_date"

    @admin.display(description=_("dates"), ordering="start_date")
    def event_dates(self, obj):
        if obj.start_date is None:
            return "—"
        return format_date_range(obj.start_date, obj.end_date, obj.date_precision)


@admin.register(Initiative)
class InitiativeAdmin(RegistryAdmin, RecordAdmin):
    list_display = ["title"]
    search_fields = [*three("title"), "summary"]
    prepopulated_fields = {"slug": ["title_en"]}


@admin.register(ReportSection)
class ReportSectionAdmin(RegistryAdmin):
    list_display = ["order", "title"]
    list_display_links = ["title"]
    search_fields = three("title")
    prepopulated_fields = {"slug": ["title_en"]}
