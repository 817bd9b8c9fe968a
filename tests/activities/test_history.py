"""Every change is kept with who and when; a deleted activity can be restored."""

import pytest
from django.urls import reverse

from activities.models import Activity
from tests.factories import ActivityFactory, OutputFactory, PartnerFactory, ThematicAreaFactory

pytestmark = pytest.mark.django_db


def test_an_edit_in_the_admin_is_kept_with_who_and_what(manager_client, manager):
    activity = ActivityFactory(title="Old title")
    page = manager_client.get(reverse("admin:activities_activity_change", args=[activity.pk]))
    form = page.context["adminform"].form
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data.update(
        {
            "title": "New title",
            "thematic_areas": [],
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
            "outputs-TOTAL_FORMS": "0",
            "outputs-INITIAL_FORMS": "0",
        }
    )
    response = manager_client.post(
        reverse("admin:activities_activity_change", args=[activity.pk]), data
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = activity.history.first()
    assert latest.title == "New title"
    assert latest.history_user == manager
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "title"] == [
        ("title", "Old title", "New title")
    ]
    history_page = manager_client.get(
        reverse("admin:activities_activity_history", args=[activity.pk])
    )
    assert history_page.status_code == 200
    assert "manager" in history_page.content.decode()


def test_partner_and_event_changes_are_kept():
    partner = PartnerFactory(name="Caritas")
    partner.name = "Caritas Internationalis"
    partner.save()
    assert [h.name for h in partner.history.all()] == ["Caritas Internationalis", "Caritas"]


