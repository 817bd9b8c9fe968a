"""Load the 2011 sample records; loading twice changes nothing."""

from collections import Counter
from datetime import date

from django.db import transaction

from activities.models import (
    Activity,
    ActivityPartner,
    ActivityType,
    Event,
    Initiative,
    Output,
    ReviewState,
    ThematicArea,
    Visibility,
)
from activities.sample_data import gcu_2011 as data
from partners.models import Partner
from reports.models import AnnualReport, ReportSection

CHANGE_REASON = "Loaded from the 2011 sample records"


def _date(text):
    return date.fromisoformat(text) if text else None


def _same(obj, field, value):
    current = getattr(obj, field)
    if field == "country":
        return str(current or "") == (value or "")
    return current == value


def upsert(model, counter, lookup, values):
    """Create the record, or update the fields that differ; an unchanged record is not saved."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        outcome = "created"
    else:
        changed = {k: v for k, v in values.items() if not _same(obj, k, v)}
        if not changed:
            counter[f"{model._meta.verbose_name_plural} unchanged"] += 1
            return obj
        for field, value in changed.items():
            setattr(obj, field, value)
        outcome = "updated"
    obj.full_clean()
    obj._change_reason = CHANGE_REASON
    obj.save()
    counter[f"{model._meta.verbose_name_plural} {outcome}"] += 1
    return obj


@transaction.atomic
def load_2011():
    """Load every record of the 2011 report; returns counts of what was created or updated."""
    counter = Counter()
    sections = {
        slug: upsert(ReportSection, counter, {"slug": slug}, {"title": title, "order": order})
        for slug, title, order in data.SECTIONS
    }
    areas = {}
    for slug, name, parent, order in data.THEMATIC_AREAS:
        values = {"name": name, "parent": areas.get(parent), "order": order}
        areas[slug] = upsert(ThematicArea, counter, {"slug": slug}, values)
    types = {
        slug: upsert(ActivityType, counter, {"slug": slug}, {"name": name})
        for slug, name in data.ACTIVITY_TYPES
    }
    partners = {}
    for slug, name, acronym, kind, parent in data.PARTNERS:
        values = {"name": name, "acronym": acronym, "kind": kind, "parent": partners.get(parent)}
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
        }
        events[spec["slug"]] = upsert(Event, counter, {"slug": spec["slug"]}, values)
    initiatives = {
        spec["slug"]: upsert(
            Initiative,
            counter,
            {"slug": spec["slug"]},
            {
                "title": spec["title"],
                "summary": spec["summary"],
                "cumulative_label": spec.get("cumulative_label", ""),
            },
        )
        for spec in data.INITIATIVES
    }
    for spec in data.ACTIVITIES:
        _load_activity(spec, counter, sections, areas, types, partners, events, initiatives)
    _load_report(counter)
    return counter


def _load_report(counter):
    """The 2011 report; a report already marked final keeps its state and issued HTML."""
    spec = data.REPORT
    start, end = spec["period"]
    values = {
        "title": spec["title"],
        "symbol": spec["symbol"],
        "period_start": _date(start),
        "period_end": _date(end),
        "introduction": spec["introduction"],
    }
    return upsert(AnnualReport, counter, {"year": spec["year"]}, values)


def _load_activity(spec, counter, sections, areas, types, partners, events, initiatives):
    start, end, precision = spec["dates"]
    total, women, men = spec.get("participants", (None, None, None))
    values = {
        "title": spec["title"],
        "summary": spec["summary"],
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
    activity = upsert(Activity, counter, {"slug": spec["slug"]}, values)

    wanted_areas = {areas[slug].pk for slug in spec.get("areas", [])}
    if set(activity.thematic_areas.values_list("pk", flat=True)) != wanted_areas:
        activity.thematic_areas.set(wanted_areas)
        counter["thematic area links set"] += 1

    wanted_roles = {(partners[slug].pk, role) for slug, role in spec.get("partners", [])}
    current_roles = set(activity.roles.values_list("partner_id", "role"))
    for partner_id, role in wanted_roles - current_roles:
        ActivityPartner.objects.create(activity=activity, partner_id=partner_id, role=role)
        counter["partner roles created"] += 1
    for partner_id, role in current_roles - wanted_roles:
        activity.roles.filter(partner_id=partner_id, role=role).delete()
        counter["partner roles removed"] += 1

    for output in spec.get("outputs", []):
        upsert(
            Output,
            counter,
            {"activity": activity, "title": output["title"]},
            {"kind": output["kind"]},
        )
