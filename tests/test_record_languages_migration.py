"""Records stored before they stated a language migrate as English, searchable as before."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.test_migrations import BEFORE, copy_rows, fixture_db, fixture_tables  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_earlier_records_become_english_with_no_translations(fixture_db):  # noqa: F811
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate([(app, BEFORE.get(app, name)) for app, name in leaves])
    copy_rows(fixture_tables(fixture_db))
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from activities.models import Activity

    assert Activity.objects.count() == 45
    assert set(Activity.objects.values_list("original_language", flat=True)) == {"en"}
    assert not Activity.objects.exclude(title_fr="", title_es="", summary_en="").exists()
    assert set(Activity.history.values_list("original_language", flat=True)) == {"en"}
    if connection.vendor == "postgresql":
        # The stored vectors were rebuilt with each language's stemming: a plural finds them.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM activities_activity "
                "WHERE search @@ to_tsquery('english', 'workshops')"
            )
            assert cursor.fetchone()[0] > 0
