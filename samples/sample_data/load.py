"""Load the 2011 sample records; loading twice changes nothing.

A sample record that someone has changed (or deleted) since it was loaded is left as they
made it: `make run` loads the samples on every start, and must never undo a user's work,
least of all make a record they made confidential public again. A record is the loader's
to update only while its last history entry is the loader's and it still holds what the
loader wrote. Records without a history (types, report sections) are only ever created.
"""

import datetime
from collections import Counter
from datetime import date

from django.db import transaction
from django.utils import timezone

from activities import languages, services
from activities.models import (
    Activity,
    ActivityType,
    Event,
    Initiative,
    ReportSection,
    ReviewState,
    ThematicArea,
    Visibility,
)
from commitments.models import Commitment, ProgressUpdate, Source
from network.models import FocalPoint, Training
from partners.models import Partner
from reports import services as report_services
from reports.models import AnnualReport, InitiativeText, ReportHeading, in_report_language
from samples.sample_data import commitments_2011, network_2011
from samples.sample_data import gcu_2011 as data
from samples.sample_data import names_2011 as names
from samples.sample_data.iati_2011 import load_area_mappings

CHANGE_REASON = "Loaded from the 2011 sample records"


def _date(text):
    return date.fromisoformat(text) if text else None


def _same(obj, field, value):
    current = getattr(obj, field)
    if field == "country":
        return str(current or "") == (value or "")
    return current == value


def has_history(model):
    return hasattr(model._meta, "simple_history_manager_attribute")


def untouched_since_loading(obj, fields):
    """Whether `obj` is as the loader last wrote it: its last entry is the loader's, and current."""
    if not has_history(type(obj)):
        return False
    last = obj.history.first()
    if last is None or last.history_change_reason != CHANGE_REASON:
        return False
    return all(
        getattr(obj, field.attname) == getattr(last, field.attname)
        for field in type(obj)._meta.concrete_fields
        if field.name in fields
    )


def deleted_since_loading(model, lookup):
    """A sample record someone deleted stays deleted."""
    return has_history(model) and model.history.filter(**lookup, history_type="-").exists()


def upsert(model, counter, lookup, values):
    """Create the record, or update the fields that differ if nobody has changed it since.

    Returns the record, or None when it was deleted since it was loaded.
    """
    label = model._meta.verbose_name_plural
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        if deleted_since_loading(model, lookup):
            counter[f"{label} deleted since loading, left deleted"] += 1
            return None
        obj = model(**lookup, **values)
        outcome = "created"
    else:
        changed = {k: v for k, v in values.items() if not _same(obj, k, v)}
        if not changed:
            counter[f"{label} unchanged"] += 1
            return obj
        if not untouched_since_loading(obj, values):
            counter[f"{label} changed since loading, kept as they are"] += 1
            return obj
        for field, value in changed.items():
            setattr(obj, field, value)
        outcome = "updated"
    # The database enforces the unique values and constraints; clean() still normalises.
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj._change_reason = CHANGE_REASON
    obj.save()
    counter[f"{label} {outcome}"] += 1
    return obj


def other_languages(field, table, slug):
    """The French and Spanish forms of a registry's `field` (names_2011.py), if any."""
    if slug not in table:
        return {}
    french, spanish = table[slug]
    return {f"{field}_fr": french, f"{field}_es": spanish}


def partner_languages(slug, acronym):
    if slug not in names.PARTNERS:
        return {}
    (name_fr, acronym_fr), (name_es, acronym_es) = names.PARTNERS[slug]
    return {
        "name_fr": name_fr,
        "name_es": name_es,
        "acronym_fr": acronym if acronym_fr is None else acronym_fr,
        "acronym_es": acronym if acronym_es is None else acronym_es,
    }


