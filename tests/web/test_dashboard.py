"""The dashboard counts approved records from figures kept per year, never out of date.

On PostgreSQL the figures are stored and the database marks them old after any write,
including writes that send no Django signal (queryset updates, bulk inserts, raw SQL);
these tests make such writes between two visits and expect the second visit to follow.
"""

import datetime

import pytest
from django.db import connection

from activities import roles
from activities.models import Activity, ActivityPartner, YearFigures
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    PartnerFactory,
    ThematicAreaFactory,
    make_user,
)

pytestmark = pytest.mark.django_db

MAY_2011 = datetime.date(2011, 5, 17)


def chart(context, key):
    found = next(c for c in context["charts"] if c.key == key)
    return {bar.label: bar.value for bar in found.bars}


@pytest.fixture
def year():
    area = ThematicAreaFactory(name="Migration", slug="migration")
    partner = PartnerFactory(name="Oxfam Novib", acronym="")
    made = []
    for n in range(3):
        activity = ActivityFactory(title=f"Meeting {n}", start_date=MAY_2011, participants_total=10)
        activity.thematic_areas.add(area)
        ActivityPartnerFactory(activity=activity, partner=partner)
        made.append(activity)
    return made


def test_the_figures_are_kept_and_follow_writes_no_signal_announces(client, year):
    first = client.get("/?year=2011").context
    assert first["count"] == 3
    assert chart(first, "partners") == {"Oxfam Novib": 3}
    if connection.vendor == "postgresql":
        assert YearFigures.objects.filter(year=2011, visibility="public").exists()

    # Made confidential by a queryset update: gone from the public counts and charts at once.
    Activity.objects.filter(pk=year[0].pk).update(visibility="confidential")
    second = client.get("/?year=2011").context
    assert second["count"] == 2
    assert chart(second, "partners") == {"Oxfam Novib": 2}

    # Partner roles added in bulk, areas unlinked by raw SQL.
    other = PartnerFactory(name="Caritas", acronym="")
    ActivityPartner.objects.bulk_create(
        [ActivityPartner(activity=a, partner=other, role="partner") for a in year[1:]]
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM activities_activity_thematic_areas WHERE activity_id = %s", [year[1].pk]
        )
    third = client.get("/?year=2011").context
    assert chart(third, "partners") == {"Caritas": 2, "Oxfam Novib": 2}
    assert chart(third, "areas") == {"Migration": 1}


def test_a_manager_sees_the_records_in_review_apart(client, year):
    ActivityFactory(title="Draft one", start_date=MAY_2011, review_state="draft")
    ActivityFactory(title="Waiting", start_date=MAY_2011, review_state="submitted")
    client.force_login(make_user(roles.MANAGERS, username="head"))
    response = client.get("/?year=2011")
    assert response.context["count"] == 3
    assert [(str(label), n) for label, n, _url in response.context["in_review"]] == [
        ("Draft", 1),
        ("Submitted for review", 1),
    ]
    assert "/activities/?year=2011&amp;review_state=submitted" in response.content.decode()


def test_the_public_is_not_told_about_records_in_review(client, year):
    ActivityFactory(title="Draft one", start_date=MAY_2011, review_state="draft")
    response = client.get("/?year=2011")
    assert "in_review" not in response.context
    assert "Not yet approved" not in response.content.decode()


def test_data_entry_counts_their_own_confidential_records_and_no_one_elses(client, year):
    clerk = make_user(roles.DATA_ENTRY, username="clerk")
    ActivityFactory(title="Own", start_date=MAY_2011, visibility="confidential", created_by=clerk)
    ActivityFactory(title="Someone else's", start_date=MAY_2011, visibility="confidential")
    client.force_login(clerk)
    assert client.get("/?year=2011").context["count"] == 4
    client.force_login(make_user(roles.VIEWERS, username="reader"))
    assert client.get("/?year=2011").context["count"] == 3


def test_each_figure_stands_beside_the_year_before(client, year):
    area = year[0].thematic_areas.get()
    earlier = ActivityFactory(title="Last year", start_date=datetime.date(2010, 3, 1))
    earlier.thematic_areas.add(area)
    response = client.get("/?year=2011")
    context = response.context
    assert (context["previous_year"], context["previous_count"]) == (2010, 1)
    bars = {bar.label: bar for bar in next(c for c in context["charts"] if c.key == "areas").bars}
    assert (bars["Migration"].value, bars["Migration"].previous, bars["Migration"].change) == (
        3,
        1,
        "+2",
    )
    page = response.content.decode()
    assert "(in 2010: 1 activity, 0 participants)." in " ".join(page.split())
    assert '<th scope="col" class="num">2010</th>' in page
