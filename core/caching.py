"""A data version that every write bumps, and small lookups cached against it.

Cached values are keyed by the version, so a write anywhere makes every earlier entry
unreachable at once. With several app servers, set REDIS_URL so they share one cache;
the default in-process cache is right for a single process.
"""

import contextlib
import hashlib
import threading
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

VERSION_KEY = "gcu:data-version"
TIMEOUT = 300


def data_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


_deferred = threading.local()


def bump_data_version(*args, **kwargs):
    """Invalidate everything cached against the data; connected to every write below."""
    if getattr(_deferred, "depth", 0):
        _deferred.pending = True
        return
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


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


def cached(name, compute, timeout=TIMEOUT):
    """`compute()` cached under `name` for the current data version."""
    key = f"gcu:{data_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
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
