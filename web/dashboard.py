"""The dashboard: a year of visible activities in five pictures, each with its table."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import ExtractMonth
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from activities import roles
from activities.models import Activity, ActivityPartner, DatePrecision
from core import caching

TOP_PARTNERS = 10


@dataclass
class Bar:
    label: str
    value: int
    share: float = 0.0  # of the largest bar, 0–100
    url: str = ""


@dataclass
class Chart:
    key: str
    title: str
    unit: str
    bars: list = field(default_factory=list)
    note: str = ""

    def __post_init__(self):
        largest = max((bar.value for bar in self.bars), default=0)
        for bar in self.bars:
            bar.share = round(100 * bar.value / largest, 1) if largest else 0.0

    @property
    def total(self):
        return sum(bar.value for bar in self.bars)

    @property
    def height(self):
        return 34 * len(self.bars) + 8


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)


def dashboard_figures(activities, year):
    """Counts for one year of `activities` (already limited to what the user may see)."""
    in_year = activities.filter(start_date__year=year)
    ids = in_year.values("pk")

    area_rows = (
        Activity.thematic_areas.through.objects.filter(activity_id__in=ids)
        .values("thematicarea__name", "thematicarea__slug", "thematicarea__order")
        .annotate(n=Count("activity_id", distinct=True))
        .order_by("thematicarea__order", "thematicarea__name")
    )
    areas = Chart(
        "areas",
        _("Activities by thematic area"),
        _("activities"),
        [
            Bar(
                r["thematicarea__name"],
                r["n"],
                url=reverse("activities:thematic-area", args=[r["thematicarea__slug"]]),
            )
            for r in area_rows
        ],
    )

    type_rows = (
        in_year.values("activity_type__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "activity_type__name")
    )
    types = Chart(
        "types",
        _("Activities by type"),
        _("activities"),
        [Bar(r["activity_type__name"], r["n"]) for r in type_rows],
    )

    month_rows = (
        in_year.exclude(date_precision=DatePrecision.YEAR)
        .annotate(month=ExtractMonth("start_date"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    per_month = {r["month"]: r["n"] for r in month_rows}

    partner_rows = (
        ActivityPartner.objects.filter(activity_id__in=ids)
        .values("partner__name", "partner__acronym", "partner__slug")
        .annotate(n=Count("activity_id", distinct=True))
        .order_by("-n", "partner__name")[:TOP_PARTNERS]
    )
    partners = Chart(
        "partners",
        _("Most frequent partners"),
        _("activities"),
        [
            Bar(
                r["partner__acronym"] or r["partner__name"],
                r["n"],
                url=reverse("partners:detail", args=[r["partner__slug"]]),
            )
            for r in partner_rows
        ],
    )

    totals = in_year.aggregate(
        activities=Count("pk"),
        year_only=Count("pk", filter=Q(date_precision=DatePrecision.YEAR)),
        total=Sum("participants_total"),
        women=Sum("participants_women"),
        men=Sum("participants_men"),
    )
    months = Chart(
        "months",
        _("Activities by month"),
        _("activities"),
        [Bar(str(MONTHS[m]), per_month.get(m, 0)) for m in range(1, 13)],
        note=_("%(n)s activities dated to the year only are not counted by month.")
        % {"n": totals["year_only"]}
        if totals["year_only"]
        else "",
    )
    women, men, total = totals["women"] or 0, totals["men"] or 0, totals["total"] or 0
    participants = Chart(
        "participants",
        _("Participants reached"),
        _("people"),
        [
            Bar(_("Women"), women),
            Bar(_("Men"), men),
            Bar(_("Not recorded as women or men"), max(total - women - men, 0)),
        ],
    )
    return {
        "count": totals["activities"],
        "participants_total": total,
        "charts": [areas, types, months, partners, participants],
    }


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
            context.update(self.figures(activities, year))
        return context

    def figures(self, activities, year):
        """The year's figures, computed once per data version when the page cache is on."""
        return caching.for_page(
            lambda: dashboard_figures(activities, year),
            "dashboard",
            roles.scope(self.request.user),
            year,
        )
