"""A long export reads the link tables whole; its file is the one a short export's look-ups give.

Exports of up to CHUNK rows look each row's areas, partner roles and outputs up by id; a
longer one reads the three link tables once (activities/selectors.py, `all_links`). Both
paths are run over the 2011 sample records, for every role, and must give the same bytes.
"""

import io

import pytest
from openpyxl import load_workbook

from activities import roles, selectors
from tests.factories import ActivityFactory, ActivityPartnerFactory, OutputFactory, make_user
from web import exports

QUERIES = ["", "year=2011", "sort=title", "q=women", "thematic_area=psea"]


@pytest.fixture
def odd_links(sample_records, db):
    """Records the sample lacks: no links at all, an undated output, a partner twice."""
    ActivityFactory(title="=Alone, no links")
    linked = ActivityFactory(title="Twice", visibility="public", review_state="approved")
    OutputFactory(activity=linked, issued_on=None, title="Undated")
    role = ActivityPartnerFactory(activity=linked, role="organiser")
    ActivityPartnerFactory(activity=linked, partner=role.partner, role="host")


def body(response):
    return b"".join(response.streaming_content)


def cells(response):
    sheet = load_workbook(io.BytesIO(body(response)), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("role", [None, roles.VIEWERS, roles.DATA_ENTRY, roles.MANAGERS])
def test_reading_links_whole_gives_the_same_files(client, odd_links, role, monkeypatch):
    if role is not None:
        client.force_login(make_user(role, username="reader"))
    read_whole = []
    real = selectors.all_links
    monkeypatch.setattr(exports, "all_links", lambda: read_whole.append(1) or real())
    for url in ["/activities/export.csv", "/activities/export.xlsx"]:
        for query in QUERIES:
            looked_up = client.get(f"{url}?{query}")
            monkeypatch.setattr(exports, "CHUNK", 3)
            read = client.get(f"{url}?{query}")
            monkeypatch.setattr(exports, "CHUNK", 10000)
            assert read.status_code == looked_up.status_code == 200
            if url.endswith(".csv"):
                assert body(read) == body(looked_up), query
            else:
                assert cells(read) == cells(looked_up), query
    assert read_whole


def test_all_links_agrees_with_links_of(odd_links):
    from activities.models import Activity

    ids = list(Activity.objects.values_list("pk", flat=True))
    areas, partners, outputs = selectors.links_of(ids)
    every_area, every_partner, every_output = selectors.all_links()
    for pk in ids:
        assert sorted(areas.get(pk, ())) == sorted(every_area.get(pk, ()))
        assert sorted(partners.get(pk, ())) == sorted(every_partner.get(pk, ()))
        assert list(outputs.get(pk, ())) == list(every_output.get(pk, ()))
