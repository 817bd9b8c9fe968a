"""The gender focal point network on a day, for staff in a role: counts, never names."""

import datetime

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from activities import roles
from core.dates import format_date
from network.figures import network_then_and_now
from web.dashboard import Bar, Chart


class DayForm(forms.Form):
    on = forms.DateField(
        label=_("On"),
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_on(self):
        day = self.cleaned_data["on"]
        if not datetime.date(1990, 1, 1) <= day <= datetime.date(2100, 12, 31):
            raise forms.ValidationError(_("Give a day between 1990 and 2100."))
        return day


def change(now, before):
    """The difference, signed: "+3", "−2", "0"."""
    return Bar("", now, previous=before).change


class NetworkView(LoginRequiredMixin, TemplateView):
    template_name = "network/network.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not roles.is_member(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = DayForm(self.request.GET if "on" in self.request.GET else None)
        day = timezone.localdate()
        if form.is_bound and form.is_valid():
            day = form.cleaned_data["on"]
        before, now = network_then_and_now(day)
        rows = [
            (_("Focal points and alternates"), now.total, before.total),
            (_("Women"), now.women, before.women),
            (_("Men"), now.men, before.men),
            (_("Focal points"), now.focal_points, before.focal_points),
            (_("Alternates"), now.alternates, before.alternates),
            (_("Countries"), now.countries, before.countries),
            (_("Regions"), now.regions, before.regions),
        ]
        earlier = {r.region: r for r in before.by_region}
        regions = [r.region for r in now.by_region] + [
            r.region for r in before.by_region if r.region not in {x.region for x in now.by_region}
        ]
        labels = {r.region: r.label for r in (*now.by_region, *before.by_region)}
        current = {r.region: r for r in now.by_region}
        then = format_date(before.on)
        charts = [
            Chart(
                key="regions",
                title=_("Focal points by region"),
                unit=_("focal points"),
                bars=[
                    Bar(
                        labels[region],
                        current[region].total if region in current else 0,
                        previous=earlier[region].total if region in earlier else 0,
                    )
                    for region in regions
                ],
                compared_with=then,
            ),
            Chart(
                key="participants",
                title=_("Women and men in the network"),
                unit=_("focal points"),
                bars=[
                    Bar(str(_("Women")), now.women, previous=before.women),
                    Bar(str(_("Men")), now.men, previous=before.men),
                ],
                compared_with=then,
            ),
        ]
        return super().get_context_data(
            form=form,
            day=format_date(day),
            then=then,
            now=now,
            rows=[(label, n, b, change(n, b)) for label, n, b in rows],
            regions=[
                (labels[region], current.get(region), earlier.get(region)) for region in regions
            ],
            charts=charts,
            **kwargs,
        )
