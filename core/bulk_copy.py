"""Many new rows written at once: PostgreSQL's COPY, elsewhere Django's bulk_create.

An import of 100,000 rows writes some 600,000 rows in six tables. Through bulk_create, most
of the time went into Django preparing each value of each row; COPY takes the rows as text
in one stream, and the ids are drawn from the table's sequence first, so that the rows can
refer to each other as bulk_create's would. No signals are sent, as with bulk_create.
"""

import csv
import io
import json

from django.db import connection

NULL = "\\N"


def allocate_ids(model, objs):
    """Give each of `objs` (instances or dicts) without an id one from the table's sequence:
    rows can then refer to them before they are written (PostgreSQL only)."""
    pk = model._meta.pk
    missing = [obj for obj in objs if _values(obj).get(pk.attname) is None]
    if not missing:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, pk.column, len(missing)],
        )
        for obj, (value,) in zip(missing, cursor.fetchall(), strict=True):
            _values(obj)[pk.attname] = value


def insert(model, objs, *, into=None):
    """Insert the unsaved `objs` of `model`; each gets its id. Returns `objs`.

    `objs`: model instances, or dicts of column values by attribute name (`partner_id`),
    which cost less to make by the hundred thousand; a dict gets its id as a value, and the
    fields it leaves out their defaults. `into` names another table of the same columns to
    write them to (a staging table, PostgreSQL only).
    """
    objs = list(objs)
    if not objs:
        return objs
    meta = model._meta
    pk = meta.pk
    if connection.vendor != "postgresql":
        made = model.objects.bulk_create(
            [model(**obj) if isinstance(obj, dict) else obj for obj in objs]
        )
        for obj, saved in zip(objs, made, strict=True):
            if isinstance(obj, dict):
                obj[pk.attname] = saved.pk
        return objs
    fields = meta.concrete_fields
    defaults = {field.attname: field.get_default() for field in fields if field.has_default()}
    allocate_ids(model, objs)
    with connection.cursor() as cursor:
        stamped = [
            f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        names = [field.attname for field in fields]
        as_json = [i for i, field in enumerate(fields) if field.get_internal_type() == "JSONField"]
        # CSV with every text quoted, NULL written as \N and read as such in the columns
        # that may hold it (FORCE_NULL, since the writer quotes it as it quotes any text).
        nullable = [connection.ops.quote_name(field.column) for field in fields if field.null]
        stream = io.StringIO()
        writer = csv.writer(stream, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        for obj in objs:
            if isinstance(obj, dict):
                values = {**defaults, **obj}
            else:
                for field in stamped:
                    field.pre_save(obj, add=True)
                values = obj.__dict__
                obj._state.adding = False
                obj._state.db = connection.alias
            row = [values.get(name) for name in names]
            for i in as_json:
                if row[i] is not None:
                    row[i] = json.dumps(row[i])
            row = [NULL if value is None else value for value in row]
            writer.writerow(row)
        stream.seek(0)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        table = connection.ops.quote_name(into or meta.db_table)
        options = "FORMAT csv, NULL '\\N'" + (
            f", FORCE_NULL ({', '.join(nullable)})" if nullable else ""
        )
        cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN WITH ({options})", stream)
    return objs


def _values(obj):
    return obj if isinstance(obj, dict) else obj.__dict__
