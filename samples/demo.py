"""Deterministic synthetic records for benchmarks: same seed, same rows.

Rows are written with bulk inserts and without history entries: this is volume for
measuring lists, exports and reports, not a record of anyone's work.
"""

import contextlib
import io
import random
import time
from datetime import UTC, date, datetime, timedelta

from django.db import connection, transaction

from activities import languages
from activities.bulk import REGISTRY_WORDS, registry_names
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityStatus,
    ActivityType,
    DatePrecision,
    Event,
    EventKind,
    Output,
    OutputKind,
    PartnerRole,
    Prominence,
    ReportSection,
    ReviewState,
    ThematicArea,
    Visibility,
)
from core.caching import bump_data_version
from partners.models import Partner, PartnerKind
from samples import demo_network
from samples.sample_data.load import load_2011

PLACES = [
    ("Geneva", "CH"),
    ("New York", "US"),
    ("Vienna", "AT"),
    ("Dakar", "SN"),
    ("Nairobi", "KE"),
    ("Bangkok", "TH"),
    ("Istanbul", "TR"),
    ("Berlin", "DE"),
    ("London", "GB"),
    ("Haifa", "IL"),
    ("Kingston", "JM"),
    ("The Hague", "NL"),
    ("Rome", "IT"),
    ("Cairo", "EG"),
    ("Manila", "PH"),
    ("Dhaka", "BD"),
    ("Mexico City", "MX"),
    ("Addis Ababa", "ET"),
    ("Brussels", "BE"),
    ("Kathmandu", "NP"),
    ("Bogotá", "CO"),
    ("Accra", "GH"),
    ("Amman", "JO"),
    ("", ""),
]
TOPICS = [
    "women migrant domestic workers",
    "remittances and gender",
    "deskilling of migrant women",
    "trafficking in women and girls",
    "female genital mutilation",
    "diaspora women leaders",
    "gender-based violence in displacement",
    "labour migration of women",
    "gender parity",
    "protection from sexual exploitation and abuse",
    "health of migrant women",
    "migrant women's access to justice",
    "gender focal points",
    "gender-responsive budgeting",
]
PARTNER_WORDS = [
    "Regional",
    "National",
    "International",
    "Women's",
    "Migrants'",
    "Development",
    "Labour",
    "Rights",
    "Diaspora",
    "Research",
    "Health",
    "Justice",
    "Youth",
    "Community",
    "Policy",
]
PARTNER_NOUNS = [
    "Council",
    "Network",
    "Institute",
    "Alliance",
    "Foundation",
    "Commission",
    "Forum",
    "Association",
    "Centre",
    "Coalition",
    "Office",
    "Agency",
]
# The same words in French and Spanish, in the same order: complements that agree with any
# noun ("Alliance des femmes", "Red de mujeres").
TOPICS_FR_ES = [
    ("les travailleuses domestiques migrantes", "las trabajadoras domésticas migrantes"),
    ("les rapatriements de fonds et le genre", "las remesas y el género"),
    ("la déqualification des femmes migrantes", "la descualificación de las mujeres migrantes"),
    ("la traite des femmes et des filles", "la trata de mujeres y niñas"),
    ("les mutilations génitales féminines", "la mutilación genital femenina"),
    ("les femmes dirigeantes de la diaspora", "las mujeres líderes de la diáspora"),
    (
        "la violence fondée sur le genre dans les déplacements",
        "la violencia de género en los desplazamientos",
    ),
    ("la migration de main-d'œuvre des femmes", "la migración laboral de las mujeres"),
    ("la parité des sexes", "la paridad de género"),
    (
        "la protection contre l'exploitation et les atteintes sexuelles",
        "la protección contra la explotación y el abuso sexuales",
    ),
    ("la santé des femmes migrantes", "la salud de las mujeres migrantes"),
    (
        "l'accès des femmes migrantes à la justice",
        "el acceso de las mujeres migrantes a la justicia",
    ),
    ("les points focaux pour l'égalité des sexes", "los puntos focales de género"),
    ("la budgétisation tenant compte du genre", "la presupuestación con perspectiva de género"),
]
PARTNER_WORDS_FR_ES = [
    ("de coopération régionale", "de cooperación regional"),
    ("de coordination nationale", "de coordinación nacional"),
    ("de coopération internationale", "de cooperación internacional"),
    ("des femmes", "de mujeres"),
    ("des migrants", "de migrantes"),
    ("pour le développement", "para el desarrollo"),
    ("du travail", "del trabajo"),
    ("des droits", "de derechos"),
    ("de la diaspora", "de la diáspora"),
    ("de recherche", "de investigación"),
    ("de la santé", "de salud"),
    ("de la justice", "de justicia"),
    ("de la jeunesse", "de la juventud"),
    ("de la communauté", "de la comunidad"),
    ("des politiques", "de políticas"),
]
PARTNER_NOUNS_FR_ES = [
    ("Conseil", "Consejo"),
    ("Réseau", "Red"),
    ("Institut", "Instituto"),
    ("Alliance", "Alianza"),
    ("Fondation", "Fundación"),
    ("Commission", "Comisión"),
    ("Forum", "Foro"),
    ("Association", "Asociación"),
    ("Centre", "Centro"),
    ("Coalition", "Coalición"),
    ("Bureau", "Oficina"),
    ("Agence", "Agencia"),
]
WEIGHTED_STATES = (
    [ReviewState.APPROVED] * 14
    + [ReviewState.SUBMITTED] * 2
    + [ReviewState.RETURNED]
    + [ReviewState.DRAFT] * 3
)
WEIGHTED_VISIBILITY = (
    [Visibility.PUBLIC] * 14 + [Visibility.INTERNAL] * 4 + [Visibility.CONFIDENTIAL] * 2
)
WEIGHTED_PRECISION = [DatePrecision.DAY] * 16 + [DatePrecision.MONTH] * 3 + [DatePrecision.YEAR]
FIRST_DAY = date(2016, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days
BATCH = 5000
# A fixed timestamp keeps the rows identical from one run to the next.
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def prefix_for(seed):
    return f"demo-{seed}-"


def _partners(rng, prefix, count):
    """Partners named in English, French and Spanish (a word and a noun, in each language)."""
    kinds = list(PartnerKind.values)
    rows = []
    for i in range(count):
        # rng.randrange(n) draws as rng.choice does: the same names from the same seed.
        word, noun = rng.randrange(len(PARTNER_WORDS)), rng.randrange(len(PARTNER_NOUNS))
        (noun_fr, noun_es), (word_fr, word_es) = (
            PARTNER_NOUNS_FR_ES[noun],
            PARTNER_WORDS_FR_ES[word],
        )
        rows.append(
            Partner(
                name=f"{PARTNER_WORDS[word]} {PARTNER_NOUNS[noun]} {prefix}{i}",
                name_fr=f"{noun_fr} {word_fr} {prefix}{i}",
                name_es=f"{noun_es} {word_es} {prefix}{i}",
                acronym=f"D{i}",
                acronym_fr=f"D{i}",
                acronym_es=f"D{i}",
                slug=f"{prefix}partner-{i}",
                kind=kinds[i % len(kinds)],
            )
        )
    return Partner.objects.bulk_create(rows, batch_size=BATCH)


def _events(rng, prefix, count, partners):
    kinds = list(EventKind.values)
    rows = []
    for i in range(count):
        start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        city, country = rng.choice(PLACES)
        topic = rng.randrange(len(TOPICS))
        topic_fr, topic_es = TOPICS_FR_ES[topic]
        rows.append(
            Event(
                name=f"Demo {TOPICS[topic]} meeting {prefix}{i}",
                name_fr=f"Réunion de démonstration sur {topic_fr} {prefix}{i}",
                name_es=f"Reunión de demostración sobre {topic_es} {prefix}{i}",
                slug=f"{prefix}event-{i}",
                kind=kinds[i % len(kinds)],
                start_date=start,
                end_date=start + timedelta(days=rng.randrange(4)),
                city=city,
                country=country,
                organiser=rng.choice(partners),
            )
        )
    return Event.objects.bulk_create(rows, batch_size=BATCH)


def _activity(rng, i, prefix, types, areas, sections, events):
    precision = rng.choice(WEIGHTED_PRECISION)
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    end = None
    if precision == DatePrecision.MONTH:
        start = start.replace(day=1)
    elif precision == DatePrecision.YEAR:
        start = start.replace(month=1, day=1)
    elif rng.random() < 0.4:
        end = start + timedelta(days=rng.randrange(1, 10))
    city, country = rng.choice(PLACES)
    activity_type = types[i % len(types)]
    topic = rng.choice(TOPICS)
    total = women = men = None
    if rng.random() < 0.6:
        total = rng.randrange(5, 200)
        women = rng.randrange(0, total + 1)
        men = rng.randrange(0, total - women + 1)
    return {
        "title": f"{activity_type.name} on {topic}{f' in {city}' if city else ''} #{i}",
        "slug": f"{prefix}{i:06d}",
        "summary": (
            f"Synthetic record {i}: a {activity_type.name.lower()} on {topic}, generated to "
            "measure lists, exports and reports at volume."
        ),
        "original_language": "en",
        **dict.fromkeys(languages.translated_fields(), ""),
        "activity_type_id": activity_type.pk,
        "start_date": start,
        "end_date": end,
        "date_precision": precision,
        "city": city,
        "country": country,
        "event_id": rng.choice(events).pk if rng.random() < 0.3 else None,
        "initiative_id": None,
        "participants_total": total,
        "participants_women": women,
        "participants_men": men,
        "report_section_id": rng.choice(sections).pk,
        "prominence": rng.choice(Prominence.values),
        "report_order": rng.randrange(100),
        "status": rng.choice(ActivityStatus.values),
        "review_state": WEIGHTED_STATES[i % len(WEIGHTED_STATES)],
        "visibility": WEIGHTED_VISIBILITY[(i * 7) % len(WEIGHTED_VISIBILITY)],
        "created_by_id": None,
        "updated_by_id": None,
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }


def reserve_ids(model, count):
    """Ids for rows written with explicit keys, taken from the table's own sequence."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))


def _copy_value(value):
    if value is None:
        return "\\N"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def insert_rows(model, rows):
    """Write plain column dicts: COPY on PostgreSQL, bulk_create elsewhere."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**row) for row in rows], batch_size=500)
        return
    columns = list(rows[0])
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_value(row[c]) for c in columns))
        buffer.write("\n")
    buffer.seek(0)
    column_sql = ", ".join(f'"{c}"' for c in columns)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f'COPY "{model._meta.db_table}" ({column_sql}) FROM STDIN', buffer
        )


