"""Nobody's work is silently overwritten: a write based on an older version is refused."""

import pytest
from django.urls import reverse

from activities import services, workflow
from activities.models import Activity
from tests.api.conftest import token_client
from tests.factories import ActivityFactory, ThematicAreaFactory, make_user

pytestmark = pytest.mark.django_db


def change_form_data(client, activity):
    """What the change form would post back unchanged, as the person opening it saw it."""
    page = client.get(reverse("admin:activities_activity_change", args=[activity.pk]))
    form = page.context["adminform"].form
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data.update(
        {
            "country": str(data.get("country") or ""),
            "thematic_areas": [a.pk for a in activity.thematic_areas.all()],
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
            "outputs-TOTAL_FORMS": "0",
            "outputs-INITIAL_FORMS": "0",
        }
    )
    return data


@pytest.fixture
def two_managers(client):
    from django.test import Client

    first = make_user("Managers", username="amina")
    second = make_user("Managers", username="bruno")
    a, b = Client(), Client()
    a.force_login(first)
    b.force_login(second)
    return a, b


def test_the_second_of_two_admin_saves_is_refused_and_takes_in_the_first(two_managers):
    amina, bruno = two_managers
    activity = ActivityFactory(title="Workshop", summary="As first written.")
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    amina_form, bruno_form = change_form_data(amina, activity), change_form_data(bruno, activity)

    amina_form["title"] = "Workshop on remittances"
    assert amina.post(url, amina_form).status_code == 302

    bruno_form["summary"] = "Bruno's careful rewrite."
    refused = bruno.post(url, bruno_form)
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "amina saved this activity" in page
    assert "Their changes to Title are now in the form." in page
    # The form shows Amina's title and Bruno's summary; the record has nothing of Bruno's.
    form = refused.context["adminform"].form
    assert form.data["title"] == "Workshop on remittances"
    assert "Bruno&#x27;s careful rewrite." in page
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.summary) == ("Workshop on remittances", "As first written.")

    # Saving again applies Bruno's change to the version he has now seen: both are kept.
    assert bruno.post(url, form.data.copy()).status_code == 302
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.summary) == ("Workshop on remittances", "Bruno's careful rewrite.")


def test_a_field_both_changed_keeps_the_second_persons_value_and_says_so(two_managers):
    amina, bruno = two_managers
    activity = ActivityFactory(title="Workshop")
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    amina_form, bruno_form = change_form_data(amina, activity), change_form_data(bruno, activity)
    amina_form["title"] = "Amina's title"
    assert amina.post(url, amina_form).status_code == 302
    bruno_form["title"] = "Bruno's title"
    refused = bruno.post(url, bruno_form)
    form = refused.context["adminform"].form
    assert form.errors["title"] == [
        "amina also changed this field; your value is kept. The other value was: Amina's title"
    ]
    assert "You both changed Title: your values are kept and marked." in refused.content.decode()
    assert bruno.post(url, form.data.copy()).status_code == 302
    assert Activity.objects.get(pk=activity.pk).title == "Bruno's title"


def test_the_service_refuses_a_write_based_on_an_older_version(manager):
    activity = ActivityFactory()
    first = Activity.objects.get(pk=activity.pk)
    second = Activity.objects.get(pk=activity.pk)
    first.title = "First"
    services.save_activity(activity=first, user=manager, based_on=first.version)
    second.title = "Second"
    with pytest.raises(services.StaleVersion) as stale:
        services.save_activity(activity=second, user=manager, based_on=second.version)
    assert stale.value.current.title == "First"
    assert Activity.objects.get(pk=activity.pk).title == "First"


@pytest.fixture
def api(manager):
    return token_client(manager)


def test_a_read_gives_the_etag_and_a_stale_if_match_is_refused_with_412(api):
    activity = ActivityFactory(title="Panel")
    url = f"/api/activities/{activity.slug}/"
    etag = api.get(url)["ETag"]
    assert etag == f'"{activity.pk}.1"'

    changed = api.patch(url, {"city": "Vienna"}, HTTP_IF_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] == f'"{activity.pk}.2"'

    stale = api.put(
        url,
        {**api.get(url).json(), "title": "Stale title", "city": ""},
        HTTP_IF_MATCH=etag,
    )
    assert stale.status_code == 412
    assert (
        "changed this activity after the version your change is based on"
        in (stale.json()["detail"])
    )
    stored = Activity.objects.get(pk=activity.pk)
    assert (stored.title, stored.city) == ("Panel", "Vienna")


def test_a_put_with_a_stale_body_does_not_undo_a_concurrent_patch(api):
    activity = ActivityFactory(title="Panel")
    url = f"/api/activities/{activity.slug}/"
    body = api.get(url).json()  # version 1
    assert api.patch(url, {"city": "Vienna", "version": 1}).status_code == 200
    body["title"] = "Renamed"
    refused = api.put(url, body)
    assert refused.status_code == 409
    assert Activity.objects.get(pk=activity.pk).city == "Vienna"


def test_a_change_that_names_no_version_is_asked_for_one(api):
    activity = ActivityFactory()
    response = api.patch(f"/api/activities/{activity.slug}/", {"city": "Vienna"})
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]


def test_a_wrong_version_type_is_a_400_on_the_field(api):
    activity = ActivityFactory()
    response = api.patch(f"/api/activities/{activity.slug}/", {"city": "Bern", "version": "one"})
    assert response.status_code == 400
    assert "version" in response.json()


def test_bulk_approval_keeps_the_areas_in_the_history(manager):
    area = ThematicAreaFactory(name="Women’s labour migration")
    activity = ActivityFactory(review_state="submitted")
    activity.thematic_areas.add(area)
    done, refused = workflow.for_each(
        [Activity.objects.get(pk=activity.pk)], workflow.approve, user=manager
    )
    assert (done, refused) == (1, 0)
    latest, previous = activity.history.all()[:2]
    assert latest.review_state == "approved"
    assert [a.thematicarea_id for a in latest.thematic_areas.all()] == [area.pk]
    delta = latest.diff_against(previous)
    assert delta.changed_fields == ["review_state"]
