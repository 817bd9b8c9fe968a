"""Marker records walked over every surface by every role, as an attacker would walk them.

Each marker record (public, internal, confidential, draft, submitted, a confidential draft
of a data entry user's own, and a record that was confidential before it was made
internal) has a partner, an event and a country of its own, each named by a word found
nowhere else. Every page, lookup, filter, export, API answer and admin page (history and
revert included) is read as each role, and the words found in it must be exactly those
the rule of product.md allows: a leak, or a record missing where it belongs, fails.
"""

import datetime
import io
import re
import time
from collections import Counter

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from rest_framework.test import APIClient

from activities import import_jobs, roles, services, workflow
from activities.models import Activity
from commitments import services as commitment_services
from commitments.models import Commitment, Source
from iati import services as iati_services
from jobs import services as job_services
from jobs.models import Job, JobKind
from network import services as network_services
from network.models import FocalPoint
from partners.models import Partner
from reports.models import AnnualReport, ReportHeading
from tests.factories import (
    ActivityFactory,
    ActivityPartnerFactory,
    EventFactory,
    PartnerFactory,
    ReportSectionFactory,
    ThematicAreaFactory,
    make_user,
)
from unswap import services as unswap_services
from unswap.models import ActivityTag, Indicator

pytestmark = pytest.mark.django_db

# word: (review state, visibility, author, country code, country name)
MARKERS = {
    "Publicmarker": ("approved", "public", "manager", "FR", "France"),
    "Internalmarker": ("approved", "internal", "manager", "NO", "Norway"),
    "Secretmarker": ("approved", "confidential", "manager", "IS", "Iceland"),
    "Draftmarker": ("draft", "internal", "manager", "PT", "Portugal"),
    "Submittedmarker": ("submitted", "public", "entry1", "FI", "Finland"),
    "Ownmarker": ("draft", "confidential", "entry1", "EE", "Estonia"),
    "Declassifiedmarker": ("approved", "internal", "manager", "LV", "Latvia"),
}
# The declassified record's first version: confidential, with a title of its own.
OLD_TITLE = "Classifiedoldtitle"
# entry1's pending change to the internal record: read by entry1 and managers only, and
# shown nowhere else until a manager approves it.
PROPOSAL = "Pendingproposal"
DRAFT_REPORT = "Draftreporttitle"


def partner_of(marker):
    return marker.replace("marker", "partner")


def event_of(marker):
    return marker.replace("marker", "event")


def country_of(marker):
    return MARKERS[marker][4]


ACTIVITY_WORDS = set(MARKERS)
PARTNER_WORDS = {partner_of(m) for m in MARKERS}
EVENT_WORDS = {event_of(m) for m in MARKERS}
COUNTRY_WORDS = {country_of(m) for m in MARKERS}
# A focal point's name and email: internal, for staff in a role on the network's own
# surfaces (admin, staff API) and nowhere else; the public sees counts at most.
FOCAL_WORDS = {"Focalpersonname", "focalmarker@example.org"}


def commitment_of(marker):
    """A commitment with the marker record's review state, visibility and author."""
    return marker.replace("marker", "commit")


COMMITMENT_WORDS = {commitment_of(m) for m in MARKERS}
# Words only a background job of entry1's holds: its upload's row, its result file's rows.
JOB_WORDS = {"Jobuploadmarker", "Jobresultmarker"}


def french_title_of(marker):
    """The word of the marker record's French title (its original is English)."""
    return marker.replace("marker", "titrefr")


def spanish_summary_of(marker):
    return marker.replace("marker", "resumenes")


# A record's translated texts go wherever the record goes, and nowhere else.
TRANSLATED_WORDS = {
    word: marker
    for marker in MARKERS
    for word in (french_title_of(marker), spanish_summary_of(marker))
}
EVERY_WORD = (
    ACTIVITY_WORDS
    | PARTNER_WORDS
    | EVENT_WORDS
    | COUNTRY_WORDS
    | FOCAL_WORDS
    | COMMITMENT_WORDS
    | {OLD_TITLE, PROPOSAL}
    | JOB_WORDS
)

ROLES = ["anonymous", "no_role", "viewer", "staff_viewer", "entry1", "entry2", "manager"]
STAFF = {"staff_viewer", "entry1", "entry2", "manager"}
MEMBERS = {"viewer", "staff_viewer", "entry1", "entry2", "manager"}

APPROVED_SHARED = {"Publicmarker", "Internalmarker", "Declassifiedmarker"}
UNAPPROVED_SHARED = {"Draftmarker", "Submittedmarker"}
# The rule of product.md, written out for the markers.
SEES = {
    "anonymous": {"Publicmarker"},
    "no_role": {"Publicmarker"},
    "viewer": APPROVED_SHARED,
    "staff_viewer": APPROVED_SHARED,
    "entry1": APPROVED_SHARED | UNAPPROVED_SHARED | {"Ownmarker"},
    "entry2": APPROVED_SHARED | UNAPPROVED_SHARED,
    "manager": set(MARKERS),
}


