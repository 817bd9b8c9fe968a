"""Synthetic volume: deterministic, varied, and bulk-written."""

import io

import pytest
from django.core.management import CommandError, call_command

from activities.models import Activity, ActivityPartner, ReviewState, Visibility

pytestmark = pytest.mark.django_db


def snapshot(seed):
    return list(
        Activity.objects.filter(slug__startswith=f"demo-{seed}-")
        .order_by("slug")
        .values_list(
            "slug", "title", "start_date", "review_state", "visibility", "participants_total"
        )
    )


def test_the_same_seed_gives_the_same_records(capsys):
    call_command("generate_demo_data", activities=300, seed=7, partners=20, events=10)
    first = snapshot(7)
    roles = ActivityPartner.objects.filter(activity__slug__startswith="demo-7-").count()
    call_command("generate_demo_data", activities=300, seed=7, partners=20, events=10, replace=True)
    assert snapshot(7) == first
    assert ActivityPartner.objects.filter(activity__slug__startswith="demo-7-").count() == roles
    assert "300 / 300 activities" in capsys.readouterr().out


def test_demo_records_cover_every_state_visibility_area_and_type():
    call_command(
        "generate_demo_data", activities=400, seed=1, partners=20, events=10, stdout=io.StringIO()
    )
    demo = Activity.objects.filter(slug__startswith="demo-1-")
    assert set(demo.values_list("review_state", flat=True)) == set(ReviewState.values)
    assert set(demo.values_list("visibility", flat=True)) == set(Visibility.values)
    assert demo.values("activity_type").distinct().count() == 19
    assert demo.values("thematic_areas").distinct().count() == 7
    years = {d.year for d in demo.values_list("start_date", flat=True)}
    assert len(years) == 10


def test_demo_records_obey_every_constraint():
    call_command(
        "generate_demo_data", activities=200, seed=3, partners=10, events=5, stdout=io.StringIO()
    )
    for activity in Activity.objects.filter(slug__startswith="demo-3-"):
        activity.full_clean()


def test_a_second_run_without_replace_is_refused():
    call_command(
        "generate_demo_data", activities=5, seed=2, partners=3, events=2, stdout=io.StringIO()
    )
    with pytest.raises(CommandError, match="--replace"):
        call_command("generate_demo_data", activities=5, seed=2)
