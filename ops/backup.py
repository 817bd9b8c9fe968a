"""Backups and restores of the whole database.

PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore; any other
database (SQLite for trials) goes through dumpdata and loaddata, as gzipped JSON. A JSON
backup also restores into PostgreSQL, which is how a trial moves to a real server.
"""

import gzip
import json
import os
import re
import subprocess
import zlib
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import override_settings
from django.utils import timezone

from core.caching import bump_data_version

BACKUP_DIR = settings.BASE_DIR / "backups"

# Rebuilt by `migrate` (the backup names them by natural key), or of no use once restored:
# everyone signs in again, and sign-in attempts in progress start over.
# Derived data is left out: the dashboard's year figures are recomputed when next read.
JSON_EXCLUDE = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes.accessattempt",
    "activities.yearfigures",
    "activities.figuresgeneration",
]

# pg_dump and pg_restore get the connection through libpq's environment variables, which
# keeps the password off the command line; these are the TLS options among them.
SSL_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}


class BackupError(Exception):
    pass


def is_postgresql(alias=DEFAULT_DB_ALIAS):
    return connections[alias].vendor == "postgresql"


def default_path(alias=DEFAULT_DB_ALIAS, json=False):
    """backups/gcu-tracker-<database>-<UTC time>.dump (or .json.gz)."""
    name = Path(str(connections[alias].settings_dict["NAME"])).stem
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    suffix = ".json.gz" if json or not is_postgresql(alias) else ".dump"
    return BACKUP_DIR / f"gcu-tracker-{name}-{stamp}{suffix}"


def is_json(path):
    return Path(path).name.endswith((".json", ".json.gz"))


def libpq_environment(alias=DEFAULT_DB_ALIAS):
    """The connection of `alias` as libpq environment variables, for pg_dump and pg_restore."""
    params = connections[alias].settings_dict
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if params.get(key):
            env[variable] = str(params[key])
    for option, variable in SSL_OPTIONS.items():
        if params.get("OPTIONS", {}).get(option):
            env[variable] = str(params["OPTIONS"][option])
    return env


def run(command, env):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).") from None
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed:\n{error.stderr.strip()}") from None


def backup(path=None, alias=DEFAULT_DB_ALIAS, json=False):
    """Write a backup of database `alias` to `path` (by default under backups/); return the path."""
    path = Path(path or default_path(alias, json=json))
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Backups hold password hashes and API tokens: readable by their owner only.
    path.touch(mode=0o600)
    path.chmod(0o600)
    try:
        if is_postgresql(alias) and not (json or is_json(path)):
            run(
                ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"],
                libpq_environment(alias),
            )
        else:
            call_command(
                "dumpdata",
                format="backup-json",
                natural_foreign=True,
                exclude=JSON_EXCLUDE,
                output=str(path),
                database=alias,
                verbosity=0,
            )
    except BaseException:
        # No half-written file that looks like a backup.
        path.unlink(missing_ok=True)
        raise
    return path


# A backup restores only if it holds at least these: a database with no user account
# would lock everyone out, and one without the migrations' record is not ours.
REQUIRED_JSON_MODELS = {"auth.user": "user accounts"}
REQUIRED_DUMP_TABLES = {
    "auth_user": "user accounts",
    "django_migrations": "the record of migrations",
    "activities_activity": "the activities table",
}


def _read_json(path):
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error):
            raise BackupError(f"{path.name} is not a complete gzip file.") from None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError) as error:
        raise BackupError(f"{path.name} is not readable JSON ({error}).") from None


def check_json_backup(path):
    """Read the whole JSON backup and check it is one of ours; returns records per model."""
    records = _read_json(path)
    if not isinstance(records, list) or not all(
        isinstance(r, dict)
        and isinstance(r.get("model"), str)
        and isinstance(r.get("fields"), dict)
        for r in records
    ):
        raise BackupError(f"{path.name} is not a backup made by `backup`: no list of records.")
    if not records:
        raise BackupError(f"{path.name} is empty: it holds no records at all.")
    counts = Counter(r["model"].lower() for r in records)
    for label in sorted(counts):
        try:
            apps.get_model(label)
        except (LookupError, ValueError):
            raise BackupError(
                f"{path.name} holds records of {label}, which this installation does not know."
            ) from None
    for label, what in REQUIRED_JSON_MODELS.items():
        if not counts[label]:
            raise BackupError(f"{path.name} holds no {what}; restoring it would lock everyone out.")
    return counts


