from django.contrib import admin

from reports.models import ReportSection


@admin.register(ReportSection)
class ReportSectionAdmin(admin.ModelAdmin):
    list_display = ["order", "title"]
    list_display_links = ["title"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
