"""The 2011 sample records export as valid IATI 2.03 (sample data loaded once for the module)."""

import pytest

from activities.models import Activity
from tests.iati.test_iati_export import URL, document

pytestmark = pytest.mark.django_db


def test_the_2011_sample_export_is_valid_iati_2_03(client, sample_records, schema):
    doc = document(client.get(URL, {"year": "2011"}))
    assert schema.validate(doc), schema.error_log.last_error
    published = Activity.objects.published().filter(start_date__year=2011)
    assert len(doc.findall("iati-activity")) == published.count() > 40
    assert doc.get("version") == "2.03"
    # Every sample area is mapped: each activity with an area has a DAC sector and the marker.
    with_areas = [a for a in doc.findall("iati-activity") if a.find("sector") is not None]
    assert with_areas
    for activity in with_areas:
        assert activity.find("policy-marker").get("significance") == "2"
        shares = [float(s.get("percentage")) for s in activity.findall("sector")]
        assert sum(shares) == pytest.approx(100)