@transaction.atomic
def load_2011():
    """Load every record of the 2011 report; returns counts of what was created or updated."""
    counter = Counter()
    sections = {
        slug: upsert(
            ReportSection,
            counter,
            {"slug": slug},
            {"title": title, "order": order, **other_languages("title", names.SECTIONS, slug)},
        )
        for slug, title, order in data.SECTIONS
    }
    areas = {}
    for slug, name, parent, order in data.THEMATIC_AREAS:
        values = {
            "name": name,
            "parent": areas.get(parent),
            "order": order,
            **other_languages("name", names.THEMATIC_AREAS, slug),
        }
        areas[slug] = upsert(ThematicArea, counter, {"slug": slug}, values)
    types = {
        slug: upsert(
            ActivityType,
            counter,
            {"slug": slug},
            {"name": name, **other_languages("name", names.ACTIVITY_TYPES, slug)},
        )
        for slug, name in data.ACTIVITY_TYPES
    }
    partners = {}
    for slug, name, acronym, kind, parent in data.PARTNERS:
        values = {
            "name": name,
            "acronym": acronym,
            "kind": kind,
            "parent": partners.get(parent),
            **partner_languages(slug, acronym),
        }
        partners[slug] = upsert(Partner, counter, {"slug": slug}, values)
    events = {}
    for spec in data.EVENTS:
        start, end, precision = spec.get("dates", (None, None, "day"))
        values = {
            "name": spec["name"],
            "kind": spec["kind"],
            "series": events.get(spec.get("series")),
            "edition": spec.get("edition", ""),
            "start_date": _date(start),
            "end_date": _date(end),
            "date_precision": precision,
            "city": spec.get("city", ""),
            "country": spec.get("country", ""),
            "organiser": partners.get(spec.get("organiser")),
            **other_languages("name", names.EVENTS, spec["slug"]),
        }
        events[spec["slug"]] = upsert(Event, counter, {"slug": spec["slug"]}, values)
    initiatives = {
        spec["slug"]: upsert(
            Initiative,
            counter,
            {"slug": spec["slug"]},
            {
                "title": spec["title"],
                "cumulative_label": spec.get("cumulative_label", ""),
                **other_languages("title", names.INITIATIVES, spec["slug"]),
            },
        )
        for spec in data.INITIATIVES
    }
    load_area_mappings(counter, areas)
    for spec in data.ACTIVITIES:
        _load_activity(spec, counter, sections, areas, types, partners, events, initiatives)
    _load_network(counter)
    _load_commitments(counter)
    _load_report(counter, sections, initiatives)
    return counter


def _load_commitments(counter):
    """The commitments the Unit followed, with a few progress updates and their evidence."""
    data_ = commitments_2011
    sources = {
        title: upsert(Source, counter, {"title": title}, {"kind": kind, "announced_on": _date(day)})
        for title, kind, day in data_.SOURCES
    }
    commitments = {}
    for source, title, owner, due, status, progress, visibility in data_.COMMITMENTS:
        if sources[source] is None:
            continue
        values = {
            "owner_unit": owner,
            "announced_on": sources[source].announced_on,
            "due_on": _date(due),
            "status": status,
            "progress": progress,
            "review_state": ReviewState.APPROVED,
            "visibility": visibility,
        }
        commitments[title] = upsert(
            Commitment, counter, {"title": title, "source": sources[source]}, values
        )
    for title, day, text, evidence in data_.UPDATES:
        commitment = commitments.get(title)
        if commitment is None:
            continue
        update = upsert(
            ProgressUpdate,
            counter,
            {"commitment": commitment, "text": text},
            {"written_on": _date(day)},
        )
        if update is not None and not update.evidence.exists():
            update.evidence.set(Activity.objects.filter(slug__in=evidence))
    return sources


def _load_network(counter):
    """The focal point network as it stood over 2011, with the trainings of new members."""
    activity = Activity.objects.filter(slug=network_2011.TRAINING_ACTIVITY).first()
    for spec in network_2011.focal_points():
        values = {k: v for k, v in spec.items() if k not in ("email", "trained")}
        focal_point = upsert(FocalPoint, counter, {"email": spec["email"]}, values)
        if focal_point is not None and spec["trained"]:
            upsert(
                Training,
                counter,
                {"focal_point": focal_point, "title": network_2011.TRAINING},
                {"received_on": spec["appointed_on"], "activity": activity},
            )


