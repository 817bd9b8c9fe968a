import io
import os

import pytest
from django.core.management import call_command
from django.db import transaction

from activities import roles
from tests.factories import make_user

# A real OpenID Connect provider in a process of its own, started when a test asks for it.
pytest_plugins = ["tests.oidc_provider.fixture"]

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
def site_language():
    """Each test starts in the site's language: a request in French activates French for
    the rest of its thread, and a later test's records would be made in it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


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


@pytest.fixture(scope="module")
def sample_records(django_db_setup, django_db_blocker):
    """The 2011 sample records, loaded once for a module and rolled back after its last test.

    Each test runs in a savepoint of its own inside, so what one test writes is gone for the
    next. Not for modules with transactional tests (they would flush the records).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_sample_data", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def sample_report(sample_records, db):
    """The 2011 report over the 2011 records, as `load_sample_data` puts them in place."""
    from reports.models import AnnualReport

    return AnnualReport.objects.get(year=2011)