COPY_START = re.compile(r"^COPY public\.(\w+) ")


def check_dump_backup(path, alias=DEFAULT_DB_ALIAS):
    """Read the whole pg_dump file through pg_restore and check its tables; returns rows per table.

    pg_restore writes the dump as SQL to a pipe: a truncated or foreign file fails here,
    before anything in the database is touched.
    """
    command = ["pg_restore", "--file=-", str(path)]
    try:
        process = subprocess.Popen(
            command,
            env=libpq_environment(alias),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            errors="replace",
        )
    except FileNotFoundError:
        raise BackupError("pg_restore is not installed (Debian: postgresql-client).") from None
    rows, table = Counter(), None
    for line in process.stdout:
        if table is None:
            match = COPY_START.match(line)
            if match:
                table = match.group(1)
                rows[table] += 0
        elif line == "\\.\n":
            table = None
        else:
            rows[table] += 1
    error = process.stderr.read().strip()
    if process.wait() != 0:
        reason = error.splitlines()[-1] if error else "pg_restore could not read it"
        raise BackupError(f"{path.name} is not a complete PostgreSQL dump: {reason}.")
    for table, what in REQUIRED_DUMP_TABLES.items():
        if table not in rows:
            raise BackupError(f"{path.name} is not a GCU Tracker backup: it has no {what}.")
    if not rows["auth_user"]:
        raise BackupError(
            f"{path.name} holds no user accounts; restoring it would lock everyone out."
        )
    return rows


def check(path, alias=DEFAULT_DB_ALIAS):
    """Read and check the whole backup at `path`; raise BackupError with a one-line reason."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    if is_json(path):
        return check_json_backup(path)
    if not is_postgresql(alias):
        raise BackupError(f"{path.name} is a PostgreSQL dump; this database is not PostgreSQL.")
    return check_dump_backup(path, alias)


def restore(path, alias=DEFAULT_DB_ALIAS, *, checked=False):
    """Replace every record in database `alias` with those of the backup at `path`.

    The whole file is read and checked first (unless the caller just did, `checked`); a
    backup that fails the check changes nothing.
    """
    path = Path(path)
    if not checked:
        check(path, alias)
    if is_json(path):
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        # One transaction: a backup that fails to load leaves the records as they were.
        # loaddata sets many-to-many fields after saving each record, which history would
        # otherwise record as a new change to every record; the backup has the real history.
        with transaction.atomic(using=alias), override_settings(SIMPLE_HISTORY_ENABLED=False):
            # Without post_migrate, whose handlers would make rows (the role groups) that the
            # backup brings again under other keys; the content types and permissions the
            # backup names by natural key are made again first.
            call_command(
                "flush", database=alias, interactive=False, verbosity=0, inhibit_post_migrate=True
            )
            for app_config in apps.get_app_configs():
                create_contenttypes(app_config, verbosity=0, using=alias)
                create_permissions(app_config, verbosity=0, using=alias)
            call_command("loaddata", str(path), database=alias, verbosity=0)
            # A backup of an older release lacks the permissions of newer models.
            emit_post_migrate_signal(verbosity=0, interactive=False, db=alias)
    else:
        # pg_restore works on its own connection; ours must not hold anything open.
        connections[alias].close()
        run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connections[alias].settings_dict['NAME']}",
                str(path),
            ],
            libpq_environment(alias),
        )
        # A backup from an older release gets this release's migrations.
        call_command("migrate", database=alias, interactive=False, verbosity=0)
    # Cached counts and lists were computed from the records that were just replaced, and the
    # planner's statistics from tables that were just refilled.
    bump_data_version()
    if is_postgresql(alias):
        database = connections[alias]
        with database.cursor() as cursor:
            cursor.execute("ANALYZE" if database.in_atomic_block else "VACUUM ANALYZE")