def test_a_deleted_activity_is_restored_with_its_roles_outputs_and_areas(manager_client):
    area = ThematicAreaFactory()
    activity = ActivityFactory(slug="to-restore", title="Workshop in Haifa")
    activity.thematic_areas.add(area)
    partner = PartnerFactory()
    activity.roles.create(partner=partner, role="co_organiser")
    OutputFactory(activity=activity, title="Workshop report")
    pk = activity.pk

    response = manager_client.post(
        reverse("admin:activities_activity_delete", args=[pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not Activity.objects.filter(pk=pk).exists()

    deleted_page = manager_client.get(reverse("admin:activities_activity_deleted"))
    assert "Workshop in Haifa" in deleted_page.content.decode()
    deletion = Activity.history.get(id=pk, history_type="-")

    response = manager_client.post(
        reverse("admin:activities_activity_restore", args=[deletion.history_id])
    )
    assert response.status_code == 302
    restored = Activity.objects.get(pk=pk)
    assert restored.slug == "to-restore"
    assert list(restored.thematic_areas.all()) == [area]
    assert [(r.partner, r.role) for r in restored.roles.all()] == [(partner, "co_organiser")]
    assert [o.title for o in restored.outputs.all()] == ["Workshop report"]
    restoration = restored.history.filter(history_type="+").latest()
    assert restoration.history_user.username == "manager"
    # Once restored it is no longer offered for restoring.
    again = manager_client.get(reverse("admin:activities_activity_deleted"))
    assert [record.id for record in again.context["deleted"]] == []


def test_a_role_removed_before_the_deletion_stays_removed(manager_client):
    activity = ActivityFactory()
    kept, dropped = PartnerFactory(), PartnerFactory()
    activity.roles.create(partner=kept, role="organiser")
    role = activity.roles.create(partner=dropped, role="funder")
    role_id = role.id
    role.delete()
    # Backdate the deliberate removal: it happened well before the activity was deleted.
    history = role.history.model.objects.filter(id=role_id, history_type="-")
    history.update(history_date=history.get().history_date.replace(year=2020))
    activity_id = activity.id
    activity.delete()
    deletion = Activity.history.get(id=activity_id, history_type="-")
    manager_client.post(reverse("admin:activities_activity_restore", args=[deletion.history_id]))
    assert [r.partner for r in Activity.objects.get(pk=activity_id).roles.all()] == [kept]


def test_data_entry_cannot_restore(data_entry_client):
    activity = ActivityFactory()
    activity_id = activity.id
    activity.delete()
    deletion = Activity.history.get(id=activity_id, history_type="-")
    response = data_entry_client.post(
        reverse("admin:activities_activity_restore", args=[deletion.history_id])
    )
    # Data entry may add but not delete; restoring is left to those who may delete too.
    assert response.status_code == 403
    assert not Activity.objects.filter(pk=activity_id).exists()


def admin_form_data(client, activity):
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


def test_an_admin_save_that_changes_the_areas_is_one_entry_holding_the_new_areas(
    manager_client,
):
    old_area, new_area = ThematicAreaFactory(name="Remittances"), ThematicAreaFactory()
    activity = ActivityFactory()
    activity.thematic_areas.add(old_area)
    entries = activity.history.count()
    data = admin_form_data(manager_client, activity)
    data.update(title="Renamed", thematic_areas=[new_area.pk])
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    assert manager_client.post(url, data).status_code == 302
    assert activity.history.count() == entries + 1
    latest = activity.history.first()
    assert [row.thematicarea_id for row in latest.thematic_areas.all()] == [new_area.pk]
    delta = latest.diff_against(latest.prev_record)
    assert sorted(delta.changed_fields) == ["thematic_areas", "title"]


def test_the_history_page_names_partner_role_changes(manager, manager_client):
    from activities import services

    activity = ActivityFactory()
    unhcr = PartnerFactory(name="UNHCR", acronym="")
    services.save_activity(
        activity=activity, user=manager, based_on=activity.version, roles=[(unhcr, "host")]
    )
    page = manager_client.get(reverse("admin:activities_activity_history", args=[activity.pk]))
    html = page.content.decode()
    assert "Partners and roles" in html
    assert "UNHCR (host)" in html


def test_reverting_restores_exactly_that_version_areas_and_partner_roles_included(
    manager, manager_client
):
    from activities import services

    first_area, second_area = ThematicAreaFactory(), ThematicAreaFactory()
    ilo, oxfam = PartnerFactory(), PartnerFactory()
    activity = ActivityFactory(title="As first recorded")
    services.save_activity(
        activity=activity,
        user=manager,
        based_on=activity.version,
        areas=[first_area],
        roles=[(ilo, "organiser")],
    )
    wanted = activity.history.first()
    activity.title = "Changed later"
    services.save_activity(
        activity=activity,
        user=manager,
        based_on=activity.version,
        areas=[second_area],
        roles=[(oxfam, "funder")],
    )

    url = reverse("admin:activities_activity_simple_history", args=[activity.pk, wanted.pk])
    page = manager_client.get(url)
    assert page.status_code == 200
    assert "Reverting also brings back" in page.content.decode()
    assert f"{ilo} (Organiser)" in page.content.decode()
    form = page.context["adminform"].form
    data = {
        name: (value.pk if hasattr(value, "pk") else value)
        for name, value in form.initial.items()
        if value is not None and name in form.fields
    }
    data["country"] = str(data.get("country") or "")
    data["thematic_areas"] = form.initial["thematic_areas"]
    assert manager_client.post(url, data).status_code == 302

    reverted = Activity.objects.get(pk=activity.pk)
    assert reverted.title == "As first recorded"
    assert list(reverted.thematic_areas.all()) == [first_area]
    assert [(r.partner, r.role) for r in reverted.roles.all()] == [(ilo, "organiser")]
    latest = reverted.history.first()
    assert latest.history_change_reason == "Reverted"
    assert latest.relations["partner_roles"] == [[ilo.pk, "organiser"]]


def test_restoring_reads_what_the_deletion_entry_kept(manager_client):
    activity = ActivityFactory(slug="kept-with-its-roles")
    partner = PartnerFactory()
    activity.roles.create(partner=partner, role="host")
    OutputFactory(activity=activity, title="Report of the meeting")
    pk = activity.pk
    activity.delete()
    deletion = Activity.history.get(id=pk, history_type="-")
    assert deletion.relations["partner_roles"] == [[partner.pk, "host"]]
    assert [o["title"] for o in deletion.relations["outputs"]] == ["Report of the meeting"]