def registry(who, words_of):
    """Partners or events: the whole registry for staff in a role, else those of visible records."""
    markers = MARKERS if who in MEMBERS else SEES[who]
    return {words_of(m) for m in markers}


def words_in(text):
    return {word for word in EVERY_WORD if word in text}


class Walk:
    """Compares what each surface shows with what it may show; gathers every difference."""

    def __init__(self, who):
        self.who = who
        self.problems = []
        self.surfaces = 0

    def shows(self, surface, text, expected, among=EVERY_WORD):
        self.surfaces += 1
        found = words_in(text) & among
        if found != expected:
            self.problems.append(
                f"{surface}: leaks {sorted(found - expected)}, misses {sorted(expected - found)}"
            )
        self.no_translation_leaks(surface, text)

    def no_translation_leaks(self, surface, text):
        """No translated title or summary of a record this reader may not see."""
        leaked = {w for w, m in TRANSLATED_WORDS.items() if w in text and m not in SEES[self.who]}
        if leaked:
            self.problems.append(f"{surface}: leaks the translations {sorted(leaked)}")

    def translations(self, surface, text, markers_seen, of=french_title_of):
        """Exactly the translated texts of `markers_seen` (a page in the reader's language)."""
        self.surfaces += 1
        found = {m for m in MARKERS if of(m) in text}
        if found != set(markers_seen):
            self.problems.append(
                f"{surface}: translations of {sorted(found - set(markers_seen))} shown, "
                f"of {sorted(set(markers_seen) - found)} missing"
            )
        self.no_translation_leaks(surface, text)

    def status(self, surface, response, expected):
        self.surfaces += 1
        codes = expected if isinstance(expected, tuple) else (expected,)
        if response.status_code not in codes:
            self.problems.append(f"{surface}: answered {response.status_code}, not {expected}")


@pytest.fixture
def people():
    return {
        "no_role": make_user(None, username="outsider", is_staff=False),
        "viewer": make_user(roles.VIEWERS, username="reader", is_staff=False),
        "staff_viewer": make_user(roles.VIEWERS, username="staffreader"),
        "entry1": make_user(roles.DATA_ENTRY, username="entry1"),
        "entry2": make_user(roles.DATA_ENTRY, username="entry2"),
        "manager": make_user(roles.MANAGERS, username="head"),
    }


@pytest.fixture
def markers(people):
    area = ThematicAreaFactory(name="Area of the walk", slug="walk-area")
    section = ReportSectionFactory(title="Awareness-raising")
    made = {}
    for word, (state, visibility, author, code, _name) in MARKERS.items():
        partner = PartnerFactory(name=partner_of(word), acronym="", slug=partner_of(word).lower())
        event = EventFactory(name=event_of(word), slug=event_of(word).lower(), organiser=partner)
        first_state = (
            ("approved", "confidential", OLD_TITLE)
            if word == "Declassifiedmarker"
            else (state, visibility, f"{word} meeting")
        )
        activity = ActivityFactory(
            title=first_state[2],
            slug=word.lower(),
            summary=f"Meeting of the walk: {word}.",
            title_fr=f"Réunion {french_title_of(word)}",
            summary_es=f"Reunión del recorrido: {spanish_summary_of(word)}.",
            review_state=first_state[0],
            visibility=first_state[1],
            country=code,
            start_date=datetime.date(2011, 5, 17),
            event=event,
            participants_total=10,
            report_section=section,
            prominence="minor",
            created_by=people[author],
        )
        activity.thematic_areas.add(area)
        ActivityPartnerFactory(activity=activity, partner=partner)
        iati_services.mark_activity(activity=activity, gender_significance=2)
        made[word] = activity
    declassified = made["Declassifiedmarker"]
    declassified.title, declassified.visibility = "Declassifiedmarker meeting", "internal"
    services.save_activity(
        activity=declassified, user=people["manager"], based_on=declassified.version
    )
    internal = made["Internalmarker"]
    proposed = Activity.objects.get(pk=internal.pk)
    proposed.summary = f"{PROPOSAL} summary."
    proposed.title_es = f"{PROPOSAL} título"
    workflow.propose_change(
        activity=internal, user=people["entry1"], proposed=proposed, based_on=internal.version
    )
    report = AnnualReport.objects.create(
        year=2011,
        title=DRAFT_REPORT,
        symbol="CRP/36",
        period_start=datetime.date(2010, 10, 1),
        period_end=datetime.date(2011, 11, 30),
    )
    heading = ReportHeading.objects.create(
        report=report, title="Awareness-raising", network_sentence="{count} focal points."
    )
    heading.sections.add(section)
    # Trained in the confidential record: the link must not name it to those who may not see it.
    focal_point = network_services.appoint(
        name="Focalpersonname Walker",
        email="focalmarker@example.org",
        sex="woman",
        office="Office of the walk",
        country="CL",
        region="americas",
        appointed_on=datetime.date(2011, 1, 1),
    )
    network_services.record_training(
        focal_point=focal_point, title="Induction", activity=made["Secretmarker"]
    )
    # A commitment per marker, overdue (so that the managers' first page lists it), under
    # the same rule; the report counts the published one.
    source = Source.objects.create(title="Measures of the walk", kind="announcement")
    for word, (state, visibility, author, _code, _name) in MARKERS.items():
        commitment_services.save_commitment(
            commitment=Commitment(
                title=f"{commitment_of(word)} measure",
                source=source,
                owner_unit="Unit of the walk",
                announced_on=datetime.date(2011, 3, 8),
                due_on=datetime.date(2011, 6, 30),
                review_state=state,
                visibility=visibility,
                created_by=people[author],
            ),
            user=None,
        )
    heading.commitments_source = source
    heading.commitments_sentence = "{total} measures followed."
    heading.save()
    # Every marker record and commitment is UN-SWAP evidence for capacity development.
    capacity = Indicator.objects.get(number=15)
    for activity in made.values():
        unswap_services.tag_activity(indicator=capacity, activity=activity, user=None)
    for commitment in Commitment.objects.all():
        unswap_services.tag_commitment(indicator=capacity, commitment=commitment, user=None)
    return made


