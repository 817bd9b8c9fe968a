"""The site's pages: the dashboard, activity lists and exports, record pages and lookups.

Two namespaces, as the addresses read: `activities:` and `partners:` (gcu_tracker/urls.py).
"""

from django.urls import path

from web import dashboard, views

activity_patterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("activities/", views.ActivityListView.as_view(), name="list"),
    path("activities/export.csv", views.export_csv, name="export-csv"),
    path("activities/export.xlsx", views.export_xlsx, name="export-xlsx"),
    path("activities/<slug:slug>/", views.ActivityDetailView.as_view(), name="detail"),
    path("areas/<slug:slug>/", views.ThematicAreaDetailView.as_view(), name="thematic-area"),
    path("events/lookup/", views.event_lookup, name="event-lookup"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
]

partner_patterns = [
    path("lookup/", views.partner_lookup, name="lookup"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
]
