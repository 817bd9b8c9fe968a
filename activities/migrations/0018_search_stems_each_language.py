from django.db import migrations

# The search vector now holds every text of a record in its own language's stemming
# (PostgreSQL's english, french and spanish configurations): the title and summary in the
# record's original language, the translations in theirs. Each text is also kept unstemmed
# ('simple'), as before, so that partial words and words a stemmer drops as too common
# ("the", "les") still match; city and partners stay unstemmed names. A query tries every
# language (activities/filters.py), so "formations" finds "formation" and "trainings"
# finds "training".
#
# The functions take the activity's row, so that a column added later needs no new
# signature; the registries' names (migration 0016) are one function of their own,
# `activities_registry_names`.
FORWARD = """
DROP TRIGGER IF EXISTS activities_activity_search ON activities_activity;

CREATE OR REPLACE FUNCTION activities_language_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE language WHEN 'fr' THEN 'french'::regconfig
                         WHEN 'es' THEN 'spanish'::regconfig
                         ELSE 'english'::regconfig END
$$;

-- The registries' names a record is found by, in the three languages (migration 0016):
-- its partners' names and acronyms, its type's name, its thematic areas' names.
CREATE OR REPLACE FUNCTION activities_registry_names(activity bigint, kind bigint)
RETURNS text LANGUAGE sql STABLE AS $$
    SELECT concat_ws(' ',
        (SELECT string_agg(concat_ws(' ', p.name_en, p.name_fr, p.name_es,
                                     p.acronym_en, p.acronym_fr, p.acronym_es), ' ')
           FROM activities_activitypartner r
           JOIN partners_partner p ON p.id = r.partner_id
          WHERE r.activity_id = activity),
        (SELECT concat_ws(' ', t.name_en, t.name_fr, t.name_es)
           FROM activities_activitytype t WHERE t.id = kind),
        (SELECT string_agg(concat_ws(' ', ta.name_en, ta.name_fr, ta.name_es), ' ')
           FROM activities_activity_thematic_areas l
           JOIN activities_thematicarea ta ON ta.id = l.thematicarea_id
          WHERE l.activity_id = activity))
$$;

CREATE OR REPLACE FUNCTION activities_text_vector(a activities_activity, names text)
RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(
               to_tsvector('simple', concat_ws(' ', a.title, a.title_en, a.title_fr, a.title_es))
               || to_tsvector(activities_language_config(a.original_language),
                              coalesce(a.title, ''))
               || to_tsvector('english', coalesce(a.title_en, ''))
               || to_tsvector('french', coalesce(a.title_fr, ''))
               || to_tsvector('spanish', coalesce(a.title_es, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(a.city, '')), 'B')
        || setweight(to_tsvector('simple', coalesce(names, '')), 'B')
        || setweight(
               to_tsvector('simple',
                           concat_ws(' ', a.summary, a.summary_en, a.summary_fr, a.summary_es))
               || to_tsvector(activities_language_config(a.original_language),
                              coalesce(a.summary, ''))
               || to_tsvector('english', coalesce(a.summary_en, ''))
               || to_tsvector('french', coalesce(a.summary_fr, ''))
               || to_tsvector('spanish', coalesce(a.summary_es, '')), 'C')
$$;

CREATE OR REPLACE FUNCTION activities_search_vector(a activities_activity) RETURNS tsvector
LANGUAGE sql STABLE AS $$
    SELECT activities_text_vector(a, activities_registry_names(a.id, a.activity_type_id))
$$;

CREATE OR REPLACE FUNCTION activities_activity_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NEW; END IF;
    NEW.search := activities_search_vector(NEW);
    RETURN NEW;
END $$;

CREATE TRIGGER activities_activity_search
BEFORE INSERT OR UPDATE OF title, summary, city, activity_type_id, original_language,
    title_en, title_fr, title_es, summary_en, summary_fr, summary_es
ON activities_activity
FOR EACH ROW EXECUTE FUNCTION activities_activity_search();

-- Partner roles and area links: the records they link, as before, by the row's vector.
CREATE OR REPLACE FUNCTION activities_role_search() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE changed bigint;
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN changed := OLD.activity_id; ELSE changed := NEW.activity_id; END IF;
    UPDATE activities_activity a SET search = activities_search_vector(a) WHERE a.id = changed;
    IF TG_OP = 'UPDATE' AND OLD.activity_id <> NEW.activity_id THEN
        UPDATE activities_activity a SET search = activities_search_vector(a)
         WHERE a.id = OLD.activity_id;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION activities_area_link_search() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE changed bigint;
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN changed := OLD.activity_id; ELSE changed := NEW.activity_id; END IF;
    UPDATE activities_activity a SET search = activities_search_vector(a) WHERE a.id = changed;
    IF TG_OP = 'UPDATE' AND OLD.activity_id <> NEW.activity_id THEN
        UPDATE activities_activity a SET search = activities_search_vector(a)
         WHERE a.id = OLD.activity_id;
    END IF;
    RETURN NULL;
END $$;

-- A renamed partner, type or area: the records that name it.
CREATE OR REPLACE FUNCTION activities_partner_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a)
     WHERE a.id IN (SELECT activity_id FROM activities_activitypartner WHERE partner_id = NEW.id);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION activities_type_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a SET search = activities_search_vector(a)
     WHERE a.activity_type_id = NEW.id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION activities_area_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a)
     WHERE a.id IN (SELECT activity_id FROM activities_activity_thematic_areas
                     WHERE thematicarea_id = NEW.id);
    RETURN NULL;
END $$;

DROP FUNCTION IF EXISTS activities_search_vector(bigint, text, text, text);
DROP FUNCTION IF EXISTS activities_search_vector(bigint, text, text, text, bigint);

UPDATE activities_activity a SET search = activities_search_vector(a);
"""

