"""Search finds a record by its type's, thematic areas' and partners' names in any of the three
languages: "atelier" finds the workshops. PostgreSQL only, as migration 0006; SQLite searches
the same names with LIKE (activities/filters.py).

The vector takes the type as an argument (a trigger before an insert cannot read the row
from the table); the four-argument form of 0006 stays for callers that recompute stored rows
(activities/bulk.py), reading the type from the row. Links to thematic areas and renamed
types and areas bring the vectors of their records up to date, as partners' roles did.
"""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION activities_search_vector(
    activity bigint, title text, summary text, city text, kind bigint
) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(city, '')), 'B')
        || setweight(to_tsvector('simple', coalesce((
               SELECT string_agg(concat_ws(' ', p.name_en, p.name_fr, p.name_es,
                                           p.acronym_en, p.acronym_fr, p.acronym_es), ' ')
               FROM activities_activitypartner r
               JOIN partners_partner p ON p.id = r.partner_id
               WHERE r.activity_id = activity), '')), 'B')
        || setweight(to_tsvector('simple', coalesce((
               SELECT concat_ws(' ', t.name_en, t.name_fr, t.name_es)
               FROM activities_activitytype t WHERE t.id = kind), '')), 'B')
        || setweight(to_tsvector('simple', coalesce((
               SELECT string_agg(concat_ws(' ', ta.name_en, ta.name_fr, ta.name_es), ' ')
               FROM activities_activity_thematic_areas l
               JOIN activities_thematicarea ta ON ta.id = l.thematicarea_id
               WHERE l.activity_id = activity), '')), 'B')
        || setweight(to_tsvector('simple', coalesce(summary, '')), 'C')
$$;

CREATE OR REPLACE FUNCTION activities_search_vector(
    activity bigint, title text, summary text, city text
) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT activities_search_vector(activity, title, summary, city,
        (SELECT a.activity_type_id FROM activities_activity a WHERE a.id = activity))
$$;

CREATE OR REPLACE FUNCTION activities_activity_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NEW; END IF;
    NEW.search := activities_search_vector(
        NEW.id, NEW.title, NEW.summary, NEW.city, NEW.activity_type_id);
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS activities_activity_search ON activities_activity;
CREATE TRIGGER activities_activity_search
BEFORE INSERT OR UPDATE OF title, summary, city, activity_type_id ON activities_activity
FOR EACH ROW EXECUTE FUNCTION activities_activity_search();

CREATE OR REPLACE FUNCTION activities_area_link_search() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE changed bigint;
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN changed := OLD.activity_id; ELSE changed := NEW.activity_id; END IF;
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city, a.activity_type_id)
     WHERE a.id = changed;
    IF TG_OP = 'UPDATE' AND OLD.activity_id <> NEW.activity_id THEN
        UPDATE activities_activity a
           SET search = activities_search_vector(
               a.id, a.title, a.summary, a.city, a.activity_type_id)
         WHERE a.id = OLD.activity_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER activities_area_link_search
AFTER INSERT OR UPDATE OR DELETE ON activities_activity_thematic_areas
FOR EACH ROW EXECUTE FUNCTION activities_area_link_search();

DROP TRIGGER IF EXISTS activities_partner_search ON partners_partner;
CREATE TRIGGER activities_partner_search
AFTER UPDATE OF name, acronym, name_en, name_fr, name_es, acronym_en, acronym_fr, acronym_es
ON partners_partner
FOR EACH ROW EXECUTE FUNCTION activities_partner_search();

CREATE OR REPLACE FUNCTION activities_type_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city, a.activity_type_id)
     WHERE a.activity_type_id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER activities_type_search
AFTER UPDATE OF name_en, name_fr, name_es ON activities_activitytype
FOR EACH ROW EXECUTE FUNCTION activities_type_search();

CREATE OR REPLACE FUNCTION activities_area_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city, a.activity_type_id)
     WHERE a.id IN (SELECT activity_id FROM activities_activity_thematic_areas
                     WHERE thematicarea_id = NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER activities_area_search
AFTER UPDATE OF name_en, name_fr, name_es ON activities_thematicarea
FOR EACH ROW EXECUTE FUNCTION activities_area_search();

UPDATE activities_activity
   SET search = activities_search_vector(id, title, summary, city, activity_type_id);
"""

# Back to 0006's vector and triggers.
BACKWARD = """
DROP TRIGGER IF EXISTS activities_area_search ON activities_thematicarea;
DROP TRIGGER IF EXISTS activities_type_search ON activities_activitytype;
DROP TRIGGER IF EXISTS activities_area_link_search ON activities_activity_thematic_areas;
DROP FUNCTION IF EXISTS activities_area_search();
DROP FUNCTION IF EXISTS activities_type_search();
DROP FUNCTION IF EXISTS activities_area_link_search();

DROP TRIGGER IF EXISTS activities_partner_search ON partners_partner;
CREATE TRIGGER activities_partner_search
AFTER UPDATE OF name, acronym ON partners_partner
FOR EACH ROW EXECUTE FUNCTION activities_partner_search();

CREATE OR REPLACE FUNCTION activities_search_vector(
    activity bigint, title text, summary text, city text
) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(city, '')), 'B')
        || setweight(to_tsvector('simple', coalesce((
               SELECT string_agg(p.name || ' ' || p.acronym, ' ')
               FROM activities_activitypartner r
               JOIN partners_partner p ON p.id = r.partner_id
               WHERE r.activity_id = activity), '')), 'B')
        || setweight(to_tsvector('simple', coalesce(summary, '')), 'C')
$$;

CREATE OR REPLACE FUNCTION activities_activity_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NEW; END IF;
    NEW.search := activities_search_vector(NEW.id, NEW.title, NEW.summary, NEW.city);
    RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS activities_activity_search ON activities_activity;
CREATE TRIGGER activities_activity_search
BEFORE INSERT OR UPDATE OF title, summary, city ON activities_activity
FOR EACH ROW EXECUTE FUNCTION activities_activity_search();

DROP FUNCTION IF EXISTS activities_search_vector(bigint, text, text, text, bigint);

UPDATE activities_activity
   SET search = activities_search_vector(id, title, summary, city);
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0015_registry_names_in_three_languages"),
        ("partners", "0003_partner_names_in_three_languages"),
    ]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
