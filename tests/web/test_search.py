"""Free-text search: words found where a user would look for them, ranked, never leaking.

On PostgreSQL through the full-text index the database keeps (migration 0006); on SQLite
with LIKE. The behaviour a user relies on is the same on both, except ranking and
prefixes, which only the index gives.
"""

import pytest
from django.db import connection
from django.urls import reverse

from activities import roles
from activities.models import Activity, Visibility
from partners.models import Partner
from tests.factories import ActivityFactory, ActivityPartnerFactory, PartnerFactory, make_user

pytestmark = pytest.mark.django_db

LIST = reverse("activities:list")
API = "/api/activities/"
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the full-text index is PostgreSQL's"
)


def found(client, q, **params):
    response = client.get(LIST, {"q": q, **params})
    assert response.status_code == 200
    return [a.title for a in response.context["activities"]]


def test_search_looks_in_title_summary_city_and_partners(client):
    ActivityFactory(title="Workshop on remittances")
    ActivityFactory(title="Panel", summary="A discussion of displacement and gender.")
    ActivityFactory(title="Visit", city="Chisinau")
    by_partner = ActivityFactory(title="Meeting")
    ActivityPartnerFactory(
        activity=by_partner,
        partner=PartnerFactory(name="International Labour Organization", acronym="ILO"),
    )
    ActivityFactory(title="Unrelated")
    assert found(client, "remittances") == ["Workshop on remittances"]
    assert found(client, "displacement") == ["Panel"]
    assert found(client, "chisinau") == ["Visit"]
    assert found(client, "ILO") == ["Meeting"]
    assert found(client, "labour organization") == ["Meeting"]


def test_every_word_must_match(client):
    ActivityFactory(title="Training on labour migration")
    ActivityFactory(title="Training on trafficking")
    assert found(client, "training migration") == ["Training on labour migration"]


def test_search_never_finds_what_the_user_may_not_see(client):
    ActivityFactory(title="Confidential displacement case", visibility=Visibility.CONFIDENTIAL)
    ActivityFactory(title="Displacement seminar")
    assert found(client, "displacement") == ["Displacement seminar"]
    assert [row["title"] for row in client.get(API, {"q": "displacement"}).json()["results"]] == [
        "Displacement seminar"
    ]


@pytest.mark.parametrize("q", ["&", "!:*", "' OR 1=1 --", "a & | b", "((", "\\", "…", "日本"])
def test_punctuation_is_not_a_query_language(client, q):
    ActivityFactory(title="Anything")
    assert client.get(LIST, {"q": q}).status_code == 200
    assert client.get(API, {"q": q}).status_code == 200


@on_postgresql
def test_partial_words_find_whole_ones(client):
    ActivityFactory(title="Workshop on displacement")
    assert found(client, "displac") == ["Workshop on displacement"]
    assert found(client, "work displ") == ["Workshop on displacement"]


def test_relevance_puts_title_matches_first(client):
    ActivityFactory(title="Panel", summary="Mentions migration once.", start_date="2012-01-01")
    ActivityFactory(title="Migration and development forum", start_date="2010-01-01")
    assert found(client, "migration", sort="relevance") == [
        "Migration and development forum",
        "Panel",
    ]
    # The default order stays newest first.
    assert found(client, "migration") == ["Panel", "Migration and development forum"]
    # Relevance goes one way, best first: the sort menu offers it once.
    choices = [
        value for value, _label in client.get(LIST).context["filter"].form.fields["sort"].choices
    ]
    assert "relevance" in choices and "-relevance" not in choices


def test_a_title_sort_followed_by_relevance_sorts_by_title(client):
    ActivityFactory(title="Forum", summary="Mentions migration once.", start_date="2012-01-01")
    ActivityFactory(title="Forum", summary="On migration.", start_date="2010-01-01")
    ActivityFactory(title="Migration panel", start_date="2011-01-01")
    assert found(client, "migration", sort="title,relevance") == [
        "Forum",
        "Forum",
        "Migration panel",
    ]
    # Without a search there is no relevance to sort by: the title order alone.
    response = client.get(LIST, {"sort": "-title,relevance"})
    assert response.status_code == 200
    assert [a.title for a in response.context["page_obj"]][0] == "Migration panel"


