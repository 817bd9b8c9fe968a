"""The one visibility rule, for every role and every review state and visibility."""

import ast
import itertools
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from activities import roles
from activities.models import Activity, ReviewState, Visibility, approved_scope
from tests.factories import ActivityFactory, make_user

pytestmark = pytest.mark.django_db

STATES = list(ReviewState.values)
VISIBILITIES = list(Visibility.values)


@pytest.fixture
def every_combination():
    """One activity for each review state and visibility: nine in all."""
    return {
        (state, visibility): ActivityFactory(
            review_state=state, visibility=visibility, slug=f"{state}-{visibility}"
        )
        for state, visibility in itertools.product(STATES, VISIBILITIES)
    }


def visible_pairs(user):
    return set(Activity.objects.visible_to(user).values_list("review_state", "visibility"))


def test_anonymous_visitors_see_only_approved_public_records(every_combination):
    assert visible_pairs(AnonymousUser()) == {("approved", "public")}


def test_signed_in_accounts_without_a_role_see_what_the_public_sees(every_combination):
    user = make_user(None, username="no-role", is_staff=False)
    assert visible_pairs(user) == {("approved", "public")}


def test_viewers_also_see_approved_internal_records(every_combination):
    user = make_user(roles.VIEWERS, username="v")
    assert visible_pairs(user) == {("approved", "public"), ("approved", "internal")}


def test_data_entry_also_see_unapproved_records_that_are_not_confidential(every_combination):
    user = make_user(roles.DATA_ENTRY, username="clerk")
    assert visible_pairs(user) == {
        ("approved", "public"),
        ("approved", "internal"),
        ("draft", "public"),
        ("draft", "internal"),
        ("submitted", "public"),
        ("submitted", "internal"),
        ("returned", "public"),
        ("returned", "internal"),
    }


def test_data_entry_see_every_record_they_created_confidential_included():
    author = make_user(roles.DATA_ENTRY, username="author")
    colleague = make_user(roles.DATA_ENTRY, username="colleague")
    own = ActivityFactory(review_state="draft", visibility="confidential", created_by=author)
    approved_own = ActivityFactory(visibility="confidential", created_by=author)
    assert set(Activity.objects.visible_to(author)) == {own, approved_own}
    assert not Activity.objects.visible_to(colleague).exists()


def test_managers_see_everything_confidential_and_drafts_included(every_combination):
    manager = make_user(roles.MANAGERS, username="boss")
    assert visible_pairs(manager) == set(every_combination)


def test_superusers_see_everything(every_combination):
    superuser = make_user(None, username="root", is_superuser=True)
    assert visible_pairs(superuser) == set(every_combination)


def test_an_inactive_manager_sees_only_public_records(every_combination):
    manager = make_user(roles.MANAGERS, username="gone", is_active=False)
    assert visible_pairs(manager) == {("approved", "public")}


@pytest.mark.parametrize("visibility", VISIBILITIES)
@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
def test_unapproved_records_are_hidden_from_the_public_and_viewers(state, visibility):
    ActivityFactory(review_state=state, visibility=visibility)
    viewer = make_user(roles.VIEWERS, username="v")
    assert not Activity.objects.visible_to(AnonymousUser()).exists()
    assert not Activity.objects.visible_to(viewer).exists()
    assert Activity.objects.visible_to(make_user(roles.MANAGERS, username="m")).exists()


def test_the_role_lookup_is_cached_on_the_user(django_assert_num_queries):
    viewer = make_user(roles.VIEWERS, username="cached")
    with django_assert_num_queries(1):
        roles.role_names(viewer)
        roles.role_names(viewer)
        roles.is_member(viewer)


ROLES = [None, roles.VIEWERS, roles.DATA_ENTRY, roles.MANAGERS]


@pytest.mark.parametrize("role", ROLES)
def test_the_approved_scope_is_the_approved_part_of_the_rule(every_combination, role):
    user = make_user(role, username="someone") if role else AnonymousUser()
    mine = ActivityFactory(
        review_state="approved", visibility="confidential", created_by=user if role else None
    )
    visibilities, own = approved_scope(user if role else None)
    by_scope = set(
        Activity.objects.filter(review_state="approved", visibility__in=visibilities).values_list(
            "pk", flat=True
        )
    ) | ({mine.pk} if own else set())
    by_rule = set(
        Activity.objects.visible_to(user)
        .filter(review_state="approved")
        .values_list("pk", flat=True)
    )
    assert by_scope == by_rule


def test_published_is_what_an_anonymous_visitor_sees(every_combination):
    assert set(Activity.objects.published()) == set(Activity.objects.visible_to(AnonymousUser()))


def _rule_sources():
    root = Path(__file__).resolve().parents[2]
    for app in ("activities", "api", "web", "reports", "partners", "core", "ops", "samples"):
        for path in (root / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path.relative_to(root).as_posix(), ast.parse(path.read_text())


def _names_a_visibility(node, text=True):
    """Visibility.PUBLIC (any member) or, with `text`, a visibility written as text."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return node.value.id == "Visibility" and node.attr.isupper()
    if isinstance(node, ast.Constant):
        return text and node.value in Visibility.values
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return any(_names_a_visibility(element, text) for element in node.elts)
    return False


def test_the_visibility_rule_is_written_once():
    """Only activities/records.py says which review states and visibilities who sees: a
    second definition (a filter on an approved state and a named visibility, or a list of
    visibilities) fails here; derive it from approved_scope or visibility_rule instead."""
    found = []
    for name, tree in _rule_sources():
        if name == "activities/records.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.List | ast.Tuple | ast.Set):
                members = [e for e in node.elts if _names_a_visibility(e, text=False)]
                if len(members) >= 2:
                    found.append(f"{name}:{node.lineno} lists visibilities")
            if isinstance(node, ast.Call):
                keywords = {k.arg: k.value for k in node.keywords if k.arg}
                named = [
                    k
                    for k, v in keywords.items()
                    if k.startswith("visibility") and _names_a_visibility(v)
                ]
                if named and any(k.startswith("review_state") for k in keywords):
                    found.append(f"{name}:{node.lineno} filters by state and visibility")
    assert found == []
