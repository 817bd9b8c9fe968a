"""QuickSelect writes the same select as Django's widget, only faster."""

import pytest
from django import forms
from django.test.html import parse_html

from core.widgets import QuickSelect

CHOICES = [
    ("", "Any country"),
    ("FR", "France"),
    ("CI", "Côte d’Ivoire"),
    ("X<&>", 'Tricky "label" <b>'),
    ("Broader", [("psea", "— PSEA"), ("gbv", "— GBV")]),
]


@pytest.mark.parametrize("value", [None, "", "FR", "gbv", "X<&>", "unknown", ["FR", "CI"]])
@pytest.mark.parametrize("attrs", [None, {"id": "id_country", "aria-describedby": "help"}])
def test_the_html_is_the_same_as_djangos(value, attrs):
    ours = QuickSelect(choices=CHOICES).render("country", value, attrs)
    theirs = forms.Select(choices=CHOICES).render("country", value, attrs)
    assert parse_html(ours) == parse_html(theirs)


def test_the_list_filters_use_it(client, db):
    response = client.get("/activities/")
    form = response.context["filter"].form
    assert type(form.fields["country"].widget) is QuickSelect
    assert '<option value="" selected>Any country</option>' in response.content.decode()