def _load_report(counter, sections, initiatives):
    """The 2011 report with its layout, issued, so that anyone may read it.

    A report someone has reopened or changed since it was loaded is left as they made it.
    """
    spec = data.REPORT
    start, end = spec["period"]
    values = {
        "title": spec["title"],
        "symbol": spec["symbol"],
        "period_start": _date(start),
        "period_end": _date(end),
        "introduction": spec["introduction"],
        "reach_sentence": spec["reach_sentence"],
        "show_period": False,
        "checked_texts": ["introduction"],
    }
    for sentence in ("areas_sentence", "others_sentence"):
        if sentence in spec:
            values[sentence] = spec[sentence]
    report = upsert(AnnualReport, counter, {"year": spec["year"]}, values)
    if report is None:
        return None
    if not report.is_final:
        # The report's own paragraph for each initiative: its words belong to this report.
        for item in data.INITIATIVES:
            text, created = InitiativeText.objects.get_or_create(
                report=report,
                initiative=initiatives[item["slug"]],
                defaults={"text": item["summary"], "checked": True},
            )
            counter["initiative paragraphs created"] += created
    if not report.headings.exists():
        for order, (slug, title, _order) in enumerate(data.SECTIONS, start=1):
            # The network's heading states its size (reports/figure_sentences.py).
            network = (
                in_report_language("network_sentence") if slug == "focal-point-network" else ""
            )
            # The nine measures are followed as commitments, but the 2011 paper says only
            # that they are monitored: it states no count by status, so neither does the
            # sample's issue (a later year's heading may, tests/commitments).
            heading = ReportHeading.objects.create(
                report=report,
                order=order * 10,
                title=title,
                network_sentence=network,
            )
            heading.sections.add(sections[slug])
        counter["report headings created"] += len(data.SECTIONS)
    if not report.is_final and untouched_since_loading(report, values):
        # Issued when its period closed, not on the day the sample is loaded.
        issued = timezone.make_aware(datetime.datetime.fromisoformat(spec["issued"]))
        report_services.mark_final(report=report, user=None, at=issued)
        counter["reports issued"] += 1
    return report


def _load_activity(spec, counter, sections, areas, types, partners, events, initiatives):
    """One activity with its areas, partner roles and outputs, as one change of its history."""
    start, end, precision = spec["dates"]
    total, women, men = spec.get("participants", (None, None, None))
    values = {
        "title": spec["title"],
        "summary": spec["summary"],
        # Written in English; some also carry their title and summary in French or Spanish.
        **{name: spec.get(name, "") for name in languages.translated_fields()},
        "activity_type": types[spec["type"]],
        "start_date": _date(start),
        "end_date": _date(end),
        "date_precision": precision,
        "city": spec.get("city", ""),
        "country": spec.get("country", ""),
        "event": events.get(spec.get("event")),
        "initiative": initiatives.get(spec.get("initiative")),
        "participants_total": total,
        "participants_women": women,
        "participants_men": men,
        "report_section": sections[spec["section"]],
        "prominence": spec["prominence"],
        "report_order": spec["order"],
        "status": spec.get("status", "completed"),
        "review_state": ReviewState.APPROVED,
        "visibility": Visibility.PUBLIC,
    }
    wanted_areas = {areas[slug].pk for slug in spec.get("areas", [])}
    wanted_roles = {(partners[slug], role) for slug, role in spec.get("partners", [])}
    wanted_outputs = [{"title": o["title"], "kind": o["kind"]} for o in spec.get("outputs", [])]
    lookup = {"slug": spec["slug"]}

    activity = Activity.objects.filter(**lookup).first()
    if activity is None:
        if deleted_since_loading(Activity, lookup):
            counter["activities deleted since loading, left deleted"] += 1
            return
        activity, based_on, outcome = Activity(**lookup), None, "created"
    else:
        stored_areas = set(activity.thematic_areas.values_list("pk", flat=True))
        stored_roles = {(r.partner, r.role) for r in activity.roles.select_related("partner")}
        stored_outputs = sorted(activity.outputs.values_list("title", "kind"))
        fields_differ = any(not _same(activity, k, v) for k, v in values.items())
        if (
            not fields_differ
            and stored_areas == wanted_areas
            and stored_roles == wanted_roles
            and stored_outputs == sorted((o["title"], o["kind"]) for o in wanted_outputs)
        ):
            counter["activities unchanged"] += 1
            return
        if not untouched_since_loading(activity, values):
            counter["activities changed since loading, kept as they are"] += 1
            return
        based_on, outcome = activity.version, "updated"
    for field, value in values.items():
        setattr(activity, field, value)
    activity.full_clean(validate_unique=False, validate_constraints=False)
    services.save_activity(
        activity=activity,
        user=None,
        based_on=based_on,
        areas=wanted_areas,
        roles=sorted(wanted_roles, key=lambda pair: (pair[0].pk, pair[1])),
        outputs=wanted_outputs,
        reason=CHANGE_REASON,
    )
    counter[f"activities {outcome}"] += 1
