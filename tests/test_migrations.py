"""A database of an earlier layout migrates to today's with nothing lost.

The fixture was made by the code before the apps were laid out in layers (see
tests/fixtures/README.md). Its rows are copied into an empty database migrated to that
earlier state, the database is migrated forward, and every row of every table of the
fixture must be found again (report sections now in `activities_reportsection`), the
issued 2011 report served byte for byte as it was issued.
"""

import datetime
import gzip
import json
import sqlite3
from pathlib import Path

import pytest
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

FIXTURE = Path(__file__).parent / "fixtures" / "before_layout.sqlite3.gz"
BEFORE = {
    "activities": "0003_version_and_history_relations",
    "reports": "0003_annualreport_permissions",
    "partners": "0001_initial",
    # Apps the earlier layout did not have yet.
    "iati": None,
    "network": None,
    "commitments": None,
    "unswap": None,
}
RENAMED = {"reports_reportsection": "activities_reportsection"}
JSON_COLUMNS = {("activities_historicalactivity", "relations")}

# Migrations rebuild this table; the test owns the database.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def fixture_db(tmp_path):
    path = tmp_path / "before.sqlite3"
    path.write_bytes(gzip.decompress(FIXTURE.read_bytes()))
    db = sqlite3.connect(path)
    yield db
    db.close()


def fixture_tables(db):
    names = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'django_migrations'"
    )
    tables = {}
    for (name,) in names:
        cursor = db.execute(f'SELECT * FROM "{name}"')
        tables[name] = ([c[0] for c in cursor.description], cursor.fetchall())
    return tables


