"""The activity table and the filter form of the list pages, written in Python.

Every visitor's list page draws 25 rows and a dozen filters. Through the template engine
that meant about 570 variable look-ups and 70 `reverse()` calls a page, three times the
cost of the page's queries. Here the same HTML is written with plain string operations:
each value escaped as the template's autoescaping would, each link built from one
`reverse()` per page, each date span and label worked out once per page.

The templates `includes/activity_table.html` and `includes/filter_form.html` keep the
layout in readable form; `tests/web/test_fragments.py` holds the HTML written here byte for
byte equal to theirs. A change to the layout is made in both.
"""

from collections import defaultdict
from html import escape

from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from activities import selectors
from activities.languages import page_language
from activities.models import ReviewState, Visibility
from core.addresses import slug_url
from core.by_ids import rows_by_ids
from core.countries import country_name
from core.dates import format_date_range
from core.registry_names import in_language

# The interface's own words go in as {% translate "..." %} puts them: unescaped, since a
# template's literal is safe text and so is its translation in our catalogues. Values
# (titles, places, labels of choices) are escaped as {{ }} escapes them.


def activity_table(activities, show_states):
    """The HTML of `includes/activity_table.html` for `activities` (a queryset of the page's
    activities, as `views.activity_rows` filters and orders them).

    The rows are read as tuples, the type's name in the reader's language, and the page's
    thematic areas in one more query: no model instance is built for a row.
    """
    # The title in the reader's language where the record has it (activities/languages.py).
    language = page_language()
    records = list(
        activities.prefetch_related(None).values_list(
            *ROW_FIELDS,
            "original_language",
            f"title_{language}",
            in_language("activity_type__name"),
        )
    )
    if not records:
        return mark_safe(f'\n\n<p class="empty">{_("No activities to show.")}</p>\n\n')
    label_dates, label_place = _("Dates"), _("Place")
    label_type, label_areas = _("Type"), _("Thematic areas")
    activity_url = slug_url("activities:detail")
    area_url = slug_url("activities:thematic-area")
    links = defaultdict(list)
    area_links = {}
    for activity_id, area_id, slug, name in rows_by_ids(
        selectors.areas_of, [record[0] for record in records]
    ):
        link = area_links.get(area_id)
        if link is None:
            link = area_links[area_id] = f'<a href="{escape(area_url(slug))}">{escape(name)}</a>'
        links[activity_id].append(link)
    states, visibilities = {}, {}
    if show_states:
        states = {value: escape(str(label)) for value, label in ReviewState.choices}
        visibilities = {value: escape(str(label)) for value, label in Visibility.choices}
    spans, places, types = {}, {}, {}
    rows = []
    for record in records:
        pk, title, slug, start, end, precision, city, code, state, visibility = record[:10]
        # The reader's language where given, else the original marked with its own.
        original, translation = record[10:12]
        lang = ""
        if original != language:
            if translation.strip():
                title = translation
            else:
                lang = f' lang="{escape(original)}"'
        badges = ""
        if show_states:
            badges = '<span class="badges">'
            if state != "approved":
                badges += (
                    f'<span class="badge badge-{escape(state)}">{states.get(state, state)}</span>'
                )
            if visibility != "public":
                badges += (
                    f'<span class="badge badge-{escape(visibility)}">'
                    f"{visibilities.get(visibility, visibility)}</span>"
                )
            badges += "</span>"
        key = (start, end, precision)
        span = spans.get(key)
        if span is None:
            span = spans[key] = escape(format_date_range(*key))
        # Activity.place, with the country's name looked up once per page.
        place = places.get((city, code))
        if place is None:
            place = places[city, code] = escape(city or country_name(code) or "—")
        kind = record[12]
        type_name = types.get(kind)
        if type_name is None:
            type_name = types[kind] = escape(kind)
        rows.append(
            f'\n    <tr>\n      <td><a href="{escape(activity_url(slug))}"{lang}>'
            f"{escape(title)}</a>\n        {badges}\n      </td>\n"
            f'      <td class="nowrap" data-label="{label_dates}">{span}</td>\n'
            f'      <td data-label="{label_place}">{place}</td>\n'
            f'      <td data-label="{label_type}">{type_name}</td>\n'
            f'      <td data-label="{label_areas}">{"; ".join(links[pk]) or "—"}</td>\n'
            "    </tr>\n    "
        )
    head = "".join(
        f'      <th scope="col">{name}</th>\n'
        for name in (_("Activity"), _("Dates"), _("Place"), _("Type"), _("Thematic areas"))
    )
    return mark_safe(
        '\n\n<div class="table-scroll">\n<table class="records">\n'
        f'  <caption class="visually-hidden">{_("Activities")}</caption>\n'
        f"  <thead>\n    <tr>\n{head}    </tr>\n  </thead>\n  <tbody>\n    "
        f"{''.join(rows)}\n  </tbody>\n</table>\n</div>\n\n"
    )


