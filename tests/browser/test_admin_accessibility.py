"""axe-core on the admin pages data entry use most: no critical or serious violation."""

import pytest

from activities import roles
from tests.browser.conftest import sign_in
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


def test_the_change_form_the_list_and_the_import_preview_pass_axe(
    live_server, page, sample_data, tmp_path
):
    from activities.models import Activity

    make_user(roles.DATA_ENTRY, username="clerk")
    sign_in(page, live_server.url, "clerk")
    activity = Activity.objects.get(slug=SLUG)
    found = {}

    page.goto(f"{live_server.url}/admin/activities/activity/{activity.pk}/change/")
    assert page.locator("input[name$='-DELETE']").count() >= 1  # the inlines' delete boxes
    found["change form"] = serious_violations(page)

    page.goto(f"{live_server.url}/admin/activities/activity/?q=training")
    found["list with its search box"] = serious_violations(page)

    upload = tmp_path / "log.csv"
    upload.write_text(CSV, encoding="utf-8")
    page.goto(f"{live_server.url}/admin/activities/activity/import/")
    page.locator("input[type=file]").set_input_files(str(upload))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()
    assert page.locator(".import-table").count() == 1
    found["import preview"] = serious_violations(page)

    assert found == {name: [] for name in found}
