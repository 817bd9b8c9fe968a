from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities import roles
from core.admin import NamedBoxesInline, RecordAdmin
from core.dates import format_date_range
from reports import markup, services
from reports.models import AnnualReport, ReportHeading, ReportState

# The fields of a report's own text, each with a live preview of how it prints.
MARKUP_FIELDS = ("introduction", "closing")


class ReportHeadingInline(NamedBoxesInline, admin.TabularInline):
    model = ReportHeading
    extra = 1
    fields = ["order", "title", "sections"]
    # A handful of sections: ticked in place, one line each.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    verbose_name = _("heading")
    verbose_name_plural = _("headings, in the order printed")


@admin.register(AnnualReport)
class AnnualReportAdmin(RecordAdmin):
    inlines = [ReportHeadingInline]
    list_display = ["year", "title", "symbol", "period", "state", "frozen_at"]
    list_display_links = ["year", "title"]
    list_filter = ["state"]
    search_fields = ["title", "symbol", "introduction"]
    actions = ["mark_final", "reopen", "start_from_this"]
    change_form_template = "admin/reports/annualreport/change_form.html"
    fieldsets = [
        (None, {"fields": ["year", "title", "symbol"]}),
        (_("Reporting period"), {"fields": [("period_start", "period_end")]}),
        (
            _("Cover block"),
            {
                "fields": [
                    "document_type",
                    ("distribution", "original_language"),
                    "issue_date",
                    "body",
                    "session",
                    ("session_start", "session_end"),
                ]
            },
        ),
        (_("Introduction"), {"fields": ["introduction_title", "introduction"]}),
        (_("Closing text"), {"fields": ["closing_title", "closing"]}),
        (
            _("Numbering and the builder's own sentences"),
            {
                "fields": [
                    ("heading_numbering", "number_paragraphs"),
                    "areas_sentence",
                    ("others_title", "others_sentence"),
                    "reach_sentence",
                ]
            },
        ),
        (_("Issue"), {"fields": ["state", "frozen_at", "links"]}),
    ]
    readonly_fields = ["state", "frozen_at", "links"]

    class Media:
        js = ["js/markup-preview.js"]
        css = {"all": ["css/admin-report.css"]}

    def get_queryset(self, request):
        """Issued reports for everyone with access, drafts for managers only.

        Lists and forms never show the issued HTML, so it is read only when needed.
        """
        return super().get_queryset(request).visible_to(request.user).defer("frozen_html")

    def visible_history(self, request, versions):
        """A report's draft versions are the managers' as the draft itself is."""
        if roles.is_manager(request.user):
            return versions
        return versions.filter(state=ReportState.FINAL)

    def get_readonly_fields(self, request, obj=None):
        """An issued report is reopened before it is changed."""
        if obj is not None and obj.is_final:
            editable = [f.name for f in AnnualReport._meta.fields if f.editable]
            return [*editable, *self.readonly_fields]
        return self.readonly_fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in MARKUP_FIELDS:
            kwargs["widget"] = forms.Textarea(attrs={"rows": 8, "data-markup-preview": "true"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_inline_instances(self, request, obj=None):
        if obj is not None and obj.is_final:
            return []  # the layout of an issued report stays as it was issued
        return super().get_inline_instances(request, obj)

    def save_related(self, request, form, formsets, change):
        """A new report composed without headings gets one for every report section."""
        super().save_related(request, form, formsets, change)
        if not change and not form.instance.headings.exists():
            services.default_headings(form.instance)

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="reports_annualreport_preview",
            ),
            path(
                "<int:object_id>/start-from/",
                self.admin_site.admin_view(self.start_from_view),
                name="reports_annualreport_start_from",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """The report's own text as it prints, for the live preview beside the field."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            raise PermissionDenied
        return JsonResponse({"html": str(markup.to_html(request.POST.get("text", "")[:50_000]))})

    def start_from_view(self, request, object_id):
        """The next year's report, prefilled from this one."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not services.can_issue(request.user):
            raise PermissionDenied
        previous = get_object_or_404(self.get_queryset(request), pk=object_id)
        report = services.start_from(previous=previous, user=request.user)
        self.message_user(
            request,
            _("The %(year)s report starts as a copy of %(previous)s: edit anything.")
            % {"year": report.year, "previous": previous.year},
            messages.SUCCESS,
        )
        return redirect("admin:reports_annualreport_change", report.pk)

    @admin.display(description=_("reporting period"), ordering="period_start")
    def period(self, obj):
        return format_date_range(obj.period_start, obj.period_end)

    @admin.display(description=_("pages"))
    def links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            obj.get_absolute_url(),
            _("Read the report"),
            reverse("reports:export", kwargs={"year": obj.year}),
            _("HTML"),
            reverse("reports:export-docx", kwargs={"year": obj.year}),
            _("Word"),
            reverse("reports:export-pdf", kwargs={"year": obj.year}),
            _("PDF"),
        )

    def has_issue_permission(self, request):
        return services.can_issue(request.user)

    @admin.action(description=_("Mark selected reports final"), permissions=["issue"])
    def mark_final(self, request, queryset):
        drafts = [report for report in queryset if not report.is_final]
        for report in drafts:
            services.mark_final(report=report, user=request.user)
        self.message_user(
            request,
            ngettext("%d report marked final.", "%d reports marked final.", len(drafts))
            % len(drafts),
            messages.SUCCESS,
        )

    @admin.action(description=_("Reopen selected reports as drafts"), permissions=["issue"])
    def reopen(self, request, queryset):
        issued = [report for report in queryset if report.is_final]
        for report in issued:
            services.reopen(report=report, user=request.user)
        self.message_user(
            request,
            ngettext("%d report reopened.", "%d reports reopened.", len(issued)) % len(issued),
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Start next year's report from the selected one"), permissions=["issue"]
    )
    def start_from_this(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one report to start from."), messages.WARNING)
            return None
        report = services.start_from(previous=queryset.get(), user=request.user)
        return redirect("admin:reports_annualreport_change", report.pk)
