"""Rules several models share, written once: dates in order, and trees without loops."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


def date_range_errors(start, end):
    if start and end and end < start:
        return {"end_date": _("The end date cannot be before the start date.")}
    return {}


def end_not_before_start(name, start="start_date", end="end_date"):
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}),
        name=name,
        violation_error_message=_("The end date cannot be before the start date."),
    )


def not_own_parent(name, field="parent"):
    return models.CheckConstraint(condition=~Q(**{field: F("pk")}), name=name)


def ancestry_errors(instance, field="parent", message=None):
    """Refuse a parent chain that loops back to `instance` (areas, events, partners)."""
    ancestor, seen = getattr(instance, field), set()
    while ancestor is not None and ancestor.pk not in seen:
        if instance.pk and ancestor.pk == instance.pk:
            return {field: message or _("A record cannot be placed under itself.")}
        seen.add(ancestor.pk)
        ancestor = getattr(ancestor, field)
    return {}
