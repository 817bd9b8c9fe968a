"""Reads of a few rows by their ids, compiled to SQL once and then only executed.

A list page reads its rows' thematic areas (the API list also their partner roles and
outputs) by the page's ids: the same query every time but for the ids. Built and compiled
through the ORM, such a query costs two or three times what the database takes to answer
it. Here each one is compiled once per language, number of ids and database, with stand-in
ids, and then executed with the page's ids put in their places.

Only the ids change between runs, so a query may depend on nothing but the ids and the
active language (registry names, `core.registry_names.in_language`). A query whose values
need converting after they are read (dates on SQLite, for one) is not kept: it is read
through the ORM each time, with the same result.
"""

from django.db import connections

from core.registry_names import current_language

# {(build, language, number of ids, database): (sql, params, places of the ids) or None}
_compiled = {}
KEPT = 512
# Stand-in ids: numbers no table gives out, each found once among the compiled parameters.
_STAND_IN = -(2**62)


def rows_by_ids(build, ids, using="default"):
    """The rows of `build(ids)` (a `values_list` queryset filtered by `ids`) as tuples.

    `build` is a module's function, the key of its compiled query: it must give the same
    query for the same ids and language.
    """
    ids = list(ids)
    if not ids:
        return []
    key = (build, current_language(), len(ids), using)
    if key not in _compiled:
        if len(_compiled) >= KEPT:
            _compiled.clear()
        _compiled[key] = _compile(build, len(ids), using)
    compiled = _compiled[key]
    if compiled is None:
        return list(build(ids).using(using))
    sql, params, places = compiled
    params = list(params)
    for place, pk in zip(places, ids, strict=True):
        params[place] = pk
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _compile(build, count, using):
    """(sql, params, places of the ids in params) of `build` for `count` ids, or None when
    its rows cannot be taken from the cursor as they are."""
    stand_ins = [_STAND_IN - n for n in range(count)]
    compiler = build(stand_ins).using(using).query.get_compiler(using=using)
    sql, params = compiler.as_sql()
    columns = [column for column, _sql, _alias in compiler.select]
    if compiler.col_count != len(columns) or compiler.get_converters(columns):
        return None
    where = {value: place for place, value in enumerate(params) if value in stand_ins}
    if len(where) != count or sum(1 for value in params if value in where) != count:
        return None
    return sql, tuple(params), tuple(where[value] for value in stand_ins)
