"""The data version: read once per request, moved by every write, and values cached
against it served from the process without a trip to the shared cache."""

import pytest
from django.core.cache import cache

from core import caching
from tests.factories import ActivityTypeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reads(monkeypatch):
    """The keys read from the shared cache, in order."""
    seen = []
    real = cache.get

    def get(key, *args, **kwargs):
        seen.append(key)
        return real(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    return seen


def test_a_list_page_reads_the_data_version_once_and_its_choices_from_the_process(client, reads):
    client.get("/activities/")  # fills the caches
    reads.clear()
    assert client.get("/activities/").status_code == 200
    assert reads == [caching.VERSION_KEY]


def test_a_write_in_the_request_moves_its_version_and_another_process_write_is_seen_next():
    # What request_started and request_finished call (sending those signals here would also
    # close the test's database connection).
    caching._request_begins()
    try:
        first = caching.data_version()
        assert caching.data_version() == first
        ActivityTypeFactory()  # a write of this request
        moved = caching.data_version()
        assert moved != first
        # Another process writes meanwhile: this request keeps the version it had.
        cache.set(caching.VERSION_KEY, "written-elsewhere", None)
        assert caching.data_version() == moved
    finally:
        caching._request_ends()
    caching._request_begins()
    try:
        assert caching.data_version() == "written-elsewhere"
    finally:
        caching._request_ends()


def test_values_cached_in_the_process_follow_the_version():
    computed = []

    def compute():
        computed.append(1)
        return [len(computed)]

    assert caching.cached("test-value", compute) == [1]
    assert caching.cached("test-value", compute) == [1]
    caching.bump_data_version()
    assert caching.cached("test-value", compute) == [2]
    assert len(computed) == 2
