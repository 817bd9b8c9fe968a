"""The gender focal point network: its figures on a day, the staff page, the API, the admin
and the report's sentence under the network's heading."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from network import services
from network.figures import network_then_and_now, year_before
from network.models import FocalPoint, Training
from reports import services as report_services
from reports.builder import build_report
from reports.models import AnnualReport, ReportHeading
from tests.factories import ActivityFactory, ReportSectionFactory

pytestmark = pytest.mark.django_db

END = datetime.date(2011, 11, 30)


def appoint(name, sex, country, region, appointed, ended=None, role="focal_point"):
    return services.appoint(
        name=name,
        email=f"{name.lower()}@example.org",
        sex=sex,
        office=f"Office in {country}",
        country=country,
        region=region,
        appointed_on=appointed,
        ended_on=ended,
        role=role,
    )


@pytest.fixture
def network():
    appoint("Amina", "woman", "KE", "africa", datetime.date(2009, 1, 1))
    appoint(
        "Olga", "woman", "AT", "europe", datetime.date(2010, 1, 1), ended=datetime.date(2011, 3, 31)
    )
    appoint("Samuel", "man", "GH", "africa", datetime.date(2011, 4, 1))
    appoint("Diego", "man", "CO", "americas", datetime.date(2011, 6, 1), role="alternate")
    appoint("Later", "woman", "PE", "americas", datetime.date(2012, 1, 1))


@pytest.mark.parametrize(
    ("day", "before"),
    [
        (datetime.date(2011, 11, 30), datetime.date(2010, 11, 30)),
        (datetime.date(2012, 2, 29), datetime.date(2011, 2, 28)),
    ],
)
def test_a_year_before(day, before):
    assert year_before(day) == before


def test_the_figures_count_who_was_in_the_role_on_the_day_and_a_year_before(
    network, django_assert_num_queries
):
    with django_assert_num_queries(1):
        before, now = network_then_and_now(END)
    assert (now.total, now.women, now.men, now.countries, now.regions) == (3, 1, 2, 3, 2)
    assert (now.focal_points, now.alternates) == (2, 1)
    assert (before.total, before.women, before.men, before.countries) == (2, 2, 0, 2)
    assert [(r.region, r.total) for r in now.by_region] == [("africa", 2), ("americas", 1)]


def test_an_end_before_the_appointment_is_refused_next_to_the_field():
    with pytest.raises(ValidationError) as error:
        appoint(
            "Wrong", "woman", "KE", "africa", datetime.date(2011, 1, 1), datetime.date(2010, 1, 1)
        )
    assert "ended_on" in error.value.message_dict
    assert not FocalPoint.objects.exists()


def test_staff_read_the_network_on_a_day_as_counts_table_and_chart(client, viewer, network):
    client.force_login(viewer)
    page = client.get("/network/", {"on": "2011-11-30"}).content.decode()
    assert "The gender focal point network on 30 November 2011" in page
    assert "<svg" in page and "<table" in page
    assert "3 focal points and alternates (2 men) in 3 countries" in page
    # Counts only: no name, no email.
    for name in ("Amina", "Samuel", "amina@example.org"):
        assert name not in page


def test_a_wrong_day_is_said_next_to_the_field(client, viewer, network):
    client.force_login(viewer)
    response = client.get("/network/", {"on": "2011-13-45"})
    assert response.status_code == 200
    assert "has-error" in response.content.decode()


def test_the_network_page_is_for_staff_in_a_role(client, no_role_user):
    assert client.get("/network/").status_code == 302
    client.force_login(no_role_user)
    assert client.get("/network/").status_code == 403


def test_the_api_lists_focal_points_to_staff_in_a_role_only(viewer, no_role_user, network):
    api = APIClient()
    assert api.get("/api/focal-points/").status_code in (401, 403)
    api.force_authenticate(no_role_user)
    assert api.get("/api/focal-points/").status_code == 403
    api.force_authenticate(viewer)
    listed = api.get("/api/focal-points/").json()
    assert listed["count"] == 5
    assert {"name", "email", "sex", "region"} <= set(listed["results"][0])
    assert api.get("/api/focal-points/abc/").status_code == 404


def test_data_entry_keep_the_network_in_the_admin_with_trainings(client, data_entry):
    activity = ActivityFactory(title="Induction training")
    client.force_login(data_entry)
    response = client.post(
        "/admin/network/focalpoint/add/",
        {
            "name": "Fatou Mensah",
            "email": "fatou@example.org",
            "sex": "woman",
            "office": "Dakar Regional Office",
            "country": "SN",
            "region": "africa",
            "role": "focal_point",
            "appointed_on": "01/03/2011",
            "time_share": "20",
            "terms_of_reference_signed": "on",
            "trainings-TOTAL_FORMS": "1",
            "trainings-INITIAL_FORMS": "0",
            "trainings-0-title": "Induction",
            "trainings-0-received_on": "02/03/2011",
            "trainings-0-activity": str(activity.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    focal_point = FocalPoint.objects.get()
    assert (focal_point.name, focal_point.appointed_on) == (
        "Fatou Mensah",
        datetime.date(2011, 3, 1),
    )
    assert Training.objects.get().activity == activity
    assert focal_point.history.count() == 1


def test_viewers_cannot_change_the_network(client, staff_viewer_user):
    client.force_login(staff_viewer_user)
    assert client.get("/admin/network/focalpoint/add/").status_code == 403


@pytest.fixture
def staff_viewer_user():
    from activities import roles
    from tests.factories import make_user

    return make_user(roles.VIEWERS, username="staffviewer")


def report_with_network_heading(sentence):
    report = AnnualReport.objects.create(
        year=2011,
        title="Report",
        symbol="CRP/36",
        period_start=datetime.date(2010, 10, 1),
        period_end=END,
    )
    section = ReportSectionFactory(title="Gender focal point network")
    heading = ReportHeading.objects.create(
        report=report, order=10, title="Gender focal point network", network_sentence=sentence
    )
    heading.sections.add(section)
    return report, section


def test_the_report_states_the_network_under_its_heading_worded_per_report(network):
    report, section = report_with_network_heading(
        "The network counted {count} ({men} men) in {countries} countries, against {count_before}."
    )
    ActivityFactory(
        summary="The Unit led the network.",
        report_section=section,
        prominence="paragraph",
        start_date=END,
    )
    built = build_report(report)
    (paragraph,) = built.paragraphs
    assert str(paragraph.text) == (
        "The Unit led the network. The network counted 3 (2 men) in 3 countries, against 2."
    )


def test_a_heading_with_no_records_is_left_out_figures_and_all(network):
    report, _section = report_with_network_heading("{count} focal points.")
    built = build_report(report)
    assert built.paragraphs == []


def test_a_sentence_with_an_unknown_name_is_refused(network):
    report, _section = report_with_network_heading("{count} in {cities}.")
    with pytest.raises(ValidationError) as error:
        report.headings.get().full_clean()
    assert "network_sentence" in error.value.message_dict


def test_next_years_report_keeps_the_wording(network, manager):
    report, _section = report_with_network_heading("{count} focal points.")
    later = report_services.start_from(previous=report, user=manager)
    assert later.headings.get().network_sentence == "{count} focal points."


def test_a_training_linked_to_a_record_the_user_may_not_see_stays_linked_and_unnamed(
    client, data_entry
):
    secret = ActivityFactory(title="Secret training", visibility="confidential")
    focal_point = appoint("Amina", "woman", "KE", "africa", datetime.date(2009, 1, 1))
    training = services.record_training(focal_point=focal_point, title="Induction", activity=secret)
    client.force_login(data_entry)
    url = f"/admin/network/focalpoint/{focal_point.pk}/change/"
    assert "Secret training" not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": "Amina Kamau",
            "email": "amina@example.org",
            "sex": "woman",
            "office": "Nairobi",
            "country": "KE",
            "region": "africa",
            "role": "focal_point",
            "appointed_on": "01/01/2009",
            "trainings-TOTAL_FORMS": "1",
            "trainings-INITIAL_FORMS": "1",
            "trainings-0-id": str(training.pk),
            "trainings-0-focal_point": str(focal_point.pk),
            "trainings-0-title": "Induction",
            "trainings-0-activity": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert FocalPoint.objects.get().name == "Amina Kamau"
    assert Training.objects.get().activity == secret
