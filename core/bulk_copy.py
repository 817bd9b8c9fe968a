"""Many new rows written at once: PostgreSQL's COPY, elsewhere Django's bulk_create.

An import of 100,000 rows writes some 600,000 rows in six tables. Through bulk_create, most
of the time went into Django preparing each value of each row; COPY takes the rows as text
in one stream, and the ids are drawn from the table's sequence first, so that the rows can
refer to each other as bulk_create's would. No signals are sent, as with bulk_create.
"""

import datetime
import io
import json

from django.db import connection


def insert(model, objs):
    """Insert the unsaved `objs` of `model`; each gets its id. Returns `objs`.

    `objs`: model instances, or dicts of column values by attribute name (`partner_id`),
    which cost less to make by the hundred thousand; a dict gets its id as a value, and the
    fields it leaves out their defaults.
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
    with connection.cursor() as cursor:
        missing = [obj for obj in objs if _values(obj).get(pk.attname) is None]
        if missing:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, pk.column, len(missing)],
            )
            for obj, (value,) in zip(missing, cursor.fetchall(), strict=True):
                _values(obj)[pk.attname] = value
        stamped = [
            f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
        ]
        as_json = {f.attname for f in fields if f.get_internal_type() == "JSONField"}
        stream = io.StringIO()
        for obj in objs:
            if isinstance(obj, dict):
                values = {**defaults, **obj}
            else:
                for field in stamped:
                    field.pre_save(obj, add=True)
                values = obj.__dict__
                obj._state.adding = False
                obj._state.db = connection.alias
            stream.write(
                "\t".join(
                    _text(values.get(field.attname), field.attname in as_json) for field in fields
                )
            )
            stream.write("\n")
        stream.seek(0)
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        cursor.copy_expert(
            f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN", stream
        )
    return objs


def _text(value, as_json=False):
    """A value as COPY's text format writes it: \\N for NULL, special characters escaped."""
    if value is None:
        return "\\N"
    if as_json:
        text = json.dumps(value)
    elif value is True or value is False:
        return "t" if value else "f"
    elif isinstance(value, str):
        text = value
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)  # numbers, UUIDs, a country (its code)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _values(obj):
    return obj if isinstance(obj, dict) else obj.__dict__
