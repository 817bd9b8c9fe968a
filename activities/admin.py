from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from activities import roles, services
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityType,
    Event,
    Initiative,
    Output,
    ThematicArea,
    Visibility,
)
from reports.dates import format_date_range


class ActivityPartnerInline(admin.TabularInline):
    model = ActivityPartner
    extra = 1
    autocomplete_fields = ["partner"]
    verbose_name = _("partner and role")
    verbose_name_plural = _("partners and their roles")


class OutputInline(admin.TabularInline):
    model = Output
    extra = 0
    fields = ["title", "kind", "issued_on", "date_precision", "url"]


class ActivityAdminForm(forms.ModelForm):
    """The activity form, refusing review moves that the user's role does not allow."""

    user = None  # set by ActivityAdmin.get_form; the admin supplies model and fields

    def clean(self):
        cleaned = super().clean()
        before = None
        if self.instance.pk:
            before = Activity.objects.filter(pk=self.instance.pk).first()
        errors = services.workflow_errors(
            self.user, before, cleaned.get("review_state"), cleaned.get("visibility")
        )
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    form = ActivityAdminForm
    list_display = [
        "title",
        "activity_type",
        "dates",
        "place",
        "report_section",
        "review_state",
        "visibility",
        "status",
        "updated_at",
    ]
    list_display_links = ["title"]
    list_filter = [
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
    search_fields = ["title", "summary", "roles__partner__name", "roles__partner__acronym", "city"]
    search_help_text = _("Searches titles, summaries, partner names and acronyms, and cities.")
    date_hierarchy = "start_date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["activity_type", "event", "initiative", "thematic_areas"]
    inlines = [ActivityPartnerInline, OutputInline]
    readonly_fields = ["created_by", "created_at", "updated_by", "updated_at"]
    actions = ["submit_for_review", "approve", "publish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "activity_type", "summary"]}),
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
        """Managers see every record; other staff see confidential records they created."""
        queryset = super().get_queryset(request)
        if roles.is_manager(request.user):
            return queryset
        return queryset.exclude(Q(visibility=Visibility.CONFIDENTIAL) & ~Q(created_by=request.user))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("dates"), ordering="start_date")
    def dates(self, obj):
        return format_date_range(obj.start_date, obj.end_date, obj.date_precision)

    @admin.display(description=_("place"))
    def place(self, obj):
        return obj.place

    def has_approve_permission(self, request):
        return services.can_approve(request.user)

    def has_publish_permission(self, request):
        return services.can_publish(request.user)

    @admin.action(description=_("Submit selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        count = services.submit(list(queryset), request.user)
        self.message_user(
            request,
            ngettext("%d activity submitted.", "%d activities submitted.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Approve selected activities"), permissions=["approve"])
    def approve(self, request, queryset):
        count = services.approve(list(queryset), request.user)
        self.message_user(
            request,
            ngettext("%d activity approved.", "%d activities approved.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish selected approved activities"), permissions=["publish"])
    def publish(self, request, queryset):
        count, skipped = services.publish(list(queryset), request.user)
        self.message_user(
            request,
            ngettext("%d activity published.", "%d activities published.", count) % count,
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%d activity was not published because it is not approved.",
                    "%d activities were not published because they are not approved.",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            )

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
        activity = services.restore_activity(deletion, request.user)
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
class ThematicAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "parent", "order"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(ActivityType)
class ActivityTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "event_dates", "city", "country", "organiser", "series"]
    list_filter = ["kind", "country"]
    list_select_related = ["organiser", "series"]
    search_fields = ["name", "edition", "city", "organiser__name", "organiser__acronym"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["series", "organiser"]
    date_hierarchy = "start_date"

    @admin.display(description=_("dates"), ordering="start_date")
    def event_dates(self, obj):
        if obj.start_date is None:
            return "—"
        return format_date_range(obj.start_date, obj.end_date, obj.date_precision)


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["title"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
