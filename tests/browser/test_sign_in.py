"""Signing in as the agency does, in a real browser: through its provider, and with a code."""

import os

import pytest

from activities import roles
from tests.accounts import totp
from tests.browser.conftest import sign_in, with_authenticator
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = os.environ.get("GCU_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_a_first_sign_in_through_the_provider_waits_for_a_role_then_gets_one(
    live_server, browser, oidc_provider, settings
):
    settings.SOCIALACCOUNT_PROVIDERS = oidc_provider.settings()
    settings.GCU_SSO_ALLOWED_DOMAINS = ["agency.example"]
    # As gcu_tracker/settings.py does for a configured provider: its sign-in form leads there.
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = {
        **policy,
        "DIRECTIVES": {
            **policy["DIRECTIVES"],
            "form-action": [*policy["DIRECTIVES"]["form-action"], oidc_provider.url],
        },
    }
    ActivityFactory(title="Internal briefing note", visibility="internal", review_state="approved")
    base = live_server.url

    newcomer = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    newcomer.goto(f"{base}/accounts/login/")
    newcomer.get_by_role("button", name="Sign in with Agency").click()
    # At the provider: its own page, on its own port.
    newcomer.wait_for_url(f"{oidc_provider.url}/login/**")
    newcomer.get_by_label("Agency username").fill("amina")
    newcomer.get_by_label("Agency password").fill("provider password 2026")
    newcomer.get_by_role("button", name="Continue").click()
    newcomer.wait_for_url(f"{base}/activities/")
    shot(newcomer, "sso-1-first-sign-in")
    header = newcomer.locator(".site-header").inner_text()
    assert "Sign out amina" in header
    assert "Admin" not in header
    assert newcomer.get_by_text("Internal briefing note").count() == 0

    head = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    with_authenticator(make_user(roles.MANAGERS, username="head"))
    sign_in(head, base, "head")
    head.wait_for_url(f"{base}/admin/")
    waiting = head.locator("#accounts-waiting").inner_text()
    assert "New accounts waiting for a role (1)" in waiting
    assert "amina.diallo@agency.example" in waiting
    head.get_by_role("link", name="amina").click()
    head.get_by_label("Role of amina").select_option(roles.DATA_ENTRY)
    head.locator("#account-" + head.url.rsplit("-", 1)[-1]).get_by_role(
        "button", name="Give this role"
    ).click()
    assert "amina now has: Data entry." in head.get_by_role("status").inner_text()
    assert "role changed: — → Data entry" in head.locator(".audit-log").inner_text()
    shot(head, "sso-2-manager-gives-a-role")

    newcomer.goto(f"{base}/activities/")
    assert newcomer.get_by_role("link", name="Internal briefing note").is_visible()
    newcomer.get_by_role("link", name="Admin").click()
    newcomer.wait_for_url(f"{base}/admin/")
    assert newcomer.get_by_role("link", name="Add activity").count() > 0 or (
        "Activities" in newcomer.locator("#content-main").inner_text()
    )
    shot(newcomer, "sso-3-with-the-role")


def test_a_manager_sets_up_an_authenticator_app_then_signs_in_with_its_code(live_server, page):
    make_user(roles.MANAGERS, username="head")
    base = live_server.url
    sign_in(page, base, "head")
    # No admin before the second factor: first the password again, then the app.
    page.wait_for_url("**/accounts/reauthenticate/**")
    assert "Set up a second factor" in page.locator("main").inner_text()
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/**")
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("input[name=code]").fill(totp.code(secret))
    page.get_by_role("button", name="Activate").click()
    page.wait_for_load_state()
    shot(page, "totp-1-activated")
    page.goto(f"{base}/admin/")
    assert page.url == f"{base}/admin/"

    page.get_by_role("button", name="Log out").click()
    page.goto(f"{base}/accounts/login/?next=/admin/")
    page.get_by_label("Username").fill("head")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/accounts/2fa/authenticate/")
    shot(page, "totp-2-code-asked")
    page.locator("input[name=code]").fill(totp.code(secret))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(f"{base}/admin/")
