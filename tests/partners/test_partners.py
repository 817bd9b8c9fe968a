"""Partners: their names, their place under a parent body, and the admin's counts."""

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory, ActivityPartnerFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_a_partner_is_found_by_its_acronym_in_the_lookup(client):
    ilo = PartnerFactory(name="International Labour Organization", acronym="ILO", slug="ilo")
    oxfam = PartnerFactory(name="Oxfam Novib", acronym="", slug="oxfam-novib")
    for partner in (ilo, oxfam):
        ActivityPartnerFactory(partner=partner)
    results = client.get(reverse("partners:lookup"), {"q": "ilo"}).json()["results"]
    assert results == [{"value": "ilo", "label": "International Labour Organization (ILO)"}]


def test_the_partner_page_names_the_body_it_belongs_to(client):
    council = PartnerFactory(name="Council of Europe", acronym="", slug="coe")
    assembly = PartnerFactory(
        name="Parliamentary Assembly of the Council of Europe", acronym="PACE", parent=council
    )
    for partner in (council, assembly):
        ActivityPartnerFactory(partner=partner)
    html = client.get(assembly.get_absolute_url()).content.decode()
    assert "Part of" in html
    assert council.get_absolute_url() in html


def test_the_admin_counts_each_partners_activities_once(manager_client):
    partner = PartnerFactory(name="UN-Women", acronym="")
    first, second = ActivityFactory(), ActivityFactory()
    ActivityPartnerFactory(activity=first, partner=partner, role="co_organiser")
    ActivityPartnerFactory(activity=first, partner=partner, role="funder")
    ActivityPartnerFactory(activity=second, partner=partner, role="participant")
    response = manager_client.get(reverse("admin:partners_partner_changelist"))
    row = next(p for p in response.context["cl"].result_list if p.pk == partner.pk)
    assert row.activity_total == 2
