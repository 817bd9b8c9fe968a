"""A query by ids, compiled once (core/by_ids.py), reads what the ORM reads, for any ids."""

import datetime

import pytest
from django.utils import translation

from activities.models import Activity, Output
from core import by_ids
from core.registry_names import in_language
from tests.factories import ActivityFactory, OutputFactory, ThematicAreaFactory


def _areas(ids, *order):
    return (
        Activity.thematic_areas.through.objects.filter(activity_id__in=ids)
        .order_by(*order, "activity_id")
        .values_list("activity_id", "thematicarea__slug", in_language("thematicarea__name"))
    )


def areas_of(ids):
    return _areas(ids, "thematicarea__name")


def areas_by_slug_backwards(ids):
    return _areas(ids, "-thematicarea__slug")


def outputs_of(ids):
    return (
        Output.objects.filter(activity_id__in=ids)
        .order_by("issued_on", "title")
        .values_list("activity_id", "title", "issued_on")
    )


@pytest.fixture
def linked(db):
    by_ids._compiled.clear()
    water = ThematicAreaFactory(name_en="Water", name_fr="Eau", slug="water")
    rights = ThematicAreaFactory(name_en="Rights", name_fr="", slug="rights")
    activities = [ActivityFactory() for _ in range(5)]
    for number, activity in enumerate(activities):
        activity.thematic_areas.set([water, rights][: number % 3])
    return [activity.pk for activity in activities]


def test_the_same_rows_as_the_orm_for_other_ids_of_the_same_number(linked):
    for ids in (linked[:2], linked[2:4], linked[3:5], linked[1:3]):
        assert by_ids.rows_by_ids(areas_of, ids) == list(areas_of(ids))
    # One compiled query served the four reads of two ids each.
    assert [key[2] for key in by_ids._compiled] == [2]
    assert None not in by_ids._compiled.values()
    assert by_ids.rows_by_ids(areas_of, linked) == list(areas_of(linked))
    assert by_ids.rows_by_ids(areas_of, []) == []


def test_names_are_read_in_the_language_of_each_request(linked):
    with translation.override("fr"):
        french = by_ids.rows_by_ids(areas_of, linked[1:3])
    english = by_ids.rows_by_ids(areas_of, linked[1:3])
    assert {name for _pk, _slug, name in french} == {"Eau", "Rights"}
    assert {name for _pk, _slug, name in english} == {"Water", "Rights"}


def test_an_id_that_nothing_has_reads_as_no_rows_not_another_activitys(linked):
    missing = max(linked) + 1000
    assert by_ids.rows_by_ids(areas_of, [missing, linked[1]]) == list(areas_of([linked[1]]))


def test_one_query_a_read_once_compiled(linked, django_assert_num_queries):
    by_ids.rows_by_ids(areas_of, linked[:3])
    with django_assert_num_queries(1):
        by_ids.rows_by_ids(areas_of, linked[2:5])


def test_values_the_database_gives_in_another_form_are_still_converted(linked):
    """Dates come back from SQLite as text: such a query is read through the ORM each time."""
    OutputFactory(activity_id=linked[0], issued_on=datetime.date(2011, 3, 8))
    rows = by_ids.rows_by_ids(outputs_of, linked[:1])
    assert rows == list(outputs_of(linked[:1]))
    assert rows[0][2] == datetime.date(2011, 3, 8)


def test_two_queries_of_the_same_number_of_ids_each_keep_their_own_sql(linked):
    ids = linked[1:3]
    assert by_ids.rows_by_ids(areas_of, ids) == list(areas_of(ids))
    assert by_ids.rows_by_ids(areas_by_slug_backwards, ids) == list(areas_by_slug_backwards(ids))
    assert by_ids.rows_by_ids(areas_of, ids) != by_ids.rows_by_ids(areas_by_slug_backwards, ids)
