from django.urls import path

from activities import views

app_name = "activities"

urlpatterns = [
    path("", views.HomeView.as_view(), name="dashboard"),
    path("activities/", views.ActivityListView.as_view(), name="list"),
    path("activities/<slug:slug>/", views.ActivityDetailView.as_view(), name="detail"),
    path("areas/<slug:slug>/", views.ThematicAreaDetailView.as_view(), name="thematic-area"),
    path("events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
]