def normalise(value, json_column=False):
    """One form for a value read from SQLite or from PostgreSQL."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC).replace(tzinfo=None)
        return str(value)
    if isinstance(value, datetime.date | datetime.time):
        return str(value)
    if json_column and value is not None:
        return json.dumps(json.loads(value) if isinstance(value, str) else value, sort_keys=True)
    return value


def column_types(table):
    with connection.cursor() as cursor:
        return {
            column.name: column.type_code
            for column in connection.introspection.get_table_description(cursor, table)
        }


def copy_rows(tables):
    """Every row of the fixture into the same tables here, as they are."""
    boolean_codes = {16}  # PostgreSQL's oid for boolean
    with (
        transaction.atomic(),
        connection.constraint_checks_disabled(),
        connection.cursor() as cursor,
    ):
        for table in tables:
            cursor.execute(f'DELETE FROM "{table}"')
        for table, (columns, rows) in tables.items():
            if not rows:
                continue
            types = column_types(table) if connection.vendor == "postgresql" else {}
            booleans = [types.get(c) in boolean_codes for c in columns]
            quoted = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})',
                [
                    [
                        bool(v) if is_bool and v is not None else v
                        for v, is_bool in zip(row, booleans, strict=True)
                    ]
                    for row in rows
                ],
            )


def rows_here(table, columns):
    with connection.cursor() as cursor:
        quoted = ", ".join(f'"{c}"' for c in columns)
        cursor.execute(f'SELECT {quoted} FROM "{table}"')
        return cursor.fetchall()


def as_set(table, columns, rows):
    return {
        tuple(normalise(v, (table, c) in JSON_COLUMNS) for v, c in zip(row, columns, strict=True))
        for row in rows
    }


def migrate_the_earlier_database(fixture_db):
    """The database taken back to the earlier layout, the fixture's rows copied in, then
    migrated forward to today's; the fixture's tables, as (columns, rows), are returned."""
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    earlier = [(app, BEFORE.get(app, name)) for app, name in leaves]
    executor.migrate(earlier)

    tables = fixture_tables(fixture_db)
    copy_rows(tables)
    old_apps = executor.loader.project_state([n for n in earlier if n[1] is not None]).apps
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), old_apps.get_models()):
            cursor.execute(statement)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    return tables


def test_a_database_of_the_earlier_layout_migrates_with_nothing_lost(fixture_db):
    """One migration of the earlier database (a minute on a small machine) and all that it
    must hold: every row found again, registry names the English ones of three, records
    English with no translations yet."""
    tables = migrate_the_earlier_database(fixture_db)
    nothing_is_lost(tables)
    registry_names_become_the_english_ones_of_three(tables)
    earlier_records_become_english_with_no_translations()


def nothing_is_lost(tables):
    assert sum(len(rows) for _columns, rows in tables.values()) > 700, "a fixture worth the name"
    lost = []
    for table, (columns, rows) in tables.items():
        here = RENAMED.get(table, table)
        expected = as_set(table, columns, rows)
        if table == "django_content_type":
            moved = columns.index("app_label")
            expected = {
                row[:moved] + ("activities",) + row[moved + 1 :]
                if row[moved] == "reports" and "reportsection" in row
                else row
                for row in expected
            }
        rows = rows_here(here, columns)
        if table == "activities_activity":
            # Records not published yet took a neutral address; the one they had is kept
            # as a former address (migration 0011), which is what is compared.
            former = dict(rows_here("activities_formeraddress", ["activity_id", "slug"]))
            at, slug = columns.index("id"), columns.index("slug")
            rows = [(*row[:slug], former.get(row[at], row[slug]), *row[slug + 1 :]) for row in rows]
        found = as_set(table, columns, rows)
        if found != expected:
            lost.append(f"{table}: {len(expected - found)} rows missing or changed")
    assert lost == []

    from activities.models import Activity, ReportSection
    from reports.export import export_bytes
    from reports.models import AnnualReport

    issued = dict(
        zip(*[tables["reports_annualreport"][0], tables["reports_annualreport"][1][0]], strict=True)
    )
    report = AnnualReport.objects.get(year=2011)
    assert export_bytes(report) == issued["frozen_html"].encode()
    hidden = Activity.objects.exclude(review_state="approved", visibility="public")
    assert hidden.exists()
    assert all(slug.startswith("record-") for slug in hidden.values_list("slug", flat=True))
    filed = Activity.objects.filter(report_section__isnull=False).count()
    assert filed == Activity.objects.count() == 45
    assert ReportSection.objects.count() == 7
    # The roles kept what they were given on the moved model.
    from django.contrib.auth.models import Group

    data_entry = Group.objects.get(name="Data entry")
    assert data_entry.permissions.filter(
        codename="view_reportsection", content_type__app_label="activities"
    ).exists()


def registry_names_become_the_english_ones_of_three(tables):
    """Each registry's one name before the three languages is its English name after them;
    an indicator still titled as installed also gets its French and Spanish titles."""
    checked = {
        "activities_thematicarea": ("name", "description"),
        "activities_reportsection": ("title", "description"),
        "activities_event": ("name",),
        "activities_activitytype": ("name",),
        "partners_partner": ("name", "acronym"),
    }
    was = {here: before for before, here in RENAMED.items()}
    for table, fields in checked.items():
        columns, rows = tables[was.get(table, table)]
        assert rows, table
        for field in fields:
            before = sorted((row[columns.index(field)] for row in rows), key=str)
            after = sorted((v for (v,) in rows_here(table, [f"{field}_en"])), key=str)
            assert after == before, (table, field)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name_fr, acronym_fr, name_es, acronym_es FROM partners_partner "
            "WHERE acronym = 'ILO'"
        )
        assert cursor.fetchall() == [
            (
                "Organisation internationale du Travail",
                "OIT",
                "Organización Internacional del Trabajo",
                "OIT",
            )
        ]
        cursor.execute("SELECT title_en, title_fr, title_es FROM unswap_indicator WHERE number = 4")
        assert cursor.fetchall() == [("Evaluation", "Évaluation", "Evaluación")]


def earlier_records_become_english_with_no_translations():
    """Records stored before they stated a language are English, searchable as before."""
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
