"""The 2011 records load completely, and loading them again changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command

from activities.models import Activity, Event, Initiative, ReportSection, ThematicArea
from partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    call_command("load_sample_data", stdout=io.StringIO())


def counts():
    return {
        "activities": Activity.objects.count(),
        "partners": Partner.objects.count(),
        "events": Event.objects.count(),
        "areas": ThematicArea.objects.count(),
        "sections": ReportSection.objects.count(),
        "initiatives": Initiative.objects.count(),
        "history": Activity.history.count() + Partner.history.count() + Event.history.count(),
        "roles": sum(a.roles.count() for a in Activity.objects.all()),
    }


def test_every_record_of_the_report_is_loaded(loaded):
    found = counts()
    assert found["activities"] == 46
    assert found["partners"] == 36
    assert found["events"] == 12
    assert found["areas"] == 7
    assert found["sections"] == 7
    assert found["initiatives"] == 9


def test_loading_twice_changes_nothing(loaded, capsys):
    before = counts()
    updated_at = set(Activity.objects.values_list("slug", "updated_at"))
    call_command("load_sample_data")
    assert "nothing changed" in capsys.readouterr().out
    assert counts() == before
    assert set(Activity.objects.values_list("slug", "updated_at")) == updated_at


TRAINING = "osce-ilo-gender-labour-migration-training-2011"


def test_a_record_changed_outside_the_application_is_left_as_it_is(loaded):
    Activity.objects.filter(slug=TRAINING).update(participants_total=99)
    call_command("load_sample_data", stdout=io.StringIO())
    assert Activity.objects.get(slug=TRAINING).participants_total == 99


def test_a_record_a_user_made_confidential_stays_confidential(loaded, manager):
    from activities import services

    activity = Activity.objects.get(slug=TRAINING)
    activity.visibility = "confidential"
    activity.title = "Renamed by the unit"
    services.save_activity(activity=activity, user=manager, based_on=activity.version)
    activity.thematic_areas.clear()

    output = io.StringIO()
    call_command("load_sample_data", stdout=output)
    call_command("load_sample_data", stdout=output)
    kept = Activity.objects.get(slug=TRAINING)
    assert (kept.visibility, kept.title) == ("confidential", "Renamed by the unit")
    assert not kept.thematic_areas.exists()
    assert "activities changed since loading, kept as they are" in output.getvalue()


def test_a_sample_record_a_user_deleted_stays_deleted(loaded, manager):
    from activities import services

    services.delete_activity(activity=Activity.objects.get(slug=TRAINING), user=manager)
    call_command("load_sample_data", stdout=io.StringIO())
    assert not Activity.objects.filter(slug=TRAINING).exists()


def test_a_partner_renamed_by_a_user_keeps_its_new_name(loaded):
    ilo = Partner.objects.get(slug="ilo")
    ilo.name = "International Labour Organization (ILO) Geneva"
    ilo.save()
    call_command("load_sample_data", stdout=io.StringIO())
    assert Partner.objects.get(slug="ilo").name.endswith("Geneva")


def test_each_loaded_activity_has_one_history_entry_with_its_relations(loaded):
    activity = Activity.objects.get(slug=TRAINING)
    (entry,) = activity.history.all()
    assert entry.history_change_reason == "Loaded from the 2011 sample records"
    assert sorted(entry.relations["areas"]) == sorted(
        activity.thematic_areas.values_list("pk", flat=True)
    )
    assert len(entry.relations["partner_roles"]) == activity.roles.count() > 0


def test_records_carry_the_facts_of_the_report(loaded):
    haifa = Activity.objects.get(slug="diaspora-women-leaders-workshop-haifa-2010")
    assert (haifa.start_date, haifa.end_date) == (
        datetime.date(2010, 11, 15),
        datetime.date(2010, 11, 24),
    )
    assert (haifa.city, haifa.country.code, haifa.participants_total) == ("Haifa", "IL", 21)

    gfmd = Activity.objects.get(slug="gfmd-domestic-workers-workshop-jamaica-2011")
    assert sorted((r.partner.slug, r.role) for r in gfmd.roles.select_related("partner")) == [
        ("gfmd-swiss-chair", "co_organiser"),
        ("jamaica", "organiser"),
        ("un-women", "co_organiser"),
    ]

    briefing = Activity.objects.get(slug="hrc-working-group-briefing-2011")
    assert (briefing.start_date, briefing.date_precision) == (datetime.date(2011, 6, 1), "month")


def test_every_bullet_under_others_is_its_own_record(loaded):
    others = Activity.objects.filter(
        report_section__slug="awareness-raising", prominence="minor"
    ).order_by("report_order")
    assert [a.place for a in others] == [
        "Italy",
        "Senegal",
        "United Kingdom",
        "New York",
        "Vienna",
        "Jamaica",
        "",
        "Netherlands",
    ]


def test_the_october_and_november_2010_items_are_included(loaded):
    autumn_2010 = Activity.objects.filter(
        start_date__gte=datetime.date(2010, 10, 1), start_date__lt=datetime.date(2011, 1, 1)
    )
    assert set(autumn_2010.values_list("slug", flat=True)) == {
        "carim-egm-gender-migration-2010",
        "caritas-female-face-of-migration-paper",
        "diaspora-women-leaders-workshop-haifa-2010",
        "un-women-briefing-2010-11",
    }


def test_sample_records_are_all_published(loaded):
    assert Activity.objects.published().count() == Activity.objects.count()


def test_reverting_a_sample_record_to_its_first_version_keeps_its_outputs(loaded, manager):
    from activities import services

    book = Activity.objects.get(slug="crushed-hopes-book")
    first = book.history.get()
    assert [o["title"] for o in first.relations["outputs"]] == list(
        book.outputs.values_list("title", flat=True)
    )
    book.title = "Retitled"
    services.save_activity(activity=book, user=manager, based_on=book.version, outputs=[])
    services.restore_relations(book, first.relations)
    assert book.outputs.count() == len(first.relations["outputs"]) > 0
