from django.urls import path

from activities import dashboard, views

app_name = "activities"

urlpatterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("activities/", views.ActivityListView.as_view(), name="list"),
    path("activities/export.csv", views.export_csv, name="export-csv"),
    path("activities/export.xlsx", views.export_xlsx, name="export-xlsx"),
    path("activities/<slug:slug>/", views.ActivityDetailView.as_view(), name="detail"),
    path("areas/<slug:slug>/", views.ThematicAreaDetailView.as_view(), name="thematic-area"),
    path("events/lookup/", views.event_lookup, name="event-lookup"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
]
