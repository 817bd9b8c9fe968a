"""The sample 2011 network: more focal points, more men and more countries than a year
before, as paragraph 18 says, and the issued report's section IV says so in figures."""

import datetime

import pytest

from network.figures import network_then_and_now
from network.models import FocalPoint, Training

pytestmark = pytest.mark.django_db


def test_the_2011_network_grew_in_size_men_and_countries(sample_records):
    before, now = network_then_and_now(datetime.date(2011, 11, 30))
    assert now.total > before.total
    assert now.men > before.men
    assert now.countries > before.countries
    assert now.regions == 6
    # New members were trained in the activity through which the Unit led the network.
    assert Training.objects.filter(activity__slug="gender-focal-point-network-2011").exists()


def test_section_iv_of_the_issued_report_states_the_network(sample_report):
    before, now = network_then_and_now(sample_report.period_end)
    sentence = (
        f"At the end of the period the network counted {now.total} focal points ({now.men} men) "
        f"in {now.countries} countries, against {before.total} ({before.men} men) in "
        f"{before.countries} countries a year before."
    )
    html = sample_report.frozen_html
    assert sentence in html
    section_iv = html.split("Gender focal point network")[1].split("</section>")[0]
    assert sentence in section_iv
    # Counts only: no focal point's name or email in the public report.
    for name, email in FocalPoint.objects.values_list("name", "email"):
        assert name not in html and email not in html


def test_section_vii_keeps_the_documents_meaning_and_states_no_count_by_status(sample_report):
    """The nine measures are followed as commitments; the 2011 paper only says they are
    monitored, so its sample issue adds no status the document does not give."""
    html = sample_report.frozen_html
    section_vii = html.split("Sensitization of staff to gender issues")[1].split("</section>")[0]
    assert "nine special measures" in section_vii
    assert "are on track" not in section_vii
