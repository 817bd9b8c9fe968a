"""The admin site: the unit's records first, the technical sections last and for superusers."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

# The order of the first page: what staff work on, then who may sign in.
RECORD_APPS = ("activities", "partners", "reports")
# API tokens and the sign-in lockout records: kept for superusers alone.
TECHNICAL_APPS = ("authtoken", "axes")


class SiteAdmin(admin.AdminSite):
    # The lists of records need the width (the filters already take a column); the first
    # page and the breadcrumbs lead everywhere the sidebar did.
    enable_nav_sidebar = False

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if not request.user.is_superuser:
            apps = [app for app in apps if app["app_label"] not in TECHNICAL_APPS]

        def place(app):
            label = app["app_label"]
            if label in RECORD_APPS:
                return (0, RECORD_APPS.index(label))
            return (1 if label not in TECHNICAL_APPS else 2, 0)

        return sorted(apps, key=place)


class SiteAdminConfig(AdminConfig):
    default_site = "gcu_tracker.admin_site.SiteAdmin"
