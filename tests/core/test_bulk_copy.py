"""Rows written by COPY on PostgreSQL (bulk_create elsewhere) read back as they were."""

import datetime

import pytest
from django.conf import settings
from django.db import connection

from activities.bulk import create_many
from activities.models import Activity, ActivityPartner
from core.bulk_copy import insert
from tests.factories import (
    ActivityTypeFactory,
    PartnerFactory,
    ThematicAreaFactory,
    make_user,
)

pytestmark = pytest.mark.django_db

AWKWARD = [
    'Quotes "inside", a comma, and a semicolon;',
    "A backslash \\ and \\N, as COPY's text format would read it",
    "Lines\nand\ttabs\r\nand carriage returns",
    "",
    "Accents: Genève, São Paulo, Türkiye — and an emoji 🙂",
]


def test_awkward_text_dates_and_empty_values_come_back_unchanged():
    user = make_user(None, username="writer")
    kind = ActivityTypeFactory()
    made = insert(
        Activity,
        [
            Activity(
                title=f"Record {n}",
                slug=f"record-{n}",
                summary=text,
                city="",
                activity_type=kind,
                start_date=datetime.date(2011, 5, 17),
                end_date=None,
                participants_total=0,
                participants_women=0,
                participants_men=None,
                created_by=user,
                updated_by=user,
                version=1,
            )
            for n, text in enumerate(AWKWARD)
        ],
    )
    assert all(activity.pk for activity in made)
    for activity, text in zip(made, AWKWARD, strict=True):
        stored = Activity.objects.get(pk=activity.pk)
        assert stored.summary == text
        assert (stored.city, stored.end_date, stored.participants_men) == ("", None, None)
        assert (stored.participants_total, stored.participants_women) == (0, 0)
        assert stored.start_date == datetime.date(2011, 5, 17)
        assert stored.created_at is not None  # stamped as a save would
    rows = insert(
        ActivityPartner,
        [{"activity_id": made[0].pk, "partner_id": PartnerFactory().pk, "role": "host"}],
    )
    assert ActivityPartner.objects.get(pk=rows[0]["id"]).role == "host"


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="search vectors are PostgreSQL's",
)
def test_an_imported_records_search_words_are_those_a_saved_one_gets():
    user = make_user(None, username="importer")
    kind = ActivityTypeFactory(name_en="Workshop", name_fr="Atelier", name_es="Taller")
    area = ThematicAreaFactory(name_en="Labour migration", name_fr="Migration de travail")
    partner = PartnerFactory(name_en="International Labour Organization", acronym_en="ILO")
    activity = Activity(
        title="Session in Geneva",
        summary="Leaders met.",
        city="Geneva",
        activity_type=kind,
        start_date=datetime.date(2011, 5, 17),
    )
    (made,) = create_many([(activity, [area], [(partner, "host")], "test")], user=user)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT strip(search)::text, strip(activities_search_vector(a))::text"
            " FROM activities_activity a WHERE id = %s",
            [made.pk],
        )
        stored, computed = cursor.fetchone()
    assert stored == computed
    assert "atelier" in stored and "ilo" in stored and "migration" in stored
