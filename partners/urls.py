from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("lookup/", views.partner_lookup, name="lookup"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
]
