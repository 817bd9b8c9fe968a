"""The dashboard: a year of visible activities in five pictures, each with its table.

The pictures count approved records only, from figures kept per year (activities/figures.py);
staff who can see records still in review see how many there are, apart.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from activities import figures, roles
from activities.models import (
    Activity,
    ActivityType,
    ReviewState,
    ThematicArea,
    Visibility,
    approved_scope,
)
from core import caching
from core.registry_names import in_language
from partners.models import Partner

TOP_PARTNERS = 10


@dataclass
class Bar:
    label: str
    value: int
    share: float = 0.0  # of the largest bar, 0–100
    url: str = ""
    previous: int | None = None  # the same count a year earlier
    previous_share: float = 0.0

    @property
    def change(self):
        """The difference from the year before, signed: "+3", "−2", "0"."""
        if self.previous is None:
            return ""
        difference = self.value - self.previous
        if difference > 0:
            return f"+{difference}"
        return f"−{-difference}" if difference else "0"


@dataclass
class Chart:
    key: str
    title: str
    unit: str
    bars: list = field(default_factory=list)
    note: str = ""

    compared_with: int | None = None  # the year of the bars' `previous` counts

    def __post_init__(self):
        largest = max((max(bar.value, bar.previous or 0) for bar in self.bars), default=0)
        for bar in self.bars:
            bar.share = round(100 * bar.value / largest, 1) if largest else 0.0
            bar.previous_share = round(100 * (bar.previous or 0) / largest, 1) if largest else 0.0

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)

    @property
    def height(self):
        return 34 * len(self.bars) + 8


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)


def approved_figures(user, year):
    """The year's figures of the approved records `user` may see (the one visibility rule)."""
    visibilities, own = approved_scope(user)
    result = figures.year_figures(year, visibilities)
    if own:
        # The confidential records they created themselves.
        own = figures.approved(year, Visibility.CONFIDENTIAL).filter(created_by=user)
        result = figures.merged([result, figures.compute(own)])
    return result


def top_partners(counts):
    """The TOP_PARTNERS partners in most activities, ties by name: (partner, n) pairs."""
    if not counts:
        return []
    ranked = sorted(counts.values(), reverse=True)
    floor = ranked[min(TOP_PARTNERS, len(ranked)) - 1]
    candidates = Partner.objects.filter(pk__in=[int(k) for k, n in counts.items() if n >= floor])
    pairs = [(partner, counts[str(partner.pk)]) for partner in candidates]
    pairs.sort(key=lambda pair: (-pair[1], pair[0].name))
    return pairs[:TOP_PARTNERS]


def dashboard_figures(user, year):
    """Charts of one year's approved records that `user` may see, each bar beside the same
    count a year earlier."""
    numbers = approved_figures(user, year)
    before = approved_figures(user, year - 1)
    earlier = year - 1

    def was(kind, key):
        return before[kind].get(str(key), 0)

    area_counts = numbers["areas"]
    shown_areas = ThematicArea.objects.filter(
        pk__in=[int(k) for k in {*area_counts, *before["areas"]}]
    ).order_by("order", in_language("name"))
    areas = Chart(
        "areas",
        _("Activities by thematic area"),
        _("activities"),
        [
            Bar(
                area.name,
                area_counts.get(str(area.pk), 0),
                url=reverse("activities:thematic-area", args=[area.slug]),
                previous=was("areas", area.pk),
            )
            for area in shown_areas
        ],
        compared_with=earlier,
    )

    type_counts = numbers["types"]
    type_names = ActivityType.objects.filter(pk__in=[int(k) for k in type_counts])
    type_rows = sorted(
        (
            (name, type_counts[str(pk)], was("types", pk))
            for pk, name in type_names.values_list("pk", "name")
        ),
        key=lambda row: (-row[1], row[0]),
    )
    types = Chart(
        "types",
        _("Activities by type"),
        _("activities"),
        [Bar(name, n, previous=then) for name, n, then in type_rows],
        compared_with=earlier,
    )

    partners = Chart(
        "partners",
        _("Most frequent partners"),
        _("activities"),
        [
            Bar(
                partner.acronym or partner.name,
                n,
                url=reverse("partners:detail", args=[partner.slug]),
                previous=was("partners", partner.pk),
            )
            for partner, n in top_partners(numbers["partners"])
        ],
        compared_with=earlier,
    )

    per_month = numbers["months"]
    year_only = numbers["year_only"]
    months = Chart(
        "months",
        _("Activities by month"),
        _("activities"),
        [
            Bar(str(MONTHS[m]), per_month.get(str(m), 0), previous=was("months", m))
            for m in range(1, 13)
        ],
        note=_("%(n)s activities dated to the year only are not counted by month.")
        % {"n": year_only}
        if year_only
        else "",
        compared_with=earlier,
    )
    women, men, total = numbers["women"], numbers["men"], numbers["total"]
    then_women, then_men, then_total = before["women"], before["men"], before["total"]
    participants = Chart(
        "participants",
        _("Participants reached"),
        _("people"),
        [
            Bar(_("Women"), women, previous=then_women),
            Bar(_("Men"), men, previous=then_men),
            Bar(
                _("Not recorded as women or men"),
                max(total - women - men, 0),
                previous=max(then_total - then_women - then_men, 0),
            ),
        ],
        compared_with=earlier,
    )
    return {
        "count": numbers["count"],
        "participants_total": total,
        "previous_year": earlier,
        "previous_count": before["count"],
        "previous_participants_total": then_total,
        "charts": [areas, types, months, partners, participants],
    }


def not_yet_approved(activities, year):
    """(state label, count, list address) of the year's records still in review, if any."""
    rows = (
        activities.filter(start_date__year=year)
        .exclude(review_state=ReviewState.APPROVED)
        .values_list("review_state")
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = dict(ReviewState.choices)
    order = [state for state, _label in ReviewState.choices]
    return [
        (labels[state], n, f"{reverse('activities:list')}?year={year}&review_state={state}")
        for state, n in sorted(rows, key=lambda row: order.index(row[0]))
    ]


class DashboardView(TemplateView):
    template_name = "activities/dashboard.html"

    def span(self, activities):
        """First and last start dates the user may see."""
        return caching.for_page(
            lambda: activities.aggregate(first=Min("start_date"), last=Max("start_date")),
            "dashboard-span",
            roles.scope(self.request.user),
        )

    def get_context_data(self, **kwargs):
        activities = Activity.objects.visible_to(self.request.user)
        span = self.span(activities)
        years = list(range(span["last"].year, span["first"].year - 1, -1)) if span["last"] else []
        form = YearForm(self.request.GET if "year" in self.request.GET else None)
        year = years[0] if years else None
        if form.is_bound and form.is_valid():
            year = form.cleaned_data["year"]
        context = super().get_context_data(form=form, years=years, year=year, **kwargs)
        if year is not None:
            context.update(self.figures(year))
            if roles.is_manager(self.request.user) or roles.is_data_entry(self.request.user):
                context["in_review"] = not_yet_approved(activities, year)
        return context

    def figures(self, year):
        """The year's figures, computed once per data version when the page cache is on."""
        user = self.request.user
        return caching.for_page(
            lambda: dashboard_figures(user, year), "dashboard", roles.scope(user), year
        )
