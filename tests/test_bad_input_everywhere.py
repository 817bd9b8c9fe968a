"""Bad input on every URL pattern, the admin's included, for each role: never a server error.

Every pattern the site resolves is reached with real values and with bad ones in its path
(numbers that overflow, words where ids go, 300-character slugs); list
pages, lookups, changelists and API lists get bad query values (overflowing numbers,
10,000 characters, NUL, a list where one value goes, impossible dates); the admin's add
form gets bad values in each kind of field. An answer of 500 or more fails, and so does an
API error that is not JSON.
"""

import io
import random
import re
import time
from collections import Counter

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver

from activities import roles
from activities.models import Activity
from jobs import services as job_services
from jobs.models import JobKind
from reports.models import AnnualReport
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    EventFactory,
    PartnerFactory,
    ThematicAreaFactory,
    make_user,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "viewer", "staff_viewer", "data_entry", "manager"]
BAD_PATH_VALUES = ["99999999999999999999", "abc", "x" * 300]
BAD_QUERY_VALUES = [
    "99999999999999999999",
    "-99999999999999999999",
    "1e309",
    "abc",
    "x" * 10_000,
    "9999-12-31",
    "0000-00-00",
    "%00",
    "%F0%9F%98%80",
    "",
]
LIST_PARAMETERS = [
    "q",
    "year",
    "date_after",
    "date_before",
    "thematic_area",
    "activity_type",
    "partner",
    "event",
    "country",
    "status",
    "review_state",
    "visibility",
    "sort",
    "page",
    "page_size",
    "lang",
]
# The exports also take the language of their names and headers.
EXPORT_PARAMETERS = [*LIST_PARAMETERS, "lang"]
CHANGELIST_PARAMETERS = ["q", "o", "p", "e", "all", "_to_field", "_popup"]
OTHER_PARAMETERS = ["q", "page", "year", "format"]
# Query cases per role beyond the path cases: a fixed sample keeps the run bounded.
QUERY_SAMPLE = 250
GROUP = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)|\([^)]*\)")