# What a row of the table shows, read as one tuple per activity.
ROW_FIELDS = (
    "pk",
    "title",
    "slug",
    "start_date",
    "end_date",
    "date_precision",
    "city",
    "country",
    "review_state",
    "visibility",
)


def _item(value, index):
    """`value.0|default:''` as the template reads it."""
    try:
        item = value[index]
    except (TypeError, IndexError, KeyError):
        return ""
    return conditional_escape(item or "")


def _errors(field, attrs=""):
    errors = field.errors
    if not errors:
        return ""
    items = "".join(f"<li>{conditional_escape(error)}</li>" for error in errors)
    return f'<ul class="errorlist"{attrs}>{items}</ul>'


def filter_form(form):
    """The HTML of `includes/filter_form.html` for the list's filter form."""
    list_url = escape(reverse("activities:list"))
    parts = [
        f'\n<form method="get" action="{list_url}" class="filters" role="search"'
        ' aria-labelledby="filters-heading">\n'
        f'  <h2 id="filters-heading">{_("Filter activities")}</h2>\n  '
    ]
    if non_field := form.non_field_errors():
        parts.append(f'<div class="alert" role="alert">{conditional_escape(non_field)}</div>')
    parts.append("\n  ")
    for field in form:
        has_error = " has-error" if field.errors else ""
        label = conditional_escape(field.label)
        if field.name != "date":
            field_id = conditional_escape(field.id_for_label)
            help_text = ""
            if field.help_text:
                help_text = (
                    f'<div class="helptext" id="{field_id}_help">'
                    f"{conditional_escape(field.help_text)}</div>"
                )
            errors = _errors(field, f' id="{field_id}_error"')
            parts.append(
                f'\n  \n  <div class="field{has_error}">\n'
                f'    <label for="{field_id}">{label}</label>\n'
                f"    {conditional_escape(field)}\n    {help_text}\n"
                f"    {errors}\n  </div>\n  \n  "
            )
        else:
            value = field.value()
            parts.append(
                f'\n  \n  <fieldset class="field{has_error}">\n'
                f"    <legend>{label}</legend>\n"
                f'    <label for="id_date_after">{_("From")}</label>\n'
                '    <input type="date" name="date_after" id="id_date_after"'
                f' value="{_item(value, 0)}">\n'
                f'    <label for="id_date_before">{_("Until")}</label>\n'
                '    <input type="date" name="date_before" id="id_date_before"'
                f' value="{_item(value, 1)}">\n'
                f"    {_errors(field)}\n  </fieldset>\n  \n  "
            )
    parts.append(
        '\n  <div class="actions">\n'
        f'    <button type="submit" class="button">{_("Apply filters")}</button>\n'
        f'    <a href="{list_url}" class="button secondary">{pgettext("filter form", "Clear")}</a>\n'
        "  </div>\n</form>\n"
    )
    return mark_safe("".join(parts))
