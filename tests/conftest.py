import os

import pytest

from activities import roles
from tests.factories import make_user

# Playwright's sync API runs an event loop in the test thread; Django refuses database
# work from async contexts unless told this is safe (it is: the tests are synchronous).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Role groups come from a migration; a reused test database flushed by an earlier
    run's transactional tests has lost them, so they are put back once per run."""
    with django_db_blocker.unblock():
        roles.sync_role_groups()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: rolled-back rows must not live on in it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def manager(db):
    return make_user(roles.MANAGERS, username="manager")


@pytest.fixture
def viewer(db):
    return make_user(roles.VIEWERS, username="viewer")


@pytest.fixture
def data_entry(db):
    return make_user(roles.DATA_ENTRY, username="clerk")


@pytest.fixture
def no_role_user(db):
    return make_user(None, username="outsider", is_staff=False)


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def data_entry_client(client, data_entry):
    client.force_login(data_entry)
    return client