def clients(who, people):
    site, api = Client(), APIClient()
    if who != "anonymous":
        site.force_login(people[who])
        api.force_authenticate(people[who])
    return site, api


def csv_text(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def xlsx_text(response):
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return str(list(sheet.iter_rows(values_only=True)))


def also_shown_with(markers_seen):
    """The activities a surface lists, with their partners, events and countries."""
    return (
        set(markers_seen)
        | {partner_of(m) for m in markers_seen}
        | {event_of(m) for m in markers_seen}
        | {country_of(m) for m in markers_seen}
    )


def walk_site(walk, site, markers):
    who, sees = walk.who, SEES[walk.who]
    countries = {country_of(m) for m in sees}
    listed = sees | countries
    walk.shows("list", site.get("/activities/").content.decode(), listed)
    walk.shows("search", site.get("/activities/?q=walk").content.decode(), listed)
    # In French, each record by its French title; searched in French, by its Spanish summary.
    french = {"HTTP_ACCEPT_LANGUAGE": "fr"}
    walk.translations("list in French", site.get("/activities/", **french).content.decode(), sees)
    found = site.get("/activities/?q=recorrido", **french).content.decode()
    walk.translations("search in French", found, sees)
    walk.translations("csv in French", csv_text(site.get("/activities/export.csv?lang=fr")), sees)
    walk.translations(
        "xlsx in Spanish",
        xlsx_text(site.get("/activities/export.xlsx?lang=es")),
        sees,
        spanish_summary_of,
    )
    walk.shows("area page", site.get("/areas/walk-area/").content.decode(), listed)
    # The charts count approved records; staff see the others only as counts per state.
    approved = {m for m in sees if MARKERS[m][0] == "approved"}
    walk.shows(
        "dashboard", site.get("/?year=2011").content.decode(), {partner_of(m) for m in approved}
    )
    walk.shows("csv", csv_text(site.get("/activities/export.csv")), also_shown_with(sees))
    walk.shows("xlsx", xlsx_text(site.get("/activities/export.xlsx")), also_shown_with(sees))
    # In another language the same rows go out, named otherwise (countries by their French
    # or Spanish names, which the walk's words do not hold).
    named_otherwise = also_shown_with(sees) - countries
    among = EVERY_WORD - {country_of(m) for m in MARKERS}
    walk.shows(
        "csv in French",
        csv_text(site.get("/activities/export.csv?lang=fr")),
        named_otherwise,
        among,
    )
    walk.shows(
        "xlsx in Spanish",
        xlsx_text(site.get("/activities/export.xlsx?lang=es")),
        named_otherwise,
        among,
    )
    # IATI is public by nature: published records only, whoever asks (countries as codes).
    iati = csv_text(site.get("/activities/export.iati.xml"))
    walk.shows("iati xml", iati, {"Publicmarker", partner_of("Publicmarker")})

    partners, events = registry(who, partner_of), registry(who, event_of)
    walk.shows("partner lookup", site.get("/partners/lookup/?q=partner").content.decode(), partners)
    walk.shows("event lookup", site.get("/events/lookup/?q=event").content.decode(), events)

    for word, activity in markers.items():
        page = site.get(f"/activities/{activity.slug}/")
        walk.status(f"activity page {word}", page, 200 if word in sees else 404)
        if word in sees:
            walk.shows(
                f"activity page {word}", page.content.decode(), also_shown_with({word}) | {word}
            )
        page = site.get(f"/activities/{activity.slug}/", HTTP_ACCEPT_LANGUAGE="fr")
        walk.status(f"activity page in French {word}", page, 200 if word in sees else 404)
        walk.translations(
            f"activity page in French {word}",
            page.content.decode(),
            {word} & sees,
        )

        partner = site.get(f"/partners/{partner_of(word).lower()}/")
        walk.status(f"partner page {word}", partner, 200 if partner_of(word) in partners else 404)
        if partner.status_code == 200:
            shown = {partner_of(word)} | ({word, country_of(word)} if word in sees else set())
            walk.shows(f"partner page {word}", partner.content.decode(), shown)

        event = site.get(f"/events/{event_of(word).lower()}/")
        walk.status(f"event page {word}", event, 200 if event_of(word) in events else 404)
        if event.status_code == 200:
            shown = {event_of(word)} | ({word, country_of(word)} if word in sees else set())
            shown |= {partner_of(word)} if partner_of(word) in partners else set()
            walk.shows(f"event page {word}", event.content.decode(), shown)

        # A filter naming a partner one may not know answers as for one that does not exist.
        filtered = site.get(f"/activities/?partner={partner_of(word).lower()}")
        unknown = "Select a valid choice" in filtered.content.decode()
        walk.shows(
            f"partner filter {word}",
            filtered.content.decode(),
            ({word} if word in sees else set()) | countries,
            among=ACTIVITY_WORDS | COUNTRY_WORDS,
        )
        if unknown == (partner_of(word) in partners):
            walk.problems.append(f"partner filter {word}: known={not unknown}")

    report = site.get("/reports/2011/")
    walk.status("draft report", report, 200 if who == "manager" else 404)
    if who == "manager":
        # The report itself; the completeness check beside it names every record of the
        # period, for the managers who may see them all.
        body = report.content.decode().split("<!-- report -->")[1].split("<!-- /report -->")[0]
        walk.shows("draft report", body, {"Publicmarker"}, ACTIVITY_WORDS | FOCAL_WORDS)
        if "1 focal points. 1 measures followed." not in body:
            walk.problems.append("draft report: the network's or commitments' sentence is missing")
        export = site.get("/reports/2011/export.html").content.decode()
        walk.shows("report export", export, {"Publicmarker"}, ACTIVITY_WORDS | FOCAL_WORDS)
    # Issuing a corrected version is the managers' alone, whatever the year asked.
    for year in (2011, 1999):
        corrected = site.post(f"/reports/{year}/correct/")
        if who == "manager":
            walk.status(f"correct report {year}", corrected, 302 if year == 2011 else 404)
        elif corrected.status_code != 403:
            walk.problems.append(f"correct report {year}: {corrected.status_code} for {who}")

    # The network's page: counts for staff in a role, never a name.
    network = site.get("/network/?on=2011-11-30")
    walk.status(
        "network page", network, 200 if who in MEMBERS else (302 if who == "anonymous" else 403)
    )
    walk.shows("network page", network.content.decode(), set())


def walk_api(walk, api, markers):
    who, sees = walk.who, SEES[walk.who]
    listed = api.get("/api/activities/?page_size=100").content.decode()
    walk.translations("api list, French titles", listed, sees)
    walk.translations("api list, Spanish summaries", listed, sees, spanish_summary_of)
    walk.shows(
        "api list",
        listed,
        sees | {partner_of(m) for m in sees} | {event_of(m) for m in sees},
        EVERY_WORD - COUNTRY_WORDS,
    )
    partners, events = registry(who, partner_of), registry(who, event_of)
    walk.shows("api partners", api.get("/api/partners/?page_size=100").content.decode(), partners)
    organisers = {partner_of(m) for m in MARKERS if event_of(m) in events} & partners
    walk.shows(
        "api events", api.get("/api/events/?page_size=100").content.decode(), events | organisers
    )
    for word, activity in markers.items():
        walk.status(
            f"api activity {word}",
            api.get(f"/api/activities/{activity.slug}/"),
            200 if word in sees else 404,
        )
        walk.status(
            f"api partner {word}",
            api.get(f"/api/partners/{partner_of(word).lower()}/"),
            200 if partner_of(word) in partners else 404,
        )
        walk.status(
            f"api event {word}",
            api.get(f"/api/events/{event_of(word).lower()}/"),
            200 if event_of(word) in events else 404,
        )
        walk.status(
            f"api partner filter {word}",
            api.get(f"/api/activities/?partner={partner_of(word).lower()}"),
            200 if partner_of(word) in partners else 400,
        )
        pending = api.get(f"/api/activities/{activity.slug}/pending/")
        reads_proposal = word == "Internalmarker" and who in {"entry1", "manager"}
        walk.status(f"api pending {word}", pending, 200 if reads_proposal else 404)
        if reads_proposal:
            walk.shows(f"api pending {word}", pending.content.decode(), {PROPOSAL}, {PROPOSAL})
        if who != "manager":
            before = Activity.objects.values_list("review_state", "version").get(pk=activity.pk)
            moved = api.post(f"/api/activities/{activity.slug}/approve/")
            if word not in sees:
                # As for a record that does not exist: nothing is confirmed.
                nothing = api.post("/api/activities/no-such-record/approve/")
                walk.status(f"api approve {word}", moved, nothing.status_code)
            else:
                walk.status(f"api approve {word}", moved, (401, 403))
            after = Activity.objects.values_list("review_state", "version").get(pk=activity.pk)
            if after != before:
                walk.problems.append(f"api approve {word}: a refused move changed the record")
        walk.status(
            f"api country filter {word}",
            api.get(f"/api/activities/?country={MARKERS[word][3]}"),
            200 if word in sees else 400,
        )


def walk_network_api(walk, api):
    """Focal points on the API: staff in a role read them, nobody else learns a name."""
    who = walk.who
    focal_point = FocalPoint.objects.get()
    refused = 403 if who != "anonymous" else (401, 403)
    for surface, url in [
        ("api focal points", "/api/focal-points/"),
        ("api focal point", f"/api/focal-points/{focal_point.pk}/"),
    ]:
        response = api.get(url)
        walk.status(surface, response, 200 if who in MEMBERS else refused)
        walk.shows(surface, response.content.decode(), FOCAL_WORDS if who in MEMBERS else set())


def walk_commitments(walk, site, api):
    """Commitments everywhere they are shown: the API, the admin, the managers' first page."""
    who, sees = walk.who, SEES[walk.who]
    seen = {commitment_of(m) for m in sees}
    listed = api.get("/api/commitments/?page_size=100")
    walk.shows("api commitments", listed.content.decode(), seen, COMMITMENT_WORDS)
    for commitment in Commitment.objects.all():
        word = commitment.title.removesuffix(" measure")
        walk.status(
            f"api commitment {word}",
            api.get(f"/api/commitments/{commitment.pk}/"),
            200 if word in seen else 404,
        )
        if who in STAFF:
            change = site.get(f"/admin/commitments/commitment/{commitment.pk}/change/")
            walk.status(f"admin commitment {word}", change, 200 if word in seen else 404)
    base = "/admin/commitments/commitment/"
    if who not in STAFF:
        walk.status("admin commitments", site.get(base), 302)
        return
    walk.shows("admin commitments", site.get(base).content.decode(), seen, COMMITMENT_WORDS)
    # Overdue ones are listed on the managers' first page only.
    index = site.get("/admin/").content.decode()
    walk.shows("admin index", index, seen if who == "manager" else set(), COMMITMENT_WORDS)


def walk_unswap(walk, site, markers):
    """The UN-SWAP evidence page and its export: staff in a role, each seeing what they may."""
    who, sees = walk.who, SEES[walk.who]
    expected = set(sees) | {commitment_of(m) for m in sees}
    among = ACTIVITY_WORDS | COMMITMENT_WORDS | FOCAL_WORDS
    page = site.get("/unswap/2011/")
    export = site.get("/unswap/2011/export.xlsx")
    allowed = 200 if who in MEMBERS else (302 if who == "anonymous" else 403)
    walk.status("unswap page", page, allowed)
    walk.status("unswap xlsx", export, allowed)
    if who in MEMBERS:
        walk.shows("unswap page", page.content.decode(), expected, among)
        walk.shows("unswap xlsx", xlsx_text(export), expected, among)
    # Tagging a record one may not see: as for one that does not exist, and nothing stored.
    hidden = [word for word in MARKERS if word not in sees]
    for word in hidden:
        before = ActivityTag.objects.count()
        posted = site.post("/unswap/2011/tag/", {"indicator": "16", "activity": markers[word].pk})
        refused = 404 if who in {"entry1", "entry2", "manager"} else (302, 403)
        walk.status(f"unswap tag {word}", posted, refused)
        if ActivityTag.objects.count() != before:
            walk.problems.append(f"unswap tag {word}: a refused tag was stored")


def walk_partner_years(walk, site):
    """Partners by year: staff in a role, counting the records each may see."""
    who, sees = walk.who, SEES[walk.who]
    allowed = 200 if who in MEMBERS else (302 if who == "anonymous" else 403)
    page = site.get("/partners-by-year/")
    export = site.get("/partners-by-year/export.xlsx")
    walk.status("partners by year", page, allowed)
    walk.status("partners by year xlsx", export, allowed)
    if who in MEMBERS:
        partners = {partner_of(m) for m in sees}
        walk.shows("partners by year", page.content.decode(), partners, PARTNER_WORDS)
        walk.shows("partners by year xlsx", xlsx_text(export), partners, PARTNER_WORDS)


def walk_network_admin(walk, site):
    """The network in the admin: staff in a role read it; a linked record stays under the rule."""
    who = walk.who
    focal_point = FocalPoint.objects.get()
    base = "/admin/network/focalpoint/"
    if who not in STAFF:
        walk.status("admin focal points", site.get(base), 302)
        return
    # The list and the history name the person; the email is on the form.
    name = {"Focalpersonname"}
    walk.shows("admin focal points", site.get(base).content.decode(), name, FOCAL_WORDS)
    change = site.get(f"{base}{focal_point.pk}/change/")
    walk.status("admin focal point", change, 200)
    linked = {"Secretmarker"} if who == "manager" else set()
    # (The form's country box lists every country: only records and people count here.)
    walk.shows(
        "admin focal point",
        change.content.decode(),
        FOCAL_WORDS | linked,
        FOCAL_WORDS | ACTIVITY_WORDS,
    )
    history = site.get(f"{base}{focal_point.pk}/history/")
    walk.shows("admin focal point history", history.content.decode(), name, FOCAL_WORDS)


def version_visible(who, word, version, people):
    """A past version by the rule: the record visible, and the version too as it stood."""
    if word not in SEES[who]:
        return False
    return (
        who == "manager"
        or version.visibility != "confidential"
        or version.created_by_id == people[who].pk
    )


def walk_admin(walk, site, markers, people):
    who, sees = walk.who, SEES[walk.who]
    if who not in STAFF:
        response = site.get("/admin/activities/activity/")
        walk.status("admin changelist", response, 302)
        walk.shows("admin changelist", response.content.decode(), set())
        return
    countries = {country_of(m) for m in sees}
    base = "/admin/activities/activity/"
    walk.shows("admin changelist", site.get(base).content.decode(), sees | countries)
    walk.shows("admin search", site.get(f"{base}?q=walk").content.decode(), sees | countries)
    walk.shows(
        "admin raw-id popup",
        site.get(f"{base}?_popup=1&_to_field=id").content.decode(),
        sees | countries,
    )
    partners, events = registry(who, partner_of), registry(who, event_of)
    walk.shows("admin partners", site.get("/admin/partners/partner/").content.decode(), partners)
    walk.shows(
        "admin events",
        site.get("/admin/activities/event/").content.decode(),
        events | partners,
        PARTNER_WORDS | EVENT_WORDS,
    )
    autocomplete = site.get(
        "/admin/autocomplete/",
        {
            "app_label": "activities",
            "model_name": "activity",
            "field_name": "event",
            "term": "event",
        },
    )
    walk.shows("admin event autocomplete", autocomplete.content.decode(), events)
    markers_list = site.get("/admin/iati/activitymarker/")
    reads_markers = who in {"staff_viewer", "manager"}
    walk.status("admin gender markers", markers_list, 200 if reads_markers else 403)
    if reads_markers:
        walk.shows("admin gender markers", markers_list.content.decode(), sees, ACTIVITY_WORDS)
    reports = site.get("/admin/reports/annualreport/").content.decode()
    walk.shows("admin reports", reports, set(), EVERY_WORD)
    if (DRAFT_REPORT in reports) != (who == "manager"):
        walk.problems.append("admin reports: the draft report is shown to the wrong people")
    draft_report = AnnualReport.objects.get(year=2011)
    walk.status(
        "admin draft report",
        site.get(f"/admin/reports/annualreport/{draft_report.pk}/change/"),
        200 if who == "manager" else 404,
    )
    # Starting a report from another shows the reports' titles: the managers' page alone.
    for start in (
        "/admin/reports/annualreport/start/",
        f"/admin/reports/annualreport/{draft_report.pk}/start-from/",
    ):
        page = site.get(start)
        if who == "manager":
            walk.status("admin start a report", page, 200)
            walk.shows("admin start a report", page.content.decode(), set(), EVERY_WORD)
        elif page.status_code not in (302, 403, 404) or DRAFT_REPORT in page.content.decode():
            walk.problems.append(f"admin start a report: {page.status_code} for {who}")

    can_change = who in {"entry1", "entry2", "manager"}
    for word, activity in markers.items():
        url = f"{base}{activity.pk}/"
        visible = word in sees
        change = site.get(f"{url}change/")
        walk.status(f"admin change {word}", change, 200 if visible else 404)
        if visible:
            editing = word == "Internalmarker" and who == "entry1"  # the form shows the proposal
            walk.shows(
                f"admin change {word}",
                change.content.decode(),
                {word} | ({PROPOSAL} if editing else set()),
                ACTIVITY_WORDS | {PROPOSAL},
            )
        review = site.get(f"{url}review/")
        walk.status(f"admin review {word}", review, 200 if visible else 404)
        if visible:
            reads = word == "Internalmarker" and who in {"entry1", "manager"}
            walk.shows(
                f"admin review {word}",
                review.content.decode(),
                {word} | ({PROPOSAL} if reads else set()),
                ACTIVITY_WORDS | {PROPOSAL},
            )
        walk.status(
            f"admin delete {word}",
            site.get(f"{url}delete/"),
            (200 if who == "manager" else 403) if visible else 404,
        )
        history = site.get(f"{url}history/")
        walk.status(f"admin history {word}", history, 200 if visible else 404)
        if visible:
            old = {OLD_TITLE} if word == "Declassifiedmarker" and who == "manager" else set()
            walk.shows(
                f"admin history {word}",
                history.content.decode(),
                {word} | old,
                ACTIVITY_WORDS | {OLD_TITLE},
            )
        for version in Activity.history.filter(id=activity.pk):
            page = site.get(f"{url}history/{version.history_id}/")
            walk.status(
                f"admin version {word}",
                page,
                200 if version_visible(who, word, version, people) else 404,
            )

    # Reverting to a version one may not read, or without the right to change: refused,
    # and the record stays as it was.
    for word, activity in markers.items():
        url = f"{base}{activity.pk}/history/"
        for version in Activity.history.filter(id=activity.pk):
            allowed = version_visible(who, word, version, people)
            if allowed and can_change:
                continue
            before = Activity.objects.values_list("version", "visibility").get(pk=activity.pk)
            posted = site.post(
                f"{url}{version.history_id}/", {"title": "Reverted", "visibility": "public"}
            )
            walk.status(f"admin revert {word}", posted, 403 if allowed else 404)
            after = Activity.objects.values_list("version", "visibility").get(pk=activity.pk)
            if after != before:
                walk.problems.append(f"admin revert {word}: a refused revert changed the record")

    # An action on records one may not see does nothing to them.
    hidden = [a.pk for w, a in markers.items() if w not in sees]
    if hidden and can_change:
        site.post(base, {"action": "submit_for_review", "_selected_action": hidden})
        for word, activity in markers.items():
            if word not in sees:
                stored = Activity.objects.get(pk=activity.pk)
                if stored.review_state != MARKERS[word][0]:
                    walk.problems.append(f"admin action: changed the hidden {word}")
    walk.status(
        "admin deleted activities",
        site.get(f"{base}deleted/"),
        200 if who == "manager" else 403,
    )


def walk_accounts(walk, site, people):
    """The accounts page and its changes: managers only; a refused change changes nothing."""
    page = site.get("/accounts/staff/")
    walk.status("accounts page", page, 200 if walk.who == "manager" else (302, 403))
    walk.shows("accounts page", page.content.decode(), set())
    listed = "staffreader" in page.content.decode()
    if listed != (walk.who == "manager"):
        walk.problems.append("accounts page: the list of accounts is shown to the wrong people")
    target = people["no_role"]
    for action, data in (("role", {"role": roles.MANAGERS}), ("deactivate", {})):
        response = site.post(f"/accounts/staff/{target.pk}/{action}/", data)
        if walk.who != "manager":
            walk.status(f"accounts {action}", response, (302, 403))
    target.refresh_from_db()
    changed = target.groups.exists() or not target.is_active
    if changed != (walk.who == "manager"):
        walk.problems.append("accounts: a change was made, or refused, for the wrong people")
    walk.status(
        "second factor page", site.get("/accounts/2fa/"), 302 if walk.who == "anonymous" else 200
    )


def walk_jobs(walk, site, people):
    """entry1's jobs (a checked upload, an export's result): entry1's alone. Anyone else
    gets the 404 of a job that never was (or the admin's own refusal), and no word of them."""
    owner = people["entry1"]
    upload = ContentFile(b"Title,Type,Summary,Start date\nJobuploadmarker,Training,S,17/05/2011\n")
    check = import_jobs.start_check(
        user=owner,
        upload=upload,
        filename="log.csv",
        language="en",
        page=lambda job: reverse("admin:activities_activity_import_job", args=[job.pk]),
    )
    export = job_services.create(kind=JobKind.EXPORT, owner=owner)
    job_services.finish(export, {}, result=ContentFile(b"Jobresultmarker"), result_name="l.csv")
    mine = walk.who == "entry1"
    for name in ("detail", "status", "download"):
        for job in (check, export):
            response = site.get(reverse(f"jobs:{name}", args=[job.pk]))
            if name == "download" and job is check:
                walk.status(f"job {name}", response, 404)  # a check makes no file to download
                continue
            walk.status(f"job {name}", response, 200 if mine else 404)
            text = b"".join(response.streaming_content) if response.streaming else response.content
            expected = {"Jobresultmarker"} if mine and name == "download" else set()
            walk.shows(f"job {name}", text.decode(), expected, among=JOB_WORDS)
    admin_page = reverse("admin:activities_activity_import_job", args=[check.pk])
    confirm = reverse("admin:activities_activity_import_confirm", args=[check.pk])
    again = reverse("admin:activities_activity_import_again", args=[check.pk])
    refused = {"entry2": 404, "manager": 404, "staff_viewer": 403}.get(walk.who, 302)
    response = site.get(admin_page)
    walk.status("import job page", response, 200 if mine else refused)
    walk.shows(
        "import job page",
        response.content.decode(),
        {"Jobuploadmarker"} if mine else set(),
        JOB_WORDS,
    )
    # The preview's other actions: remembering a name, reading another sheet, the wrong
    # rows handed back; none reaches someone else's upload.
    remember = reverse("admin:activities_activity_import_remember", args=[check.pk])
    sheet = reverse("admin:activities_activity_import_sheet", args=[check.pk])
    rest = reverse("admin:activities_activity_import_rest", args=[check.pk])
    handed = site.get(rest)
    walk.status("import rows to correct", handed, 200 if mine else refused)
    if mine:
        text = xlsx_text(handed)
    else:
        text = (b"".join(handed.streaming_content) if handed.streaming else handed.content).decode()
    walk.shows(
        "import rows to correct",
        text,
        {"Jobuploadmarker"} if mine else set(),
        JOB_WORDS,
    )
    if not mine:
        for url in (confirm, again, sheet):
            walk.status("import job post", site.post(url), refused)
        partner = Partner.objects.first()
        walk.status(
            "import remember post",
            site.post(remember, {"remember": f"{partner.pk}|Jobalias"}),
            refused,
        )
        walk.surfaces += 1
        if Job.objects.filter(source=check).exists():
            walk.problems.append("import job post: someone else's checked upload was imported")


def walk_import(walk, site, people):
    """The import's preview names as look-alikes only the records one may see; the closest
    partners it offers and the aliases' list are the registry, whole for staff in a role."""
    from partners.models import PartnerAlias

    who = walk.who
    if not PartnerAlias.objects.exists():
        for word in MARKERS:
            PartnerAlias.objects.create(
                partner=Partner.objects.get(name=partner_of(word)),
                name=f"{word[:4]} alias",
                key=f"{word[:4].lower()}alias",
                created_by=people["manager"],
            )
    aliases = site.get("/admin/partners/partneralias/")
    if who in STAFF:
        walk.status("admin partner aliases", aliases, 200)
        walk.shows("admin partner aliases", aliases.content.decode(), registry(who, partner_of))
    else:
        walk.status("admin partner aliases", aliases, 302)
    kind = Activity.objects.get(slug="publicmarker").activity_type.name
    header = "Title,Type,Summary,Start date,Partners and roles\n"
    # A row per marker record's title (a look-alike of it), and one per partner misspelt.
    rows = "".join(f"{word} meeting,{kind},A row.,17/05/2011,\n" for word in MARKERS)
    rows += "".join(
        f"Walk row {n},{kind},A row.,17/05/2012,{partner_of(word)[:-1]}\n"
        for n, word in enumerate(MARKERS)
    )
    upload = io.BytesIO((header + rows).encode())
    upload.name = "walk.csv"
    response = site.post("/admin/activities/activity/import/", {"file": upload}, follow=True)
    if who not in {"entry1", "entry2", "manager"}:
        walk.status("import preview", response, (200, 403))
        if "result" in (response.context or {}):
            walk.problems.append(f"import preview: shown to {who}")
        return
    walk.status("import preview", response, 200)
    result = response.context["result"]
    named = " ".join(other.title for row in result.rows for other in row.look_alikes)
    walk.shows("import look-alikes", named, SEES[who], ACTIVITY_WORDS)
    offered = " ".join(str(p) for entry in result.unknown for p in entry.closest)
    walk.shows("import closest partners", offered, registry(who, partner_of), PARTNER_WORDS)


@pytest.fixture(scope="module")
def tally(request):
    counts, started = Counter(), time.monotonic()
    yield counts
    plugins = request.config.pluginmanager
    runs = ", ".join(f"{who} {count}" for who, count in counts.items())
    with plugins.get_plugin("capturemanager").global_and_fixture_disabled():
        plugins.get_plugin("terminalreporter").write_line(
            f"\nAdversarial walk: {sum(counts.values())} surface checks ({runs}) "
            f"in {time.monotonic() - started:.0f} s"
        )


@pytest.mark.parametrize("who", ROLES)
def test_every_marker_appears_exactly_where_the_rule_allows(who, markers, people, tally):
    site, api = clients(who, people)
    walk = Walk(who)
    walk_site(walk, site, markers)
    walk_api(walk, api, markers)
    walk_admin(walk, site, markers, people)
    walk_accounts(walk, site, people)
    walk_network_api(walk, api)
    walk_network_admin(walk, site)
    walk_commitments(walk, site, api)
    walk_unswap(walk, site, markers)
    walk_partner_years(walk, site)
    walk_jobs(walk, site, people)
    walk_import(walk, site, people)
    tally[who] = walk.surfaces
    assert walk.problems == [], "\n".join(walk.problems)


def test_the_rule_the_walk_expects_is_the_rule_the_code_applies(markers, people):
    from django.contrib.auth.models import AnonymousUser

    for who in ROLES:
        user = AnonymousUser() if who == "anonymous" else people[who]
        titles = Activity.objects.visible_to(user).values_list("title", flat=True)
        assert {re.sub(" meeting$", "", t) for t in titles} == SEES[who], who