def url_patterns(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def template_of(pattern):
    """'admin/activities/activity/^([^/]+)/history/([^/]+)/$' → ('/admin/.../{0}/history/{1}/', names)."""
    names = []

    def placeholder(match):
        names.append(match.group(1) or match.group(2) or f"group{len(names)}")
        return f"{{{len(names) - 1}}}"

    template = GROUP.sub(placeholder, pattern)
    template = template.replace("^", "").replace("$", "").replace("\\", "").replace("/?", "/")
    return "/" + template, names


@pytest.fixture
def world():
    """A record of each kind, so that real ids and slugs reach real pages."""
    area = ThematicAreaFactory(slug="area")
    partner = PartnerFactory(slug="partner")
    event = EventFactory(slug="event", organiser=partner)
    activity = ActivityFactory(slug="activity", event=event)
    activity.thematic_areas.add(area)
    ActivityPartnerFactory(activity=activity, partner=partner)
    AnnualReport.objects.create(
        year=2011,
        title="Report",
        symbol="CRP/36",
        period_start="2010-10-01",
        period_end="2011-11-30",
    )
    # A job of someone's: its pages answer 404 to everyone else, with good ids and bad.
    owner = make_user(roles.DATA_ENTRY, username="job-owner")
    job = job_services.create(kind=JobKind.EXPORT, owner=owner)
    return {"activity": activity, "area": area, "partner": partner, "event": event, "job": job}


def real_value(template, name, world):
    """A value that names an existing record for a placeholder of `template`."""
    if name in ("slug",):
        for prefix, record in [
            ("/api/thematic-areas/", world["area"]),
            ("/areas/", world["area"]),
            ("/api/activity-types/", world["activity"].activity_type),
            ("/api/partners/", world["partner"]),
            ("/partners/", world["partner"]),
            ("/api/events/", world["event"]),
            ("/events/", world["event"]),
        ]:
            if template.startswith(prefix):
                return record.slug
        return world["activity"].slug
    if name == "year":
        return "2011"
    if name == "format":
        return "json"
    if name == "app_label":
        return "activities"
    if name == "url":
        return "no-such-page/"
    if name == "job_id":
        return str(world["job"].pk)
    if name == "content_type_id":
        return str(ContentType.objects.get_for_model(Activity).pk)
    match = re.match(r"/admin/(\w+)/(\w+)/", template)
    model = None
    if match:
        for registered in admin.site._registry:
            if (registered._meta.app_label, registered._meta.model_name) == match.groups():
                model = registered
    if name in ("object_id", "group0", "id") and model is not None:
        first = model._default_manager.order_by("pk").first()
        return str(first.pk) if first else "1"
    if name == "group1" and model is not None and hasattr(model, "history"):
        first = model.history.order_by("history_id").first()
        return str(first.history_id) if first else "1"
    return str(world["activity"].pk)


# Admin pages of Django's own apps and libraries: one bad value each is enough to show
# that our admin base classes are not needed there.
THIRD_PARTY_ADMIN = ("/admin/auth/", "/admin/axes/", "/admin/authtoken/")


# The anonymous visitor and the manager (who reaches every page) get every bad value; the
# other roles one bad value in each placeholder and a smaller sample of queries, so that
# the run stays short while every pattern is still reached by every role.
FULL_ROLES = {"anonymous", "manager"}


def path_cases(world, full=True):
    """Every pattern with real values, then with each bad value in each placeholder."""
    cases = []
    for pattern in url_patterns():
        template, names = template_of(pattern)
        real = [real_value(template, name, world) for name in names]
        cases.append(template.format(*real))
        bad_values = (
            BAD_PATH_VALUES[:1]
            if template.startswith(THIRD_PARTY_ADMIN) or not full
            else BAD_PATH_VALUES
        )
        for position in range(len(names)):
            for bad in bad_values:
                values = list(real)
                values[position] = bad
                cases.append(template.format(*values))
    return cases


def changelist_parameters(model_admin):
    names = list(CHANGELIST_PARAMETERS)
    for spec in model_admin.list_filter:
        if isinstance(spec, str):
            names += [f"{spec}__exact", f"{spec}__id__exact", f"{spec}__isnull"]
    if model_admin.date_hierarchy:
        names += [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return names


def query_targets(world):
    """The pages that read a query string, with the parameters each one reads."""
    targets = [
        ("/activities/", LIST_PARAMETERS),
        ("/activities/export.csv", EXPORT_PARAMETERS),
        ("/activities/export.xlsx", EXPORT_PARAMETERS),
        ("/activities/export.iati.xml", LIST_PARAMETERS),
        ("/api/activities/", LIST_PARAMETERS),
        ("/", ["year"]),
        ("/areas/area/", ["page", "sort"]),
        ("/partners/partner/", ["page", "sort"]),
        ("/events/event/", ["page", "sort"]),
        ("/partners/lookup/", ["q"]),
        ("/events/lookup/", ["q"]),
        ("/reports/", OTHER_PARAMETERS),
        ("/network/", ["on", "page"]),
        ("/unswap/2011/", ["page", "year"]),
        ("/unswap/2011/export.xlsx", ["page", "year"]),
        ("/partners-by-year/", ["page", "year"]),
        ("/partners-by-year/export.xlsx", ["page", "year"]),
        ("/admin/autocomplete/", ["app_label", "model_name", "field_name", "term", "page"]),
    ]
    for endpoint in [
        "thematic-areas",
        "activity-types",
        "partners",
        "events",
        "reports",
        "focal-points",
        "commitments",
    ]:
        targets.append((f"/api/{endpoint}/", ["page", "page_size", "format"]))
    for model, model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        targets.append((url, changelist_parameters(model_admin)))
    return targets


def query_cases(world, seed, sample=QUERY_SAMPLE):
    cases = []
    for url, parameters in query_targets(world):
        for name in parameters:
            for bad in BAD_QUERY_VALUES:
                cases.append(f"{url}?{name}={bad}")
            # A list where one value goes.
            cases.append(f"{url}?{name}=1&{name}=2")
    random.Random(seed).shuffle(cases)
    return cases[:sample]


ADD_FORM_CASES = {
    "title": ["x" * 10_000],
    "slug": ["not a slug", "x" * 300],
    "start_date": ["99999-01-01", "2011-13-45", "abc"],
    "end_date": ["0000-00-00"],
    "participants_total": ["99999999999999999999", "-5", "1e309"],
    "participants_women": ["abc"],
    "country": ["XX", "x" * 10_000],
    "activity_type": ["99999999999999999999", "abc"],
    "event": ["99999999999999999999"],
    "thematic_areas": ["99999999999999999999", "abc"],
    "report_section": ["-1"],
    "review_state": ["published"],
    "visibility": ["secret"],
    "original_language": ["de", "x" * 10_000, "\x00"],
    # A translation in the record's own language (English unless said), one too long.
    "title_en": ["The same title again"],
    "title_fr": ["x" * 10_000],
    "summary_es": ["Un resumen sin título."],
}


def add_form(world):
    return {
        "title": "A valid title",
        "slug": "a-valid-slug",
        "summary": "Summary.",
        "activity_type": str(world["activity"].activity_type.pk),
        "start_date": "2011-05-17",
        "date_precision": "day",
        "prominence": "minor",
        "report_order": "0",
        "status": "completed",
        "review_state": "draft",
        "visibility": "internal",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
        "outputs-TOTAL_FORMS": "0",
        "outputs-INITIAL_FORMS": "0",
    }


USERS = {
    "viewer": (roles.VIEWERS, False),
    "staff_viewer": (roles.VIEWERS, True),
    "data_entry": (roles.DATA_ENTRY, True),
    "manager": (roles.MANAGERS, True),
}


@pytest.fixture(scope="module")
def tally(request):
    counts, started = Counter(), time.monotonic()
    yield counts
    plugins = request.config.pluginmanager
    runs = ", ".join(f"{who} {count}" for who, count in counts.items())
    with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
        plugins.get_plugin("terminalreporter").write_line(
            f"\nBad input everywhere: {sum(counts.values())} requests ({runs}) "
            f"in {time.monotonic() - started:.0f} s, no server error"
        )


def answered(client, method, url, data=None):
    response = getattr(client, method)(url, data) if data is not None else client.get(url)
    problem = None
    if response.status_code >= 500:
        problem = f"{method.upper()} {url[:120]} answered {response.status_code}"
    elif (
        url.startswith("/api/")
        and response.status_code >= 400
        and not response["Content-Type"].startswith("application/json")
    ):
        problem = (
            f"{method.upper()} {url[:120]} answered an API error as {response['Content-Type']}"
        )
    return problem


def import_cases(client, problems):
    """A checked upload of one's own, and its preview's actions with bad values in each field."""
    content = b"Title,Type,Summary,Start date,Partners and roles\nA,Nowhere,S.,17/05/2011,OIT\n"
    upload = io.BytesIO(content)
    upload.name = "a.csv"
    shown = client.post("/admin/activities/activity/import/", {"file": upload}, follow=True)
    job = shown.context["job"]
    base = f"/admin/activities/activity/import/{job.pk}/"
    count = 0
    for bad in (*BAD_QUERY_VALUES, ["a", "b"], "7|OIT", "|", "1|" + "x" * 300):
        for method, url, data in (
            ("post", f"{base}remember/", {"remember": bad}),
            ("post", f"{base}sheet/", {"sheet": bad}),
            ("post", f"{base}confirm/", {"action": bad, "look_alike": bad}),
            ("get", base, {"show": bad, "page": bad}),
            ("get", f"{base}to-correct.xlsx", {"x": bad}),
        ):
            count += 1
            response = getattr(client, method)(url, data)
            if response.status_code >= 500:
                problems.append(f"{method} {url} answered {response.status_code} ({data})")
    return count


@pytest.mark.parametrize("who", ROLES)
def test_no_bad_input_gives_a_server_error(who, world, tally):
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        role, staff = USERS[who]
        client.force_login(make_user(role, username=who, is_staff=staff))
    problems, count = [], 0
    full = who in FULL_ROLES
    cases = path_cases(world, full) + query_cases(
        world, seed=ROLES.index(who), sample=QUERY_SAMPLE if full else QUERY_SAMPLE // 2
    )
    for url in cases:
        count += 1
        if problem := answered(client, "get", url):
            problems.append(problem)
    if who in ("data_entry", "manager"):
        for field, values in ADD_FORM_CASES.items():
            for value in values:
                count += 1
                data = {**add_form(world), field: value}
                if problem := answered(client, "post", "/admin/activities/activity/add/", data):
                    problems.append(f"{problem} ({field}={value[:20]})")
        # A list where one value goes, for a text, a choice and a many-to-many field.
        for field in ("title", "activity_type", "thematic_areas"):
            count += 1
            doubled = {**add_form(world), field: ["1", "99999999999999999999"]}
            if problem := answered(client, "post", "/admin/activities/activity/add/", doubled):
                problems.append(f"{problem} ({field} twice)")
    # The import: uploads that are no file, several files, junk; confirmations and new
    # starts of jobs that are not there, not the person's, or not ready.
    own = job_services.create(kind=JobKind.IMPORT_CHECK, owner=make_user(None, username=f"o-{who}"))
    for bad in (*BAD_QUERY_VALUES, ["a", "b"]):
        for url, data in (
            ("/admin/activities/activity/import/", {"file": bad}),
            (f"/admin/activities/activity/import/{world['job'].pk}/confirm/", {"look_alike": bad}),
            (f"/admin/activities/activity/import/{own.pk}/confirm/", {"look_alike": bad}),
            (f"/admin/activities/activity/import/{own.pk}/again/", {"x": bad}),
            (f"/admin/activities/activity/import/{own.pk}/remember/", {"remember": bad}),
            (f"/admin/activities/activity/import/{own.pk}/sheet/", {"sheet": bad}),
            ("/admin/partners/partneralias/add/", {"name": bad, "partner": bad}),
            (f"/admin/activities/activity/import/{bad or 0}/confirm/", {}),
            (f"/jobs/{bad or 0}/status.json", {}),
            ("/activities/export.job", {"format": bad, "query": bad}),
            ("/activities/export.job", {"format": "xlsx", "query": bad}),
            ("/reports/2011/build/", {"format": bad}),
        ):
            count += 1
            if problem := answered(client, "post", url, data):
                problems.append(f"{problem} ({data})")
    if who in ("data_entry", "manager"):
        count += import_cases(client, problems)
    # The sign-in forms and the accounts page's changes, with bad values in each field.
    target = make_user(None, username=f"target-{who}").pk
    for bad in (*BAD_QUERY_VALUES, ["a", "b"]):
        for url, data in (
            ("/accounts/login/", {"username": bad, "password": bad}),
            ("/accounts/password/reset/", {"email": bad}),
            (f"/accounts/staff/{target}/role/", {"role": bad}),
            (f"/accounts/staff/{bad or 0}/deactivate/", {}),
        ):
            count += 1
            if problem := answered(client, "post", url, data):
                problems.append(f"{problem} ({data})")
    tally[who] = count
    assert problems == [], "\n".join(problems[:40])
