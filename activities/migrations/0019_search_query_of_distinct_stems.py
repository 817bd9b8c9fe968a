from django.db import migrations

# The query a search runs (activities/filters.py): each word from its start as English,
# French and Spanish stem it and as typed, every word required. A word most stemmers leave
# as it is ("work", "displ") was looked for four times over in the index; here each word's
# distinct forms are looked for once each, which kept a two-word search of 50,000 records
# from taking several times as long as before the stemming.
FORWARD = """
CREATE OR REPLACE FUNCTION activities_to_tsquery(words text[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT string_agg('(' || forms || ')', ' & ')::tsquery
      FROM (SELECT (SELECT string_agg(DISTINCT q, ' | ')
                      FROM (SELECT to_tsquery(c, word || ':*')::text AS q
                              FROM unnest(ARRAY['english', 'french', 'spanish', 'simple']
                                          ::regconfig[]) AS c) AS stems
                     WHERE q <> '') AS forms
              FROM unnest(words) AS word) AS each_word
     WHERE forms IS NOT NULL
$$;
"""

BACKWARD = "DROP FUNCTION IF EXISTS activities_to_tsquery(text[]);"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0018_search_stems_each_language"),
    ]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
