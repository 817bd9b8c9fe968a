"""The API list, written from plain rows, is the serialiser's JSON, record by record and byte for byte.

Each answer is taken twice over the 2011 sample records: as served (api/rows.py) and through
ActivitySerializer over model instances with their relations (bench/reference.py), for every
role and a range of filters, sorts and page sizes.
"""

import json

import pytest
from rest_framework.test import APIRequestFactory

from activities import roles, selectors
from activities.models import Activity, ThematicArea
from api import rows
from api.serializers import ActivitySerializer
from bench.reference import plain_paths
from tests.api.conftest import token_client
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    OutputFactory,
    PartnerFactory,
    make_user,
)

ROLES = [None, roles.VIEWERS, roles.DATA_ENTRY, roles.MANAGERS]

QUERIES = [
    "",
    "page=2",
    "page_size=100",
    "page_size=7&page=3",
    "q=migrant",
    "q=women&sort=relevance",
    "year=2011&sort=title",
    "sort=-title",
    "sort=date",
    "thematic_area=psea",
    "country=CH",
    "status=completed",
    "date_after=2011-03-01&date_before=2011-06-30",
    "review_state=submitted",
    "visibility=internal",
    "q=nothingmatchesthisword",
]


@pytest.fixture
def varied(sample_records, db):
    """Records with what the sample lacks: odd text, outputs without a date, no country."""
    area = ThematicArea.objects.create(name='Rights & "quotes" <b>', slug="rights-quotes")
    for state, visibility in [("approved", "public"), ("submitted", "internal")]:
        activity = ActivityFactory(
            title=f'Tom & Jerry\'s "{state}" \u2028 ünïcode',
            city="",
            country="",
            review_state=state,
            visibility=visibility,
            participants_total=30,
            participants_women=20,
        )
        activity.thematic_areas.add(area)
        OutputFactory(activity=activity, title="Undated", issued_on=None, url="")
        OutputFactory(activity=activity, title="A dated one")
        ActivityPartnerFactory(activity=activity, partner=PartnerFactory(acronym=""))
        ActivityPartnerFactory(activity=activity, role="host")


def both(client, url):
    served = client.get(url)
    with plain_paths():
        plain = client.get(url)
    assert served.status_code == plain.status_code == 200, url
    return served.content, plain.content


@pytest.mark.parametrize("role", ROLES)
def test_every_answer_is_the_serialisers_json_for_every_role_and_filter(client, varied, role):
    api = client if role is None else token_client(make_user(role, username="reader"))
    for query in QUERIES:
        served, plain = both(api, f"/api/activities/?{query}")
        assert served == plain, query


def test_every_sample_record_is_written_as_the_serialiser_writes_it(varied):
    request = APIRequestFactory().get("/api/activities/")
    activities = Activity.objects.all()
    expected = ActivitySerializer(
        selectors.with_relations(activities), many=True, context={"request": request}
    ).data
    written = rows.records(list(rows.page_rows(activities)), request)
    assert len(written) == activities.count() > 40
    for ours, theirs in zip(written, expected, strict=True):
        assert json.dumps(ours) == json.dumps(theirs), theirs["slug"]


def test_a_bad_filter_or_page_answers_as_before(client, varied):
    for query in ["year=abc", "page=999", "page=0", "date_after=2011-13-45", "partner=nobody"]:
        served = client.get(f"/api/activities/?{query}")
        with plain_paths():
            plain = client.get(f"/api/activities/?{query}")
        assert (served.status_code, served.json()) == (plain.status_code, plain.json()), query
        assert served.status_code in (400, 404)


def test_the_list_keeps_the_fields_the_schema_names(client, varied):
    schema = client.get("/api/schema/?format=json").json()
    properties = schema["components"]["schemas"]["Activity"]["properties"]
    for record in client.get("/api/activities/", {"page_size": 100}).json()["results"]:
        assert list(record) == list(properties)
