"""axe-core on every admin page data entry staff and managers use: no critical or serious
violation.

The pages are found as the roles find them: the first page, the list of every model the
role may see, its add form, the change form and history of a record (inlines included),
a past version, the review page of a pending change, the deleted records, the import form
and its preview, the background job's page, and for managers the report's composition pages and the accounts page.
One test per role walks all of them in one browser page (the sample records loaded once).
axe's script comes from the axe-playwright-python package and is injected by the test:
no page of the site loads it.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from activities import roles
from tests.browser.conftest import sign_in, with_authenticator
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLUG = "osce-ilo-gender-labour-migration-training-2011"
CSV = (
    "Title,Type,Summary,Start date,City,Partners and roles\n"
    "Workshop on safe migration,Workshop,Two days with the partners.,15/03/2012,Geneva,"
    "Field Implementation Team (organiser)\n"
    "Training on safe migration,Training,,31/02/2012,Bern,Nobody we know\n"
)


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def admin_pages(user):
    """Every list, add form, change form and history page the user's role opens."""
    from django.contrib import admin

    request = RequestFactory().get("/admin/")
    request.user = user
    pages = {"index": reverse("admin:index")}
    for model, model_admin in admin.site._registry.items():
        name = f"{model._meta.app_label}_{model._meta.model_name}"
        if not model_admin.has_view_permission(request):
            continue
        pages[f"{name} list"] = reverse(f"admin:{name}_changelist")
        if model_admin.has_add_permission(request):
            pages[f"{name} add"] = reverse(f"admin:{name}_add")
        record = model_admin.get_queryset(request).order_by("pk").first()
        if record is not None:
            pages[f"{name} change"] = reverse(f"admin:{name}_change", args=[record.pk])
            pages[f"{name} history"] = reverse(f"admin:{name}_history", args=[record.pk])
    return pages


def pending_change(clerk):
    """The clerk's change to a published record, submitted: the review page has a difference.
    With an alias of a partner and a record's own gender marker, whose pages have records."""
    from activities import workflow
    from activities.models import Activity
    from iati import services as iati_services
    from partners import services as partner_services
    from partners.models import Partner

    published = Activity.objects.get(slug=SLUG)
    partner = Partner.objects.order_by("pk").first()
    partner_services.remember_alias(partner=partner, name="A name from an old log", user=clerk)
    iati_services.mark_activity(activity=published, gender_significance=2)
    published.summary = "A summary the clerk changed."
    outcome = workflow.save(activity=published, user=clerk, based_on=published.version)
    workflow.submit_change(change=outcome.change, user=clerk)
    return published


def more_pages(user, activity):
    """The activity's own pages beside Django's, and the managers' report and account pages."""
    from reports.models import AnnualReport

    version = activity.history.order_by("history_id").first()
    pages = {
        "activity list searched": reverse("admin:activities_activity_changelist") + "?q=training",
        "activity past version": reverse(
            "admin:activities_activity_simple_history", args=[activity.pk, version.history_id]
        ),
        "activity review": reverse("admin:activities_activity_review", args=[activity.pk]),
        "import": reverse("admin:activities_activity_import"),
    }
    if roles.is_manager(user):
        report = AnnualReport.objects.order_by("pk").first()
        pages["deleted activities"] = reverse("admin:activities_activity_deleted")
        pages["report start"] = reverse("admin:reports_annualreport_start")
        if report is not None:
            pages["report start from"] = reverse(
                "admin:reports_annualreport_start_from", args=[report.pk]
            )
        pages["accounts"] = reverse("accounts:staff")
    return pages


@pytest.mark.parametrize("role", ["data entry", "manager"])
def test_every_admin_page_of_the_role_passes_axe(live_server, browser, sample_data, tmp_path, role):
    clerk = make_user(roles.DATA_ENTRY, username="clerk")
    user = clerk
    if role == "manager":
        user = with_authenticator(make_user(roles.MANAGERS, username="head"))
    activity = pending_change(clerk)
    pages = {**admin_pages(user), **more_pages(user, activity)}
    assert "activities_activity change" in pages and "partners_partner list" in pages
    if role == "manager":
        assert "reports_annualreport change" in pages

    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(15000)
    sign_in(page, live_server.url, user.username)
    found, status = {}, {}
    for name, path in pages.items():
        response = page.goto(f"{live_server.url}{path}")
        status[name] = response.status
        if name == "activities_activity change":
            assert page.locator("input[name$='-DELETE']").count() >= 1  # inline delete boxes
        found[name] = serious_violations(page)

    upload = tmp_path / "log.csv"
    upload.write_text(CSV, encoding="utf-8")
    page.goto(f"{live_server.url}{pages['import']}")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()
    assert page.locator(".import-table").count() == 1
    found["import preview"] = serious_violations(page)
    # The background job's own page (progress, then its outcome).
    from jobs.models import Job

    job = Job.objects.filter(owner=user).order_by("-created").first()
    page.goto(f"{live_server.url}{reverse('jobs:detail', args=[job.pk])}")
    found["job page"] = serious_violations(page)
    page.context.close()

    print(f"\naxe, {role}: {len(found)} pages: {', '.join(found)}")
    failing = [f"{name}: {violation}" for name in found for violation in found[name]]
    assert not failing, "\n".join(failing)
    assert status == dict.fromkeys(status, 200)
