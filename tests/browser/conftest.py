import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; in CI a missing browser fails the run."""
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        message = f"Chromium not found at {CHROMIUM}; install the `chromium` package."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in a greenlet of this thread and leaves
    # it marked as running here. Django then keeps database connections per async context
    # rather than per thread, and the tests after this point would get new connections that
    # lack the copy of the database which transactional tests restore (serialized_rollback):
    # such a test would start from a database without content types, permissions or role
    # groups. The connections made so far are handed on.
    before = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in before.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def sample_data(transactional_db):
    from django.core.management import call_command

    call_command("load_sample_data", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115


# A second factor for the browser tests' managers: the secret an authenticator app would hold.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "correct horse battery"


def with_authenticator(user):
    """Give `user` an authenticator app, as managers and superusers signing in locally have."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user


def sign_in(page, base, username, password=PASSWORD, start="/admin/"):
    """Sign in on the site's sign-in page, which the admin leads to; then the app's code."""
    from tests.accounts import totp

    page.goto(f"{base}{start}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()
    if "/accounts/2fa/authenticate/" in page.url:
        page.locator("input[name=code]").fill(totp.code(TOTP_SECRET))
        page.locator("input[name=code]").press("Enter")
        page.wait_for_load_state()