# Back to migration 0016's vector: unstemmed, originals only, registry names in every
# language.
BACKWARD = """
DROP TRIGGER IF EXISTS activities_activity_search ON activities_activity;

CREATE OR REPLACE FUNCTION activities_search_vector(
    activity bigint, title text, summary text, city text, kind bigint
) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('simple', coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple', coalesce(city, '')), 'B')
        || setweight(to_tsvector('simple', activities_registry_names(activity, kind)), 'B')
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

CREATE TRIGGER activities_activity_search
BEFORE INSERT OR UPDATE OF title, summary, city, activity_type_id ON activities_activity
FOR EACH ROW EXECUTE FUNCTION activities_activity_search();

CREATE OR REPLACE FUNCTION activities_role_search() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE changed bigint;
BEGIN
    IF current_setting('gcu.bulk_search', true) = 'on' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN changed := OLD.activity_id; ELSE changed := NEW.activity_id; END IF;
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city)
     WHERE a.id = changed;
    IF TG_OP = 'UPDATE' AND OLD.activity_id <> NEW.activity_id THEN
        UPDATE activities_activity a
           SET search = activities_search_vector(a.id, a.title, a.summary, a.city)
         WHERE a.id = OLD.activity_id;
    END IF;
    RETURN NULL;
END $$;

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

CREATE OR REPLACE FUNCTION activities_partner_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city)
     WHERE a.id IN (SELECT activity_id FROM activities_activitypartner WHERE partner_id = NEW.id);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION activities_type_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city, a.activity_type_id)
     WHERE a.activity_type_id = NEW.id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION activities_area_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE activities_activity a
       SET search = activities_search_vector(a.id, a.title, a.summary, a.city, a.activity_type_id)
     WHERE a.id IN (SELECT activity_id FROM activities_activity_thematic_areas
                     WHERE thematicarea_id = NEW.id);
    RETURN NULL;
END $$;

DROP FUNCTION IF EXISTS activities_search_vector(activities_activity);
DROP FUNCTION IF EXISTS activities_text_vector(activities_activity, text);

UPDATE activities_activity
   SET search = activities_search_vector(id, title, summary, city, activity_type_id);
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0017_record_texts_in_three_languages"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD)),
    ]
