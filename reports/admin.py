from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities import roles
from core.admin import RecordAdmin
from core.dates import format_date_range
from reports import services
from reports.models import AnnualReport, ReportState


@admin.register(AnnualReport)
class AnnualReportAdmin(RecordAdmin):
    list_display = ["year", "title", "symbol", "period", "state", "frozen_at"]
    list_display_links = ["year", "title"]
    list_filter = ["state"]
    search_fields = ["title", "symbol", "introduction"]
    actions = ["mark_final", "reopen"]
    fieldsets = [
        (None, {"fields": ["year", "title", "symbol"]}),
        (_("Reporting period"), {"fields": [("period_start", "period_end")]}),
        (_("Introduction"), {"fields": ["introduction"]}),
        (_("Issue"), {"fields": ["state", "frozen_at", "links"]}),
    ]
    readonly_fields = ["state", "frozen_at", "links"]

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
            return ["year", "title", "symbol", "period_start", "period_end", "introduction"] + [
                *self.readonly_fields
            ]
        return self.readonly_fields

    @admin.display(description=_("reporting period"), ordering="period_start")
    def period(self, obj):
        return format_date_range(obj.period_start, obj.period_end)

    @admin.display(description=_("pages"))
    def links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            obj.get_absolute_url(),
            _("Read the report"),
            reverse("reports:export", kwargs={"year": obj.year}),
            _("Download the HTML file"),
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
