"""A backup restores every record, its history and the issued reports exactly as they were."""

import hashlib
import io
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.management import CommandError, call_command
from django.db import connection

from activities import roles
from activities.models import Activity
from partners.models import Partner
from reports import services
from reports.models import AnnualReport
from tests.factories import make_user

# Restores replace whole tables, so the test owns the database; serialized_rollback brings
# back the role groups that the migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Rebuilt by `migrate` rather than restored, or deliberately left out of JSON backups.
NOT_RESTORED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
NOT_IN_JSON = {"axes.accessattempt", "activities.yearfigures", "activities.figuresgeneration"}

SLUG = "osce-ilo-gender-labour-migration-training-2011"


@pytest.fixture
def head(transactional_db):
    """A manager. The role groups are made again, under keys a fresh database would not give
    them (as on a site whose groups were once deleted), so a restore must keep the backup's."""
    Group.objects.filter(name__in=roles.ROLE_LABELS).delete()
    for name in roles.ROLE_LABELS:
        Group.objects.create(name=f"{name} (spare)").delete()
        Group.objects.create(name=name)
    roles.sync_role_groups()
    return make_user(roles.MANAGERS, username="head")


def natural_keys(model):
    return {obj.pk: obj.natural_key() for obj in model.objects.all()}


def snapshot(skip):
    """Every row of every table, with content types and permissions named by natural key.

    Those two are rebuilt by `migrate` and may get other ids; every other id must come back.
    The rows of automatic many-to-many tables are compared without their own ids.
    """
    named = {ContentType: natural_keys(ContentType), Permission: natural_keys(Permission)}
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower in skip:
            continue
        rows = []
        for obj in model._base_manager.all():
            row = {}
            for field in model._meta.concrete_fields:
                if model._meta.auto_created and field.primary_key:
                    continue
                value = getattr(obj, field.attname)
                if field.is_relation and field.related_model in named and value is not None:
                    value = named[field.related_model][value]
                if isinstance(field, SearchVectorField) and value:
                    # Rebuilt by the triggers as rows come back: the same words, whose
                    # positions follow the order the partners are read in.
                    value = sorted(set(re.findall(r"'((?:[^']|'')*)'", value)))
                if isinstance(value, (bytes, memoryview)):
                    # Files (an issue's Word and PDF) by their digest: PostgreSQL hands them
                    # back as memoryviews, whose repr is an address, and rows sort by repr.
                    value = "sha256:" + hashlib.sha256(value).hexdigest()
                row[field.attname] = value
            rows.append(row)
        tables[model._meta.label_lower] = sorted(rows, key=repr)
    return tables


def make_history(head, client):
    """The 2011 records, edited, and the 2011 report issued; returns the exported file."""
    call_command("load_sample_data", stdout=io.StringIO())
    activity = Activity.objects.get(slug=SLUG)
    activity.summary += "\n\nThe training was repeated in Skopje."
    activity._history_user = head
    activity.save()
    report = services.mark_final(report=AnnualReport.objects.get(year=2011), user=head)
    # Changed after issue: the issued file must not follow.
    Partner.objects.filter(acronym="ILO").update(name="International Labour Office")
    client.force_login(head)
    export = client.get(f"/reports/{report.year}/export.html")
    assert export.status_code == 200
    return export.content


def lose_everything(head):
    """What a backup is for: records deleted and changed, the issued report reopened."""
    services.reopen(report=AnnualReport.objects.get(year=2011), user=head)
    Activity.objects.filter(start_date__month__gte=6).delete()
    Partner.objects.update(acronym="")


def backup_restore_cycle(tmp_path, head, client, suffix, *backup_args):
    exported = make_history(head, client)
    skip = NOT_RESTORED | (NOT_IN_JSON if suffix == ".json.gz" else set())
    before = snapshot(skip)
    assert len(before["activities.historicalactivity"]) > 46

    path = tmp_path / f"gcu{suffix}"
    out = io.StringIO()
    call_command("backup", "--output", str(path), *backup_args, stdout=out)
    assert out.getvalue().strip() == str(path)
    assert path.stat().st_size > 10_000
    assert path.stat().st_mode & 0o077 == 0, "only its owner may read a backup"

    lose_everything(head)
    assert snapshot(skip) != before

    call_command("restore", str(path), "--no-input", stdout=io.StringIO())

    after = snapshot(skip)
    changed = sorted(table for table in before if after.get(table) != before[table])
    assert not changed, {table: (before[table], after.get(table)) for table in changed}
    client.force_login(head)
    assert client.get("/reports/2011/export.html").content == exported
    # The site follows the restored records, not what it had cached before the restore.
    assert client.get(f"/activities/{SLUG}/").status_code == 200


