"""Partners across years, for staff in a role: how many activities each partner
co-organised, took part in or funded, year by year, among the records the reader may see."""

import io
from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, CharField, Count, Value, When
from django.db.models.functions import ExtractYear
from django.http import FileResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from activities import roles
from activities.models import Activity, ActivityPartner, PartnerRole
from core.xlsx import write_workbook
from partners.models import Partner
from web.exports import XLSX

# The three ways the page counts a partner's part in an activity.
ROLE_GROUPS = {
    "co_organised": [
        PartnerRole.ORGANISER,
        PartnerRole.CO_ORGANISER,
        PartnerRole.HOST,
        PartnerRole.CO_HOST,
    ],
    "took_part": [PartnerRole.PARTICIPANT, PartnerRole.COLLABORATOR, PartnerRole.BENEFICIARY],
    "funded": [PartnerRole.FUNDER],
}
GROUP_LABELS = {
    "co_organised": gettext_lazy("Co-organised"),
    "took_part": gettext_lazy("Took part"),
    "funded": gettext_lazy("Funded"),
}


def partner_years(user):
    """[(partner name, year, {group: activities})] by name and year; two queries."""
    # An activity counts once in a group, whatever roles in it the partner held.
    group = Case(
        *(When(role__in=members, then=Value(name)) for name, members in ROLE_GROUPS.items()),
        output_field=CharField(),
    )
    rows = (
        ActivityPartner.objects.filter(activity__in=Activity.objects.visible_to(user))
        .annotate(year=ExtractYear("activity__start_date"), group=group)
        .values_list("partner_id", "year", "group")
        .annotate(n=Count("activity_id", distinct=True))
        .order_by()
    )
    counts = defaultdict(lambda: dict.fromkeys(ROLE_GROUPS, 0))
    for partner_id, year, group_name, n in rows:
        if group_name in ROLE_GROUPS:
            counts[partner_id, year][group_name] = n
    names = dict(
        Partner.objects.filter(pk__in={pk for pk, _year in counts}).values_list("pk", "name")
    )
    return sorted(
        ((names[pk], year, groups) for (pk, year), groups in counts.items() if pk in names),
        key=lambda row: (row[0].lower(), row[1]),
    )


def _check(request):
    if not roles.is_member(request.user):
        raise PermissionDenied


@login_required
@require_GET
def page(request):
    _check(request)
    rows = partner_years(request.user)
    return render(
        request,
        "partners/partner_years.html",
        {"rows": rows, "groups": list(ROLE_GROUPS), "labels": GROUP_LABELS},
    )


@login_required
@require_GET
def export_xlsx(request):
    _check(request)
    buffer = io.BytesIO()
    write_workbook(
        buffer,
        sheet_name=_("Partners by year"),
        header=[_("Partner"), _("Year"), *(str(GROUP_LABELS[g]) for g in ROLE_GROUPS)],
        rows=(
            [name, year, *(groups[g] for g in ROLE_GROUPS)]
            for name, year, groups in partner_years(request.user)
        ),
        widths=[50, 8, 14, 14, 14],
    )
    buffer.seek(0)
    response = FileResponse(buffer, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="partners-by-year.xlsx"'
    return response