@on_postgresql
def test_the_index_follows_every_write(client):
    """Edits, new partner roles and a partner's new name reach the search at once."""
    activity = ActivityFactory(title="Seminar")
    partner = PartnerFactory(name="Oxfam Novib", acronym="")
    assert found(client, "novib") == []
    role = ActivityPartnerFactory(activity=activity, partner=partner)
    assert found(client, "novib") == ["Seminar"]
    Partner.objects.filter(pk=partner.pk).update(name="Oxfam Netherlands")
    assert found(client, "novib") == []
    assert found(client, "netherlands") == ["Seminar"]
    role.delete()
    assert found(client, "netherlands") == []
    activity.title = "Colloquium"
    activity.save()
    assert found(client, "colloquium") == ["Colloquium"]
    Activity.objects.filter(pk=activity.pk).update(summary="On remittances.")
    assert found(client, "remittances") == ["Colloquium"]


@on_postgresql
def test_search_uses_the_index(client):
    from django.test.utils import CaptureQueriesContext

    ActivityFactory(title="Displacement")
    with CaptureQueriesContext(connection) as queries:
        client.get(LIST, {"q": "displacement"})
    searched = [q["sql"] for q in queries.captured_queries if "to_tsquery" in q["sql"]]
    assert searched, "the list searched without the full-text index"
    assert not any("LIKE" in sql.upper() for sql in searched)


@on_postgresql
def test_a_bulk_load_is_searchable_and_leaves_the_index_live(client):
    from samples import demo

    demo.generate(30, seed=3)
    activity = Activity.objects.filter(slug__startswith=demo.prefix_for(3)).order_by("pk").first()
    manager = make_user(roles.MANAGERS, username="searcher")
    client.force_login(manager)
    word = activity.title.split()[0]
    assert activity.title in found(client, f"{word} {activity.city}")
    # The load's pause of the triggers ended with its transaction.
    ActivityPartnerFactory(activity=activity, partner=PartnerFactory(name="Zyxwvut Foundation"))
    assert found(client, "zyxwvut") == [activity.title]


@on_postgresql
def test_each_language_is_searched_with_its_own_stemming(client):
    """French plurals find a French title, English plurals an English one, Spanish a Spanish."""
    ActivityFactory(
        title="Training on migration",
        original_language="en",
        title_fr="Formation sur la migration",
        summary_es="Capacitación de las mujeres migrantes.",
    )
    ActivityFactory(title="Atelier régional", original_language="fr", summary="Des ateliers.")
    ActivityFactory(title="Unrelated")
    assert found(client, "formations") == ["Training on migration"]
    assert found(client, "trainings") == ["Training on migration"]
    assert found(client, "capacitaciones") == ["Training on migration"]
    assert found(client, "ateliers régionaux") == ["Atelier régional"]
    # In any interface language: a query tries every language's stemming.
    assert found(client, "formations", HTTP_ACCEPT_LANGUAGE="es") == ["Training on migration"]
    # Words a stemmer drops as too common still count, as typed.
    assert found(client, "sur la migration") == ["Training on migration"]


def test_translated_texts_are_searched(client):
    ActivityFactory(
        title="Workshop", title_fr="Atelier sur la traite", summary_es="Sobre la trata."
    )
    ActivityFactory(title="Unrelated")
    assert found(client, "traite") == ["Workshop"]
    assert found(client, "trata") == ["Workshop"]


@on_postgresql
def test_a_translation_added_later_reaches_the_index(client):
    activity = ActivityFactory(title="Seminar")
    assert found(client, "séminaire") == []
    Activity.objects.filter(pk=activity.pk).update(title_fr="Séminaire", original_language="en")
    assert found(client, "séminaires") == ["Seminar"]
