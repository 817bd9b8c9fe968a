"""The admin's add form on a field office's line: 512 kbit/s with 400 ms of latency.

Served as production serves it: `collectstatic` into compressed, hashed files that WhiteNoise
serves with far-future cache headers (not the test server's plain static handler). The
browser starts with an empty cache, as on a first visit; Chromium's own network emulation
slows the line. Bytes are what crossed the line (encoded, with headers).
"""

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from activities import roles
from tests.browser.conftest import sign_in
from tests.browser.test_choice_entry import SLOW_LINE
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MAX_BYTES = 400 * 1024
MAX_SECONDS = 5.0


@pytest.fixture(scope="module")
def production_static(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    storage = "core.static_files.HashedCompressedStorage"
    from django.conf import settings

    with override_settings(
        STATIC_ROOT=root,
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": storage}},
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        # All but the API docs' bundles and source maps, which take most of the time.
        ignore = ["drf_spectacular_sidecar", "rest_framework", "*.map"]
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=ignore)
        yield root


@pytest.fixture(scope="module")
def production_server(django_db_setup, django_db_blocker, production_static):
    """A live server whose static files are WhiteNoise's, as behind gunicorn."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost", start=False)
        server.thread.static_handler = lambda application: application
        server.start()
    yield server
    server.stop()


def measure(page, url):
    """Load `url` cold over the slow line: bytes, requests and seconds to a usable form."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.clearBrowserCache")
    cdp.send("Network.emulateNetworkConditions", SLOW_LINE)
    finished = {}
    responses = {}
    cdp.on("Network.responseReceived", lambda e: responses.__setitem__(e["requestId"], e))
    cdp.on(
        "Network.loadingFinished",
        lambda e: finished.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="load")
    page.locator("#id_title").wait_for(state="visible")
    assert page.locator("#id_title").is_enabled()
    timing = page.evaluate(
        "() => { const t = performance.getEntriesByType('navigation')[0];"
        " return {ready: t.domContentLoadedEventEnd, load: t.loadEventEnd}; }"
    )
    page.wait_for_timeout(300)  # the last loadingFinished events
    files = sorted(
        (finished[i], responses[i]["response"]["url"].split("/", 3)[-1])
        for i in finished
        if i in responses
    )
    return {
        "bytes": sum(size for size, _ in files),
        "requests": len(files),
        "ready_s": timing["ready"] / 1000,
        "load_s": timing["load"] / 1000,
        "files": files,
        "static": {
            responses[i]["response"]["url"].split("/", 3)[-1]: {
                name.lower(): value for name, value in responses[i]["response"]["headers"].items()
            }
            for i in finished
            if i in responses and "/static/" in responses[i]["response"]["url"]
        },
    }


def test_the_add_form_is_light_and_usable_on_a_slow_line(production_server, page, sample_data):
    make_user(roles.DATA_ENTRY, username="clerk")
    sign_in(page, production_server.url, "clerk")
    page.set_default_timeout(30000)
    found = measure(page, f"{production_server.url}/admin/activities/activity/add/")
    print(
        f"\nadd form on the slow line: {found['bytes']} bytes, {found['requests']} requests, "
        f"usable after {found['ready_s']:.2f} s, loaded after {found['load_s']:.2f} s"
    )
    for size, name in found["files"]:
        print(f"  {size:>8}  {name}")
    assert found["bytes"] < MAX_BYTES, found["files"]
    # Hashed names kept for ever; scripts and styles compressed; no test-only script.
    for name, headers in found["static"].items():
        assert "immutable" in headers.get("cache-control", ""), (name, headers)
        if name.endswith((".js", ".css")):
            assert headers.get("content-encoding") in ("gzip", "br"), (name, headers)
        assert "axe" not in name
    assert "xregexp" not in str(found["files"])
    assert found["load_s"] < MAX_SECONDS, found
