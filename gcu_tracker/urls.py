from allauth.account import views as account_views
from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from web.language import choose_language
from web.urls import (
    activity_patterns,
    network_patterns,
    partner_patterns,
    partner_year_patterns,
    unswap_patterns,
)
from web.views import notification_settings

admin.site.site_header = _("GCU Tracker administration")
admin.site.site_title = _("GCU Tracker")
admin.site.index_title = _("Records of the Gender Coordination Unit")
# The first page says what waits for whom (activities/templatetags/review_queue.py).
admin.site.index_template = "admin/gcu_index.html"
# The admin signs in through the site's sign-in: single sign-on, the lockout and the second
# factor apply there as everywhere.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    # Browsers ask for /favicon.ico whatever the page links to.
    # (The address is looked up when asked: the static files' manifest may not exist yet
    # when this module is imported.)
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
    # Report sections moved from the reports app to activities; old addresses still work.
    re_path(
        r"^admin/reports/reportsection/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/activities/reportsection/%(rest)s", query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("accounts/login/", account_views.login, name="login"),
    path("accounts/logout/", account_views.logout, name="logout"),
    path("accounts/notifications/", notification_settings, name="notifications"),
    path("accounts/staff/", include("accounts.urls")),
    # Single sign-on, the second factor and password reset (django-allauth).
    path("accounts/", include("allauth.urls")),
    path("api/", include("api.urls")),
    # The language switcher posts here; the choice is kept in a cookie and on the account.
    path("i18n/setlang/", choose_language, name="set_language"),
    path("", include((activity_patterns, "activities"))),
    path("partners/", include((partner_patterns, "partners"))),
    path("network/", include((network_patterns, "network"))),
    path("unswap/", include((unswap_patterns, "unswap"))),
    path("partners-by-year/", include((partner_year_patterns, "partner_years"))),
    path("reports/", include("reports.urls")),
    # Background work: each job's page, progress and result, for its owner only.
    path("jobs/", include("jobs.urls")),
]

# Errors answered as JSON on the API and as short pages elsewhere (ops/faults.py).
handler400 = "ops.faults.bad_request"
handler403 = "ops.faults.permission_denied"
handler404 = "ops.faults.page_not_found"
handler500 = "ops.faults.server_error"
