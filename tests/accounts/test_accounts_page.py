"""Managers see who can do what, give roles, deactivate accounts; every change is logged."""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from accounts.models import AccountEvent
from activities import roles
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db

PAGE = "/accounts/staff/"


@pytest.fixture
def newcomer():
    """An account made by a first sign-in through the provider: no role, no password."""
    user = get_user_model().objects.create_user(
        "amina", email="amina@agency.example", password=None
    )
    SocialAccount.objects.create(user=user, provider="agency", uid="42")
    return user


def test_managers_see_every_account_with_role_last_sign_in_second_factor_and_way_in(
    client, manager, newcomer, data_entry
):
    data_entry.last_login = timezone.now()
    data_entry.save()
    Authenticator.objects.create(user=data_entry, type=Authenticator.Type.TOTP, data={})
    client.force_login(manager)
    response = client.get(PAGE)
    assert response.status_code == 200
    rows = {row.user.username: row for row in response.context["rows"]}
    assert rows["amina"].roles == () and rows["amina"].providers == ("agency",)
    assert not rows["amina"].local and not rows["amina"].second_factor
    assert rows["clerk"].roles == (roles.DATA_ENTRY,) and rows["clerk"].local
    assert rows["clerk"].second_factor and rows["clerk"].last_login is not None
    page = response.content.decode()
    assert "single sign-on (agency)" in page and "local password" in page
    assert "1 new account waits for a role." in page


