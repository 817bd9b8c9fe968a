"""The API fuzzed from its own schema: no server error, every answer as the schema documents it.

Runs in-process against the WSGI application, once as an anonymous visitor and once as a
manager with a real token, over the 2011 sample records and a few unpublished ones.
Generated values are mixed with real slugs, so that reads, writes and filters reach real
records and not only 404s. A fixed number of cases per operation keeps the run bounded.
"""

import datetime
import os
import time
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.utils import timezone
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gcu_tracker.wsgi import application
from reports.models import AnnualReport
from samples.sample_data import gcu_2011
from samples.sample_data.load import load_2011
from tests.factories import ActivityFactory

# The suite's run: 15 cases an operation, positive and negative data, no coverage or
# stateful phase (about 1,100 cases). GCU_FUZZ_CASES and GCU_FUZZ_ALL_PHASES=1 make the
# long run, outside the suite: GCU_FUZZ_CASES=120 GCU_FUZZ_ALL_PHASES=1 pytest
# tests/api/test_fuzz.py -k manager -p no:xdist (about 5,000 cases with a manager's token).
CASES_PER_OPERATION = int(os.environ.get("GCU_FUZZ_CASES", "15"))
ALL_PHASES = os.environ.get("GCU_FUZZ_ALL_PHASES") == "1"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# slug: (review state, visibility)
UNPUBLISHED = {
    "fuzz-draft": ("draft", "public"),
    "fuzz-internal": ("approved", "internal"),
    "fuzz-confidential": ("submitted", "confidential"),
}
DICTIONARIES = {
    "activities": [a["slug"] for a in gcu_2011.ACTIVITIES] + list(UNPUBLISHED),
    "areas": [row[0] for row in gcu_2011.THEMATIC_AREAS],
    "types": [row[0] for row in gcu_2011.ACTIVITY_TYPES],
    "partners": [row[0] for row in gcu_2011.PARTNERS],
    "events": [e["slug"] for e in gcu_2011.EVENTS],
    "years": [2010, gcu_2011.REPORT["year"]],
    "pages": [1],
}
DETAILS = {
    "activities": "activities",
    "thematic-areas": "areas",
    "activity-types": "types",
    "partners": "partners",
    "events": "events",
}
# Six in ten generated references name a real record; the others are made up.
REAL = {"probability": 0.6}

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 2011,
        "generation": {
            # Positive and negative data: wrong types, missing fields, values out of range.
            "mode": "all",
            "database": "none",
            "max-examples": CASES_PER_OPERATION,
            "with-security-parameters": False,
        },
        # The coverage phase alone runs to hundreds of cases per operation; fuzzing with
        # real references reaches the same code within the time limit.
        "phases": {
            "coverage": {"enabled": ALL_PHASES},
            "stateful": {"enabled": ALL_PHASES},
        },
        "dictionaries": {name: {"values": values} for name, values in DICTIONARIES.items()},
        "parameters": {
            "query.page": {"dictionary": "pages", **REAL},
            "query.thematic_area": {"dictionary": "areas", **REAL},
            "query.activity_type": {"dictionary": "types", **REAL},
            "query.partner": {"dictionary": "partners", **REAL},
            "query.event": {"dictionary": "events", **REAL},
            "body.activity_type": {"dictionary": "types", **REAL},
            "body.thematic_areas[*]": {"dictionary": "areas", **REAL},
            "body.partners[*].partner": {"dictionary": "partners", **REAL},
            "body.event": {"dictionary": "events", **REAL},
            "body.organiser": {"dictionary": "partners", **REAL},
        },
        "operations": [
            {
                "include-path": f"/api/{endpoint}/{{slug}}/",
                "parameters": {"path.slug": {"dictionary": dictionary, **REAL}},
            }
            for endpoint, dictionary in DETAILS.items()
        ]
        + [
            {
                "include-path": "/api/reports/{year}/",
                "parameters": {"path.year": {"dictionary": "years", **REAL}},
            }
        ],
    }
)

schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=CONFIG)


@pytest.fixture(scope="module")
def records(django_db_setup, django_db_blocker):
    """The records, loaded once for the module and rolled back after its last test.

    Each test still runs in its own savepoint, so what one run writes is gone for the next.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_2011()
        for slug, (state, visibility) in UNPUBLISHED.items():
            ActivityFactory(
                slug=slug, review_state=state, visibility=visibility, activity_type__slug="panel"
            )
        AnnualReport.objects.create(
            year=2010,
            title="Gender Coordination Report 2010",
            symbol="CRP/35",
            period_start=datetime.date(2009, 10, 1),
            period_end=datetime.date(2010, 9, 30),
            state="final",
            frozen_at=timezone.now(),
            frozen_html="<p>As issued</p>",
        )
        yield
        transaction.set_rollback(True)


@pytest.fixture
def wsgi_requests_keep_the_connection():
    """Requests go through the real WSGI handler, which would close the connection (and with
    it the test's transaction) at every request; Django's test client holds it open the same way.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(params=["anonymous", "manager"])
def credentials(request, records, db, wsgi_requests_keep_the_connection):
    if request.param == "anonymous":
        return {}
    token = Token.objects.create(user=request.getfixturevalue("manager"))
    return {"Authorization": f"Token {token.key}"}


@pytest.fixture(scope="module")
def tally(request):
    """Counts the cases of each run and prints them with the time taken."""
    counts, started = Counter(), time.monotonic()
    yield counts
    plugins = request.config.pluginmanager
    runs = ", ".join(f"{run} {count}" for run, count in sorted(counts.items()))
    with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
        plugins.get_plugin("terminalreporter").write_line(
            f"\nAPI fuzzing: {sum(counts.values())} cases ({runs}) "
            f"in {time.monotonic() - started:.0f} s"
        )


@schema.parametrize()
@settings(
    deadline=None,
    database=None,
    max_examples=CASES_PER_OPERATION,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_every_generated_request_is_answered_as_documented(case, credentials, tally):
    tally["manager" if "Authorization" in credentials else "anonymous"] += 1
    # The site compresses what it sends when asked; the checks read the body as sent, and
    # the WSGI transport does not undo the compression, so the cases ask for none.
    headers = {**credentials, "Accept-Encoding": "identity"}
    case.call_and_validate(headers=headers, checks=CHECKS)
