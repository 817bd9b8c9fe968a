"""A data version that every write bumps, and small lookups cached against it.

Cached values are keyed by the version, so a write anywhere makes every earlier entry
unreachable at once. With several app servers, set REDIS_URL so they share one cache;
the default in-process cache is right for a single process.

A request reads the version from the shared cache once, when it first needs it, and keeps
it to its end (its own writes move it on): one round trip to Redis a request, not two per
cached lookup. Values cached against a version are also kept in the process for the same
time as in the shared cache; being keyed by the version, they can never be out of date.
"""

import contextlib
import hashlib
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

VERSION_KEY = "gcu:data-version"
TIMEOUT = 300

# The version as the current request has read it (WSGI: one request per thread at a time).
_request = threading.local()


def _request_begins(**kwargs):
    _request.active, _request.version = True, None


def _request_ends(**kwargs):
    _request.active, _request.version = False, None


request_started.connect(_request_begins, dispatch_uid="gcu-data-version-request-started")
request_finished.connect(_request_ends, dispatch_uid="gcu-data-version-request-finished")


def data_version():
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    if getattr(_request, "active", False):
        _request.version = version
    return version


_deferred = threading.local()


def bump_data_version(*args, **kwargs):
    """Invalidate everything cached against the data; connected to every write below."""
    if getattr(_deferred, "depth", 0):
        _deferred.pending = True
        return
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    if getattr(_request, "active", False):
        _request.version = version


@contextlib.contextmanager
def one_bump():
    """Many writes, one new data version at the end (an import writes thousands of rows:
    one round trip to the cache each would cost more than the writes)."""
    _deferred.depth = getattr(_deferred, "depth", 0) + 1
    try:
        yield
    finally:
        _deferred.depth -= 1
        if not _deferred.depth and getattr(_deferred, "pending", False):
            _deferred.pending = False
            bump_data_version()


def page_cache_enabled():
    """Counts and rendered fragments are cached only where every process shares the cache.

    With one cache per process a write in one process could not reach the others, and a
    count could go on including a record that has just been made confidential.
    """
    return settings.GCU_PAGE_CACHE


def cache_key(*parts):
    """A key for the current data version, the active language and `parts` (scope, query
    string, ...): a fragment rendered in one language is never served in another."""
    parts = (translation.get_language(), *parts)
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()
    return f"gcu:{data_version()}:{digest}"


def for_page(compute, *parts):
    """`compute()`, kept for the data version under `parts` when the page cache is on."""
    if not page_cache_enabled():
        return compute()
    key = cache_key(*parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


# {key: (value, monotonic time it expires)}: `cached` values of this process.
_here = {}
_here_lock = threading.Lock()
HERE_MAX = 512


def cached(name, compute, timeout=TIMEOUT):
    """`compute()` cached under `name` for the current data version: in this process, then
    in the shared cache. Callers get the same object each time and must not change it."""
    key = f"gcu:{data_version()}:{name}"
    now = time.monotonic()
    kept = _here.get(key)
    if kept is not None and kept[1] > now:
        return kept[0]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    with _here_lock:
        if len(_here) >= HERE_MAX:
            _here.clear()  # older versions' entries, mostly: unreachable anyway
        _here[key] = (value, now + timeout)
    return value


def invalidate_on_writes(models):
    """Bump the data version whenever a row of `models` is saved or deleted, or a
    many-to-many link of theirs changes (bulk link writes send no post_save)."""
    for model in models:
        label = model._meta.label
        post_save.connect(bump_data_version, sender=model, dispatch_uid=f"bump-save-{label}")
        post_delete.connect(bump_data_version, sender=model, dispatch_uid=f"bump-delete-{label}")
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                bump_data_version, sender=through, dispatch_uid=f"bump-links-{through._meta.label}"
            )
