from django.urls import path

from jobs import views

app_name = "jobs"
urlpatterns = [
    path("<uuid:job_id>/", views.detail, name="detail"),
    path("<uuid:job_id>/status.json", views.status, name="status"),
    path("<uuid:job_id>/download", views.download, name="download"),
]