def test_a_backup_restores_records_history_and_issued_reports_identically(tmp_path, head, client):
    suffix = ".dump" if connection.vendor == "postgresql" else ".json.gz"
    backup_restore_cycle(tmp_path, head, client, suffix)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the JSON path is tested above")
def test_a_json_backup_of_postgresql_restores_identically_too(tmp_path, head, client):
    """How a site moves between databases: dumpdata JSON from one, loaded into another."""
    backup_restore_cycle(tmp_path, head, client, ".json.gz", "--json")


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "nothing.dump"), "--no-input")


def test_restore_asks_before_replacing_the_records(head, tmp_path, monkeypatch):
    backup = tmp_path / "gcu.json.gz"
    call_command("backup", output=str(backup), json=True, stdout=io.StringIO())
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore", str(backup))


def test_a_bad_backup_is_refused_before_anyone_is_asked(tmp_path, monkeypatch):
    def asked(prompt):
        raise AssertionError("asked to confirm a backup that cannot be restored")

    monkeypatch.setattr("builtins.input", asked)
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "missing.json.gz"))


def restore_refused(path):
    """Restore `path`; it must be refused with one line, leaving every record as it was."""
    before = snapshot(NOT_RESTORED)
    with pytest.raises(CommandError) as refused:
        call_command("restore", str(path), interactive=False, stdout=io.StringIO())
    assert snapshot(NOT_RESTORED) == before
    reason = str(refused.value)
    assert "\n" not in reason
    return reason


@pytest.fixture
def loaded(head):
    call_command("load_sample_data", stdout=io.StringIO())
    return head


def gzipped(tmp_path, name, payload):
    import gzip

    path = tmp_path / name
    path.write_bytes(gzip.compress(payload))
    return path


def test_an_empty_backup_is_refused_and_nothing_changes(loaded, tmp_path):
    reason = restore_refused(gzipped(tmp_path, "empty.json.gz", b"[]"))
    assert reason == "empty.json.gz is empty: it holds no records at all."
    assert Activity.objects.count() == 46


def test_a_truncated_backup_is_refused_and_nothing_changes(loaded, tmp_path):
    good = tmp_path / "good.json.gz"
    call_command("backup", output=str(good), json=True, stdout=io.StringIO())
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    assert restore_refused(cut) == "cut.json.gz is not a complete gzip file."


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"not json at all", "is not readable JSON"),
        (b'{"model": "auth.user"}', "is not a backup made by `backup`: no list of records."),
        (b'[{"model": "shop.order", "pk": 1, "fields": {}}]', "holds records of shop.order"),
        (
            b'[{"model": "partners.partner", "pk": 1, "fields": {"name": "X"}}]',
            "holds no user accounts; restoring it would lock everyone out.",
        ),
    ],
)
def test_a_foreign_backup_is_refused_with_its_reason(loaded, tmp_path, payload, reason):
    assert reason in restore_refused(gzipped(tmp_path, "foreign.json.gz", payload))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump files need PostgreSQL")
def test_a_truncated_or_foreign_dump_is_refused_and_nothing_changes(loaded, tmp_path):
    good = tmp_path / "good.dump"
    call_command("backup", output=str(good), stdout=io.StringIO())
    cut = tmp_path / "cut.dump"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])
    assert restore_refused(cut).startswith("cut.dump is not a complete PostgreSQL dump: ")
    foreign = tmp_path / "foreign.dump"
    foreign.write_bytes(b"PGDMP this is no dump")
    assert restore_refused(foreign).startswith("foreign.dump is not a complete PostgreSQL dump")
