"""Backups and restores of the whole database.

PostgreSQL is dumped with pg_dump's custom format and restored with pg_restore; any other
database (SQLite for trials) goes through dumpdata and loaddata, as gzipped JSON. A JSON
backup also restores into PostgreSQL, which is how a trial moves to a real server.
"""

import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import override_settings
from django.utils import timezone

from activities.caching import bump_data_version

BACKUP_DIR = settings.BASE_DIR / "backups"

# Rebuilt by `migrate` (the backup names them by natural key), or of no use once restored:
# everyone signs in again, and sign-in attempts in progress start over.
JSON_EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes.accessattempt"]

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


def restore(path, alias=DEFAULT_DB_ALIAS):
    """Replace every record in database `alias` with those of the backup at `path`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"No backup at {path}.")
    if is_json(path):
        call_command("migrate", database=alias, interactive=False, verbosity=0)
        # One transaction: a backup that fails to load leaves the records as they were.
        # loaddata sets many-to-many fields after saving each record, which history would
        # otherwise record as a new change to every record; the backup has the real history.
        with transaction.atomic(using=alias), override_settings(SIMPLE_HISTORY_ENABLED=False):
            call_command("flush", database=alias, interactive=False, verbosity=0)
            call_command("loaddata", str(path), database=alias, verbosity=0)
    elif is_postgresql(alias):
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
    else:
        raise BackupError(f"{path.name} is a PostgreSQL dump; this database is not PostgreSQL.")
    # Cached counts and lists were computed from the records that were just replaced.
    bump_data_version()
