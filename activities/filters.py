"""The activity filters: one definition for the pages, the exports and the API."""

import copy
import re
from functools import partial

import django_filters
from django import forms
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQueryField, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Value,
    When,
)
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from activities import languages, roles, selectors
from activities.models import (
    Activity,
    ActivityPartner,
    ActivityStatus,
    ActivityType,
    Event,
    ReviewState,
    ThematicArea,
    Visibility,
)
from core import addresses
from core.caching import cached
from core.countries import collation_key
from core.registry_names import in_any_language
from core.widgets import QuickTextInput, quicken
from partners.models import Partner

# A search takes up to this many words, each a run of letters or digits.
SEARCH_WORD = re.compile(r"\w+")
MAX_SEARCH_WORDS = 10

# Filters only signed-in staff may use: they narrow by states the public never sees.
MEMBER_ONLY = ("review_state", "visibility")


class SlugLookupWidget(QuickTextInput):
    """A text box taking a slug, for lists far too long to render as options."""

    def __init__(self, lookup, attrs=None):
        self.lookup = lookup  # the key of its lookup page (core/addresses.py)
        super().__init__(attrs={"autocomplete": "off", "spellcheck": "false", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-lookup"] = addresses.place(self.lookup)
        return context


def area_choices():
    """Thematic areas by slug, narrower ones indented under their broader area, named in the
    reader's language (English where none)."""

    def compute():
        areas = list(ThematicArea.objects.values_list("pk", "slug", "name", "parent_id"))
        children = {}
        for pk, slug, name, parent in areas:
            children.setdefault(parent, []).append((pk, slug, name))
        choices = []
        for pk, slug, name in children.get(None, []):
            choices.append((slug, name))
            choices.extend((s, f"— {n}") for _pk, s, n in children.get(pk, []))
        return choices

    return cached(f"area-choices-{get_language()}", compute)


def type_choices():
    """(slug, name) of the types, named in the reader's language (English where none)."""

    def compute():
        kinds = ActivityType.objects.only("slug", "name_en", "name_fr", "name_es")
        return sorted(((kind.slug, kind.name) for kind in kinds), key=lambda c: collation_key(c[1]))

    return cached(f"type-choices-{get_language()}", compute)


class ReadyChoices(BaseChoiceIterator):
    """Fixed (value, label) pairs, handed to forms as they are: Django and django-filter
    neither check each pair again nor copy the list (and its lazy labels) for every form."""

    def __init__(self, choices):
        self.choices = tuple(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)

    def __deepcopy__(self, memo):
        return self


class LazyChoices(BaseChoiceIterator):
    """Choices computed when first read: a form that is never drawn or checked never asks.
    They come as (value, label) pairs already, so Django takes them as they are rather
    than copying and checking each pair on every form."""

    def __init__(self, compute):
        self.compute = compute
        self.value = None

    def __iter__(self):
        if self.value is None:
            self.value = list(self.compute())
        return iter(self.value)

    def __len__(self):
        return len(list(iter(self)))

    def __deepcopy__(self, memo):
        # Forms copy their fields; the request behind the choices is not theirs to copy.
        return self


def visible_countries(request):
    return selectors.country_choices(getattr(request, "user", None))


VISIBILITIES = ReadyChoices(Visibility.choices)


def visibility_choices(request):
    """Viewers never see confidential records, so the choice would only mislead them."""
    user = getattr(request, "user", None)
    if roles.is_manager(user) or roles.is_data_entry(user):
        return VISIBILITIES
    return [c for c in VISIBILITIES if c[0] != Visibility.CONFIDENTIAL]


def visible_partners(request):
    return selectors.partners_visible_to(getattr(request, "user", None))


def visible_events(request):
    return selectors.events_visible_to(getattr(request, "user", None))


class VisibleRecordField(django_filters.fields.ModelChoiceField):
    """A record by slug, looked up in the registry as the reader may see it; that registry's
    query is built only when a value is given (`visible`, set by SlugChoiceFilter)."""

    visible = None

    def to_python(self, value):
        if self.visible is not None and value not in self.empty_values:
            self.queryset = self.visible()
        return super().to_python(value)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A record chosen by its slug (the API schema shows it as a string).

    Every list page's form has this field but few requests give it a value; building the
    visible registry's query for each (two subqueries over the activities) cost as much as
    drawing the page's rows, so it waits for a value.
    """

    field_class = VisibleRecordField

    def __init__(self, *args, model, **kwargs):
        self.model = model
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        if not hasattr(self, "_field"):
            request = self.get_request()
            self.extra["queryset"] = self.model.objects.none()
            field = django_filters.Filter.field.fget(self)
            field.visible = partial(self.get_queryset, request)
        return self._field


@extend_schema_field(OpenApiTypes.STR)
class SlugListFilter(django_filters.ChoiceFilter):
    """A slug from a short list of choices (the API schema shows it as a string)."""


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sorts as asked, then by id, so that equal titles or dates never swap between pages.

    "relevance" sorts a search by its rank, best first, then newest; without a search it
    keeps the newest first.
    """

    def build_choices(self, fields, labels):
        """Relevance has one direction, best first: no "Relevance (descending)"."""
        return [
            (value, label)
            for value, label in super().build_choices(fields, labels)
            if value != "-relevance"
        ]

    def filter(self, qs, value):
        # "sort=," names no field: empty keys are left out, as an empty sort is.
        ordering = [self.get_ordering_value(param) for param in value or () if param]
        if not ordering:
            return qs
        ranked = "rank" in qs.query.annotations
        if ordering[0].lstrip("-") == "rank":
            if not ranked:
                return qs
            return qs.order_by("-rank", "-start_date", "-id")
        # A later "relevance" is best first too, and means nothing without a search.
        ordering = [
            "-rank" if key.lstrip("-") == "rank" else key
            for key in ordering
            if ranked or key.lstrip("-") != "rank"
        ]
        tiebreak = "-id" if ordering[0].startswith("-") else "id"
        return qs.order_by(*ordering, tiebreak)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def _fresh(filter_):
    """A copy of `filter_` for one filter set: deep enough for what a request changes."""
    fresh = copy.copy(filter_)
    fresh.extra = dict(filter_.extra)
    fresh.__dict__.pop("_field", None)
    if fresh.method is not None:
        fresh.method = fresh.method  # its FilterMethod bound to the copy, not the original
    return fresh


class _Shallow(dict):
    """Filters whose deep copy is the shallow one of `_fresh`, already made."""

    def __deepcopy__(self, memo):
        return dict(self)


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label=pgettext_lazy("search box", "Search"),
        max_length=200,
        help_text=_("Words in the title or summary, a city, or a partner’s name or acronym."),
    )
    year = IntegerFilter(
        method="filter_year",
        label=_("Year"),
        min_value=1990,
        max_value=2100,
    )
    date = django_filters.DateFromToRangeFilter(
        field_name="start_date",
        label=_("Starting between"),
        widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    thematic_area = SlugListFilter(
        choices=area_choices,
        method="filter_thematic_area",
        label=_("Thematic area"),
        empty_label=_("Any area"),
    )
    activity_type = django_filters.ChoiceFilter(
        choices=type_choices,
        field_name="activity_type__slug",
        label=_("Type"),
        empty_label=_("Any type"),
    )
    partner = SlugChoiceFilter(
        model=Partner,
        queryset=visible_partners,
        to_field_name="slug",
        method="filter_partner",
        label=_("Partner"),
        widget=SlugLookupWidget("partner-lookup"),
        help_text=_("Type a partner’s name and pick it from the suggestions."),
    )
    event = SlugChoiceFilter(
        model=Event,
        queryset=visible_events,
        to_field_name="slug",
        label=_("Event"),
        widget=SlugLookupWidget("event-lookup"),
        help_text=_("Type an event’s name and pick it from the suggestions."),
    )
    country = django_filters.ChoiceFilter(
        choices=(), label=_("Country"), empty_label=_("Any country")
    )
    status = django_filters.ChoiceFilter(
        choices=ReadyChoices(ActivityStatus.choices), label=_("Status"), empty_label=_("Any status")
    )
    review_state = django_filters.ChoiceFilter(
        choices=ReadyChoices(ReviewState.choices),
        label=_("Review state"),
        empty_label=_("Any state"),
    )
    visibility = django_filters.ChoiceFilter(
        choices=ReadyChoices(Visibility.choices),
        label=_("Visibility"),
        empty_label=_("Any visibility"),
    )
    sort = StableOrderingFilter(
        fields=(("start_date", "date"), ("title", "title"), ("rank", "relevance")),
        # Labels of their own for the descending choices: django-filter builds "%s
        # (descending)" once, when this module is imported, in whatever language is active.
        field_labels={
            "start_date": _("Date"),
            "-date": _("Date (descending)"),
            "title": _("Title"),
            "-title": _("Title (descending)"),
            "rank": _("Relevance"),
        },
        label=_("Sort by"),
        empty_label=_("Newest first"),
    )

    class Meta:
        model = Activity
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # django-filter deep-copies every filter, their choices and lazy labels included, for
        # each request; a filter's own state is its `extra` and the field it builds, so a
        # shallow copy with its own `extra` and no field yet keeps requests apart as well.
        base_filters = type(self).base_filters
        self.base_filters = _Shallow((name, _fresh(f)) for name, f in base_filters.items())
        try:
            super().__init__(data, queryset, request=request, prefix=prefix)
        finally:
            del self.base_filters  # the class's again
        user = getattr(request, "user", None)
        if not roles.is_member(user):
            for name in MEMBER_ONLY:
                self.filters.pop(name)

    # Choices that depend on who asks, set on each form (the class's fields are shared).
    request_choices = {"country": visible_countries, "visibility": visibility_choices}

    def get_form_class(self):
        form_class = super().get_form_class()
        request, request_choices = self.request, self.request_choices

        class RequestForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, choices_for in request_choices.items():
                    if name in self.fields:
                        self.fields[name].choices = LazyChoices(partial(choices_for, request))
                # The same HTML as Django's widgets, written without their templates.
                quicken(self)

            def clean(self):
                cleaned = super().clean()
                span = cleaned.get("date")
                if span and span.start and span.stop and span.start > span.stop:
                    self.add_error("date", _("The first date is after the second: swap them."))
                return cleaned

        return RequestForm

    def search(self, queryset, name, value):
        """Words of the title and summary (in any of their languages), city, or of the names
        of the type, thematic areas and partners in any of the three languages ("atelier"
        finds the workshops), each matched from its start.

        On PostgreSQL through the full-text index (migrations 0006, 0016 and 0018), each word
        stemmed by English, French and Spanish rules and as typed, ranked for the
        "relevance" sort; elsewhere (SQLite trials) with LIKE.
        """
        value = value.strip()
        if not value:
            return queryset
        if connection.vendor == "postgresql":
            words = SEARCH_WORD.findall(value)[:MAX_SEARCH_WORDS]
            if not words:
                return queryset.none()
            # Each word from its start, as any of the languages stems it or as typed, each
            # distinct form once (migration 0019); every word required.
            query = Func(
                Value(words, output_field=ArrayField(CharField())),
                function="activities_to_tsquery",
                output_field=SearchQueryField(),
            )
            matches = Func(
                F("search"),
                query,
                arg_joiner=" @@ ",
                template="(%(expressions)s)",
                output_field=BooleanField(),
            )
            return queryset.filter(matches).annotate(rank=SearchRank(F("search"), query))
        words = SEARCH_WORD.findall(value)[:MAX_SEARCH_WORDS] or [value]
        for word in words:
            partner_match = ActivityPartner.objects.filter(activity=OuterRef("pk")).filter(
                in_any_language(("partner__name", "partner__acronym"), word)
            )
            area_match = Activity.thematic_areas.through.objects.filter(
                activity=OuterRef("pk")
            ).filter(in_any_language(("thematicarea__name",), word))
            in_texts = Q()
            for name in ("title", "summary", *languages.translated_fields()):
                in_texts |= Q(**{f"{name}__icontains": word})
            queryset = queryset.filter(
                in_texts
                | Q(city__icontains=word)
                | in_any_language(("activity_type__name",), word)
                | Exists(partner_match)
                | Exists(area_match)
            )
        # Relevance without the index: records whose title holds every word come first.
        in_title = Q()
        for word in words:
            in_title &= Q(title__icontains=word)
        return queryset.annotate(
            rank=Case(
                When(in_title, then=Value(1.0)), default=Value(0.0), output_field=FloatField()
            )
        )

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_date__year=int(value))

    def filter_thematic_area(self, queryset, name, slug):
        """An area includes its narrower areas."""
        linked = Activity.thematic_areas.through.objects.filter(activity=OuterRef("pk")).filter(
            Q(thematicarea__slug=slug) | Q(thematicarea__parent__slug=slug)
        )
        return queryset.filter(Exists(linked))

    def filter_partner(self, queryset, name, partner):
        roles_of_partner = ActivityPartner.objects.filter(activity=OuterRef("pk"), partner=partner)
        return queryset.filter(Exists(roles_of_partner))