def remove(seed):
    """Delete one seed's demo rows with plain SQL deletes (no per-row history).

    Statistics first: deletes planned on those of a table a hundred times smaller (a load
    that skipped ANALYZE) can take minutes instead of seconds.
    """
    prefix = prefix_for(seed)
    analyze()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # The records go: no search vector to bring up to date role by role.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL gcu.bulk_search = 'on'")
        activities = Activity.objects.filter(slug__startswith=prefix)
        Activity.thematic_areas.through.objects.filter(activity__in=activities)._raw_delete(
            connection.alias
        )
        ActivityPartner.objects.filter(activity__in=activities)._raw_delete(connection.alias)
        Output.objects.filter(activity__in=activities)._raw_delete(connection.alias)
        activities._raw_delete(connection.alias)
        Event.objects.filter(slug__startswith=prefix)._raw_delete(connection.alias)
        Partner.objects.filter(slug__startswith=prefix)._raw_delete(connection.alias)
        demo_network.remove(prefix)
    bump_data_version()


def generate(count, seed=0, partners=500, events=300, progress=None, analyze_after=True):
    """Create `count` activities for `seed`; returns the number created."""
    rng = random.Random(seed)
    prefix = prefix_for(seed)
    say = progress or (lambda message: None)
    started = time.monotonic()
    load_2011()  # the taxonomy: types, areas, sections
    types = list(ActivityType.objects.order_by("slug"))
    areas = list(ThematicArea.objects.order_by("slug"))
    sections = list(ReportSection.objects.order_by("order"))
    area_link = Activity.thematic_areas.through

    with transaction.atomic(), search_kept_in_bulk(prefix):
        partner_rows = _partners(rng, prefix, partners)
        event_rows = _events(rng, prefix, events, partner_rows)
        say(f"{len(partner_rows)} partners and {len(event_rows)} events created")
        roles = list(PartnerRole.values)
        output_kinds = list(OutputKind.values)
        for batch_start in range(0, count, BATCH):
            size = min(BATCH, count - batch_start)
            ids = reserve_ids(Activity, size)
            batch = []
            for offset, pk in enumerate(ids):
                row = _activity(
                    rng, batch_start + offset, prefix, types, areas, sections, event_rows
                )
                row["id"] = pk
                batch.append(row)
            insert_rows(Activity, batch)
            links, partner_roles, outputs = [], [], []
            for row in batch:
                for area in rng.sample(areas, rng.randrange(1, 3)):
                    links.append({"activity_id": row["id"], "thematicarea_id": area.pk})
                for partner in rng.sample(partner_rows, rng.randrange(0, 4)):
                    partner_roles.append(
                        {
                            "activity_id": row["id"],
                            "partner_id": partner.pk,
                            "role": rng.choice(roles),
                        }
                    )
                if rng.random() < 0.1:
                    outputs.append(
                        {
                            "activity_id": row["id"],
                            "title": f"Output of {row['slug']}",
                            "kind": rng.choice(output_kinds),
                            "issued_on": row["start_date"],
                            "date_precision": DatePrecision.DAY,
                            "url": "",
                        }
                    )
            insert_rows(area_link, links)
            insert_rows(ActivityPartner, partner_roles)
            insert_rows(Output, outputs)
            done = batch_start + size
            say(f"{done:,} / {count:,} activities ({time.monotonic() - started:.1f} s)")
        people = demo_network.generate(seed, prefix, count, insert_rows)
        say(f"{people} focal points in the network")
    bump_data_version()  # bulk inserts send no signals
    if analyze_after:
        analyze()
    return count


# One statement for every row of a load, instead of a trigger firing once per activity
# and again per partner role and area link (migration 0018 keeps the same vector row by row):
# the records' texts, each stemmed in its language, and the registries' names in all three.
BULK_SEARCH = (
    f"""
UPDATE activities_activity a
   SET search = activities_text_vector(a, {REGISTRY_WORDS})
  FROM activities_activity own"""
    + registry_names("own")
    + """ WHERE own.id = a.id AND a.slug LIKE %s
"""
)


@contextlib.contextmanager
def search_kept_in_bulk(prefix):
    """On PostgreSQL, the search triggers rest during the load; one UPDATE follows it.

    Must run inside the load's transaction: SET LOCAL ends with it, whatever happens.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL gcu.bulk_search = 'on'")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL gcu.bulk_search = 'off'")
        cursor.execute(BULK_SEARCH, [f"{prefix}%"])


def analyze():
    """Fresh planner statistics after a bulk load (PostgreSQL; autovacuum may be off).

    Outside a transaction VACUUM comes with it: it marks the new rows' pages all-visible,
    so that counts can be answered from an index alone.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
