"""The site's pages: the dashboard, activity lists and exports, record pages and lookups.

Two namespaces, as the addresses read: `activities:` and `partners:` (gcu_tracker/urls.py).
"""

from django.urls import path

from activities.models import Activity, Event, ThematicArea
from core import addresses
from partners.models import Partner
from web import dashboard, export_jobs, network, partner_years, unswap, views

activity_patterns = [
    path("", dashboard.DashboardView.as_view(), name="dashboard"),
    path("activities/", views.ActivityListView.as_view(), name="list"),
    path("activities/export.csv", views.export_csv, name="export-csv"),
    path("activities/export.xlsx", views.export_xlsx, name="export-xlsx"),
    path("activities/export.iati.xml", views.export_iati, name="export-iati"),
    # A long list's CSV or Excel file made in the background (POST; then the job's page).
    path("activities/export.job", export_jobs.export_in_background, name="export-job"),
    path("activities/<slug:slug>/", views.ActivityDetailView.as_view(), name="detail"),
    path("areas/<slug:slug>/", views.ThematicAreaDetailView.as_view(), name="thematic-area"),
    path("events/lookup/", views.event_lookup, name="event-lookup"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
]

partner_patterns = [
    path("lookup/", views.partner_lookup, name="lookup"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
]

# The records' pages and the lookups, for the records and filters to find (core/addresses.py).
addresses.register_page(Activity, "activities:detail")
addresses.register_page(ThematicArea, "activities:thematic-area")
addresses.register_page(Event, "activities:event")
addresses.register_page(Partner, "partners:detail")
addresses.register_place("event-lookup", "activities:event-lookup")
addresses.register_place("partner-lookup", "partners:lookup")

network_patterns = [
    path("", network.NetworkView.as_view(), name="network"),
]

unswap_patterns = [
    path("<int:year>/", unswap.year_page, name="year"),
    path("<int:year>/tag/", unswap.tag, name="tag"),
    path("<int:year>/export.xlsx", unswap.export_xlsx, name="export-xlsx"),
]

partner_year_patterns = [
    path("", partner_years.page, name="page"),
    path("export.xlsx", partner_years.export_xlsx, name="export-xlsx"),
]
