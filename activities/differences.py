"""What a pending change would change, field by field, as a manager reads it."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django_countries import countries

from activities import history
from activities.choices import PartnerRole
from activities.filing import ThematicArea
from core.dates import format_date
from partners.models import Partner


def shown(field, value):
    """A stored or proposed value as a person reads it."""
    if value in (None, ""):
        return "—"
    if field.is_relation:
        record = field.related_model._default_manager.filter(pk=value).first()
        return str(record) if record else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.get_internal_type() == "DateField":
        return format_date(field.to_python(value))
    if field.name == "country":
        return countries.name(value) or value
    return str(value)


def _areas(ids):

    names = dict(ThematicArea.objects.filter(pk__in=ids).values_list("pk", "name"))
    return "; ".join(names.get(i, str(i)) for i in ids) or "—"


def _roles(pairs):

    partners = Partner.objects.in_bulk([p for p, _r in pairs])
    labels = dict(PartnerRole.choices)
    return "; ".join(f"{partners.get(p, p)} ({labels.get(r, r)})" for p, r in pairs) or "—"


def _outputs(rows):
    return "; ".join(row["title"] for row in rows) or "—"


def change_differences(change):
    """(label, as approved now, as proposed) for each field and relation the change alters."""
    activity = change.activity
    rows = []
    for field, proposed in change.proposed_fields():
        current = history.comparable(getattr(activity, field.attname))
        rows.append((capfirst(field.verbose_name), shown(field, current), shown(field, proposed)))
    now = history.relations_of(activity.pk)
    relations = change.relations
    if "areas" in relations:
        rows.append((_("Thematic areas"), _areas(now["areas"]), _areas(relations["areas"])))
    if "partner_roles" in relations:
        rows.append(
            (
                _("Partners and roles"),
                _roles(now["partner_roles"]),
                _roles(relations["partner_roles"]),
            )
        )
    if "outputs" in relations:
        rows.append((_("Outputs"), _outputs(now["outputs"]), _outputs(relations["outputs"])))
    return rows
