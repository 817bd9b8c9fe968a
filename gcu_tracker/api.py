"""The API under /api/: its router, schema, documentation page and error answers."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, serializers
from rest_framework.routers import DefaultRouter
from rest_framework.views import exception_handler as default_exception_handler

from activities.api import (
    ActivityTypeViewSet,
    ActivityViewSet,
    Conflict,
    EventViewSet,
    ThematicAreaViewSet,
    stale_detail,
)
from activities.services import StaleVersion
from partners.api import PartnerViewSet
from reports.api import AnnualReportViewSet


def exception_handler(exc, context):
    """Answer the database's refusals as client errors, never as server errors."""
    if isinstance(exc, StaleVersion):
        # Two writers based on the same version: the other one was saved first.
        exc = Conflict(stale_detail(exc.current))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict(_("This record cannot be deleted while other records refer to it."))
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, IntegrityError):
        # Writes are validated with the model's rules first; this is only reached when a
        # concurrent write took a unique value between validation and saving.
        exc = Conflict(_("Another change was saved at the same time; please try again."))
    return default_exception_handler(exc, context)


router = DefaultRouter()
router.register("activities", ActivityViewSet, basename="activity")
router.register("thematic-areas", ThematicAreaViewSet)
router.register("activity-types", ActivityTypeViewSet)
router.register("partners", PartnerViewSet, basename="partner")
router.register("events", EventViewSet, basename="event")
router.register("reports", AnnualReportViewSet, basename="annualreport")

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
]
