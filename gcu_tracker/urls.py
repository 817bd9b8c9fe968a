from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("GCU Tracker administration")
admin.site.site_title = _("GCU Tracker")
admin.site.index_title = _("Records of the Gender Coordination Unit")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("activities.urls")),
    path("partners/", include("partners.urls")),
]
