"""/healthz answers 200 while the database answers and 503 when it does not."""

import json
from unittest import mock

import pytest
from django.db import OperationalError, connections

from tests.ops.production import production_env, run_django

pytestmark = pytest.mark.django_db


def test_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def test_503_when_the_database_does_not_answer(client):
    broken = OperationalError("could not connect to server: Connection refused")
    with mock.patch.object(connections["default"], "cursor", side_effect=broken):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"


def test_load_balancers_probe_by_address_over_plain_http_in_production():
    """With production settings and no database at all: the probe gets 503, not a redirect."""
    code = """
from django.test import Client
client = Client(HTTP_HOST="10.1.2.3:8000")
print(json.dumps({
    "health": client.get("/healthz").status_code,
    "page": client.get("/activities/").status_code,
}))
"""
    result = run_django(f"import json\n{code}", production_env())
    assert result.returncode == 0, result.stderr
    statuses = json.loads(result.stdout.strip().splitlines()[-1])
    # The page is refused for its unknown host; the probe answers for the missing database.
    assert statuses == {"health": 503, "page": 400}
