"""Bad values are refused with a message next to the field, and by the database itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from activities.models import Activity, ActivityPartner, ActivityType, Event
from partners.models import Partner
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
)

pytestmark = pytest.mark.django_db

MAY_17 = datetime.date(2011, 5, 17)
MAY_16 = datetime.date(2011, 5, 16)


def field_errors(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def assert_refused_by_database(instance, constraint_name):
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        instance.save()
    # SQLite and PostgreSQL both name the violated constraint in the message.
    assert constraint_name in str(caught.value) or "CHECK" in str(caught.value).upper()


def test_activity_end_before_start_is_refused_next_to_the_end_date():
    activity = ActivityFactory.build(
        activity_type=ActivityType.objects.create(name="Panel", slug="panel"),
        start_date=MAY_17,
        end_date=MAY_16,
    )
    errors = field_errors(activity)
    assert errors["end_date"] == ["The end date cannot be before the start date."]


def test_activity_end_before_start_is_refused_by_the_database():
    activity = ActivityFactory()
    activity.end_date = MAY_16
    activity.start_date = MAY_17
    assert_refused_by_database(activity, "activity_end_not_before_start")


def test_women_and_men_above_total_are_refused_next_to_the_total():
    activity = ActivityFactory.build(
        activity_type=ActivityFactory().activity_type,
        participants_total=20,
        participants_women=15,
        participants_men=6,
    )
    errors = field_errors(activity)
    assert errors["participants_total"] == [
        "Women and men together (21) cannot exceed the total (20)."
    ]


def test_women_and_men_above_total_are_refused_by_the_database():
    activity = ActivityFactory(participants_total=20, participants_women=15)
    activity.participants_men = 6
    assert_refused_by_database(activity, "activity_women_and_men_within_total")


def test_women_and_men_equal_to_total_are_accepted():
    activity = ActivityFactory(participants_total=21, participants_women=21, participants_men=0)
    activity.full_clean()


def test_a_split_without_a_total_is_refused():
    activity = ActivityFactory()
    activity.participants_women = 4
    assert "participants_total" in field_errors(activity)
    assert_refused_by_database(activity, "activity_split_needs_total")


@pytest.mark.parametrize("field", ["participants_total", "participants_women", "participants_men"])
def test_negative_counts_are_refused_next_to_the_field(field):
    activity = ActivityFactory(participants_total=10)
    setattr(activity, field, -1)
    errors = field_errors(activity)
    assert field in errors
    assert "greater than or equal to 0" in errors[field][0]


def test_negative_counts_are_refused_by_the_database():
    activity = ActivityFactory()
    activity.participants_total = -3
    with pytest.raises(IntegrityError), transaction.atomic():
        activity.save()


def test_event_end_before_start_is_refused():
    event = EventFactory.build(start_date=MAY_17, end_date=MAY_16)
    assert field_errors(event)["end_date"] == ["The end date cannot be before the start date."]
    saved = EventFactory()
    saved.end_date = datetime.date(2000, 1, 1)
    assert_refused_by_database(saved, "event_end_not_before_start")


def test_event_end_without_start_is_refused():
    event = EventFactory.build(start_date=None, end_date=MAY_16)
    assert "start_date" in field_errors(event)


@pytest.mark.parametrize(
    ("factory", "field"),
    [(PartnerFactory, "name"), (ThematicAreaFactory, "name"), (EventFactory, "name")],
)
def test_duplicate_names_are_refused_next_to_the_name(factory, field):
    first = factory()
    second = factory.build(**{field: getattr(first, field)})
    errors = field_errors(second)
    assert field in errors
    assert "already exists" in errors[field][0]


def test_duplicate_activity_type_names_are_refused():
    ActivityType.objects.create(name="Briefing", slug="briefing")
    errors = field_errors(ActivityType(name="Briefing", slug="briefing-2"))
    assert "already exists" in errors["name"][0]


def test_duplicate_slugs_are_refused_by_the_database():
    first = ActivityFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityFactory(slug=first.slug)


def test_the_same_partner_role_twice_is_refused():
    role = ActivityPartnerFactory()
    duplicate = ActivityPartner(activity=role.activity, partner=role.partner, role=role.role)
    with pytest.raises(ValidationError) as caught:
        duplicate.full_clean()
    assert "This partner already has this role in the activity." in str(caught.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_a_partner_in_another_role_is_accepted():
    role = ActivityPartnerFactory(role="organiser")
    ActivityPartner.objects.create(activity=role.activity, partner=role.partner, role="funder")
    assert role.activity.roles.count() == 2


def test_a_partner_cannot_be_its_own_parent():
    partner = PartnerFactory()
    partner.parent = partner
    assert field_errors(partner)["parent"] == ["A partner cannot be part of itself."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Partner.objects.filter(pk=partner.pk).update(parent=partner)


def test_a_thematic_area_cannot_sit_under_its_own_child():
    top = ThematicAreaFactory()
    child = ThematicAreaFactory(parent=top)
    top.parent = child
    assert "parent" in field_errors(top)


def test_month_precision_dates_are_stored_on_the_first_of_the_month():
    activity = ActivityFactory.build(
        activity_type=ActivityFactory().activity_type,
        start_date=datetime.date(2011, 6, 23),
        date_precision="month",
    )
    activity.full_clean()
    assert activity.start_date == datetime.date(2011, 6, 1)


def test_year_precision_dates_are_stored_on_the_first_of_january():
    activity = ActivityFactory(start_date=datetime.date(2011, 8, 9), date_precision="year")
    activity.full_clean()
    assert activity.start_date == datetime.date(2011, 1, 1)


def test_activity_knows_its_place_as_the_report_writes_it():
    assert ActivityFactory.build(city="Vienna", country="AT").place == "Vienna"
    assert ActivityFactory.build(city="", country="SN").place == "Senegal"
    assert ActivityFactory.build(city="", country="").place == ""


def test_records_have_readable_names():
    assert str(PartnerFactory.build(name="Oxfam Novib", acronym="")) == "Oxfam Novib"
    assert str(PartnerFactory.build(name="International Labour Organization", acronym="ILO")) == (
        "International Labour Organization (ILO)"
    )
    assert str(Activity(title="Panel")) == "Panel"
    assert str(Event(name="CSW55")) == "CSW55"
