import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from activities import roles
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityType,
    Event,
    Initiative,
    Output,
    ReportSection,
    ReviewState,
    ThematicArea,
    Visibility,
)
from partners.models import Partner


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            if not Group.objects.filter(name=extracted).exists():
                # Transactional tests flush the database, migration data included.
                roles.sync_role_groups()
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


def make_user(role=None, **kwargs):
    return UserFactory(role=role, **kwargs)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    kind = "un_entity"


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea

    name = factory.Sequence(lambda n: f"Thematic area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class ActivityTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityType
        django_get_or_create = ["slug"]

    name = "Workshop"
    slug = "workshop"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    name = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = "conference"
    start_date = datetime.date(2011, 5, 9)


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Initiative {n}")
    slug = factory.Sequence(lambda n: f"initiative-{n}")


class ReportSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportSection

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    order = factory.Sequence(lambda n: n + 1)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    title = factory.Sequence(lambda n: f"Activity {n}")
    slug = factory.Sequence(lambda n: f"activity-{n}")
    summary = "The Unit did something worth recording."
    activity_type = factory.SubFactory(ActivityTypeFactory)
    start_date = datetime.date(2011, 5, 17)
    review_state = ReviewState.APPROVED
    visibility = Visibility.PUBLIC


class ActivityPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityPartner

    activity = factory.SubFactory(ActivityFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = "organiser"


class OutputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Output

    activity = factory.SubFactory(ActivityFactory)
    title = factory.Sequence(lambda n: f"Output {n}")
    kind = "paper"


ROLE_NAMES = [roles.DATA_ENTRY, roles.VIEWERS, roles.MANAGERS]