@pytest.mark.parametrize("who", ["anonymous", "viewer", "data_entry"])
def test_no_one_else_sees_the_accounts(client, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(PAGE)
    assert response.status_code in (302, 403)
    assert "amina" not in response.content.decode()


def test_the_accounts_page_runs_a_fixed_number_of_queries(
    client, manager, newcomer, django_assert_num_queries
):
    for n in range(5):
        make_user(roles.VIEWERS, username=f"reader{n}")
    client.force_login(manager)
    client.get(PAGE)
    # 1 session, 1 user, 1 manager's groups, 1 accounts, 1 their groups, 1 their sign-on
    # accounts, 1 audit log
    with django_assert_num_queries(7):
        client.get(PAGE)
    make_user(roles.DATA_ENTRY, username="another")
    with django_assert_num_queries(7):
        client.get(PAGE)


def test_a_manager_gives_a_newcomer_a_role_and_the_log_says_who_when_what(
    client, manager, newcomer
):
    client.force_login(manager)
    response = client.post(f"{PAGE}{newcomer.pk}/role/", {"role": roles.DATA_ENTRY})
    assert response.status_code == 303
    newcomer.refresh_from_db()
    assert list(newcomer.groups.values_list("name", flat=True)) == [roles.DATA_ENTRY]
    assert newcomer.is_staff
    event = AccountEvent.objects.get(account=newcomer)
    assert (event.actor, event.action, event.detail) == (
        manager,
        AccountEvent.Action.ROLE_CHANGED,
        f"— → {roles.DATA_ENTRY}",
    )
    assert event.at > timezone.now() - datetime.timedelta(minutes=1)
    page = client.get(PAGE).content.decode()
    assert f"{manager.username}</td><td>amina</td><td>role changed: — → Data entry" in page

    client.post(f"{PAGE}{newcomer.pk}/role/", {"role": roles.VIEWERS})
    newcomer.refresh_from_db()
    assert list(newcomer.groups.values_list("name", flat=True)) == [roles.VIEWERS]
    assert not newcomer.is_staff
    client.post(f"{PAGE}{newcomer.pk}/role/", {"role": ""})
    assert not newcomer.groups.exists()
    assert AccountEvent.objects.filter(account=newcomer).count() == 3


def test_the_admins_first_page_lists_new_accounts_waiting_for_a_role(client, manager, newcomer):
    client.force_login(manager)
    page = client.get("/admin/").content.decode()
    assert "New accounts waiting for a role (1)" in page
    assert "amina@agency.example" in page
    client.post(f"{PAGE}{newcomer.pk}/role/", {"role": roles.VIEWERS})
    assert "New accounts waiting for a role (0)" in client.get("/admin/").content.decode()


def test_data_entry_staff_do_not_see_the_waiting_accounts(client, data_entry, newcomer):
    client.force_login(data_entry)
    assert "waiting for a role" not in client.get("/admin/").content.decode()


def test_refused_changes_say_why_and_change_nothing(client, manager, data_entry):
    root = get_user_model().objects.create_superuser("root", "r@agency.example", "pw-long-123!")
    client.force_login(manager)
    response = client.post(f"{PAGE}{manager.pk}/role/", {"role": ""}, follow=True)
    assert "cannot change your own account" in response.content.decode()
    assert manager.groups.filter(name=roles.MANAGERS).exists()
    response = client.post(f"{PAGE}{root.pk}/deactivate/", follow=True)
    assert "Only a superuser" in response.content.decode()
    root.refresh_from_db()
    assert root.is_active
    # Bad values: a 400 with the reason, never a 500.
    response = client.post(f"{PAGE}{data_entry.pk}/role/", {"role": "Superusers"})
    assert response.status_code == 400
    assert b"Choose one of the roles" in response.content
    assert client.post(f"{PAGE}abc/role/", {"role": ""}).status_code == 400
    assert client.post(f"{PAGE}99999999/deactivate/").status_code == 404
    assert client.get(f"{PAGE}{data_entry.pk}/role/").status_code == 405
    assert not AccountEvent.objects.exists()


def test_deactivating_keeps_the_persons_records_and_history(client, manager, data_entry):
    activity = ActivityFactory(created_by=data_entry, title="Kept after leaving")
    client.force_login(manager)
    response = client.post(f"{PAGE}{data_entry.pk}/deactivate/")
    assert response.status_code == 303
    data_entry.refresh_from_db()
    assert not data_entry.is_active
    activity.refresh_from_db()
    assert activity.created_by == data_entry
    assert activity.history.exists()
    assert AccountEvent.objects.get(account=data_entry).action == "deactivated"
    # They can no longer sign in; a manager can let them in again.
    other = Client()
    response = other.post(
        "/accounts/login/", {"username": "clerk", "password": "correct horse battery"}
    )
    assert response["Location"] == "/accounts/inactive/"
    assert "_auth_user_id" not in other.session
    client.post(f"{PAGE}{data_entry.pk}/reactivate/")
    data_entry.refresh_from_db()
    assert data_entry.is_active
    assert AccountEvent.objects.filter(account=data_entry).count() == 2


def test_accounts_unused_for_the_configured_time_are_listed(client, manager, settings):
    settings.GCU_ACCOUNT_UNUSED_DAYS = 90
    idle = make_user(roles.VIEWERS, username="idle")
    idle.last_login = timezone.now() - datetime.timedelta(days=91)
    idle.save()
    recent = make_user(roles.VIEWERS, username="recent")
    recent.last_login = timezone.now() - datetime.timedelta(days=10)
    recent.save()
    never = make_user(roles.VIEWERS, username="never")
    never.date_joined = timezone.now() - datetime.timedelta(days=200)
    never.save()
    client.force_login(manager)
    response = client.get(PAGE)
    assert {row.user.username for row in response.context["unused"]} == {"idle", "never"}
    assert "2 accounts have not signed in for 90 days." in response.content.decode()


def test_role_changes_made_in_the_admin_by_a_superuser_are_logged(client, data_entry):
    root = get_user_model().objects.create_superuser("root", "r@agency.example", "pw-long-123!")
    client.force_login(root)
    url = f"/admin/auth/user/{data_entry.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("groups", "user_permissions", "password")
    }
    data.update(
        {
            "groups": [str(g.pk) for g in roles_group(roles.MANAGERS)],
            "date_joined_0": "01/01/2026",
            "date_joined_1": "10:00:00",
            "last_login_0": "",
            "last_login_1": "",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = AccountEvent.objects.get(account=data_entry)
    assert event.actor == root
    assert event.detail == f"{roles.DATA_ENTRY} → {roles.MANAGERS}"


def roles_group(name):
    return Group.objects.filter(name=name)


def test_accounts_needing_a_manager_come_first_fifty_a_page(client, manager, newcomer):
    for n in range(60):
        make_user(roles.VIEWERS, username=f"reader{n:02d}", last_login=timezone.now())
    client.force_login(manager)
    first = client.get(PAGE)
    assert len(first.context["rows"]) == 50
    assert first.context["rows"][0].user == newcomer
    assert "Page 1 of 2" in first.content.decode()
    assert len(client.get(f"{PAGE}?page=2").context["rows"]) == 12
    assert client.get(f"{PAGE}?page=abc").status_code == 200


def test_a_deactivated_person_is_signed_out_on_their_next_request(client, manager, data_entry):
    theirs = Client()
    theirs.force_login(data_entry)
    assert theirs.get("/admin/").status_code == 200
    client.force_login(manager)
    client.post(f"{PAGE}{data_entry.pk}/deactivate/")
    assert theirs.get("/admin/").status_code == 302
    assert not theirs.get("/activities/").context["user"].is_authenticated
