"""The API over annual reports: read only, final reports for everyone, drafts for managers."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets

from reports.dates import format_date_range
from reports.models import AnnualReport
from reports.views import visible_reports


class AnnualReportSerializer(serializers.ModelSerializer):
    """An annual report, with links to its page and its standalone file."""

    period = serializers.SerializerMethodField(help_text=_("The reporting period, as printed."))
    page_url = serializers.SerializerMethodField(help_text=_("The report on the site."))
    export_url = serializers.SerializerMethodField(help_text=_("The standalone HTML file."))

    class Meta:
        model = AnnualReport
        fields = [
            "year",
            "title",
            "symbol",
            "period_start",
            "period_end",
            "period",
            "state",
            "page_url",
            "export_url",
        ]

    def get_period(self, report) -> str:
        return format_date_range(report.period_start, report.period_end)

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, report):
        return self.context["request"].build_absolute_uri(report.get_absolute_url())

    @extend_schema_field(OpenApiTypes.URI)
    def get_export_url(self, report):
        url = reverse("reports:export", kwargs={"year": report.year})
        return self.context["request"].build_absolute_uri(url)


@extend_schema_view(
    retrieve=extend_schema(
        parameters=[OpenApiParameter("year", OpenApiTypes.INT, OpenApiParameter.PATH)]
    )
)
class AnnualReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Annual reports by year; the issued HTML itself is served by the report pages."""

    serializer_class = AnnualReportSerializer
    lookup_field = "year"
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        return visible_reports(self.request.user).defer("frozen_html", "introduction")
