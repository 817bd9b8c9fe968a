"""The API under /api/: its router, schema, documentation page and error answers."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from api.commitments import CommitmentViewSet
from api.errors import not_found
from api.network import FocalPointViewSet
from api.views import (
    ActivityTypeViewSet,
    ActivityViewSet,
    AnnualReportViewSet,
    EventViewSet,
    PartnerViewSet,
    ThematicAreaViewSet,
)

router = DefaultRouter()
router.register("activities", ActivityViewSet, basename="activity")
router.register("thematic-areas", ThematicAreaViewSet)
router.register("activity-types", ActivityTypeViewSet)
router.register("partners", PartnerViewSet, basename="partner")
router.register("events", EventViewSet, basename="event")
router.register("reports", AnnualReportViewSet, basename="annualreport")
router.register("focal-points", FocalPointViewSet, basename="focalpoint")
router.register("commitments", CommitmentViewSet, basename="commitment")

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("", include(router.urls)),
    # Any other address under /api/ is answered in JSON, in debug mode too.
    re_path(r"^.*$", not_found),
]
