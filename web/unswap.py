"""UN-SWAP evidence of a year, for staff in a role: per indicator, the activities and
commitments tagged for it with counts and links; suggestions to accept; an XLSX export for
the annual submission."""

import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from activities import roles
from activities.models import Activity
from core.dates import format_date
from core.xlsx import write_workbook
from unswap import services
from unswap.evidence import year_evidence
from unswap.models import Indicator
from web.exports import XLSX

FIRST_YEAR, LAST_YEAR = 1990, 2100


def _checked(request, year):
    """Staff in a role only; a year no record could have is a 404."""
    if not roles.is_member(request.user):
        raise PermissionDenied
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404


def can_tag(user):
    return user.has_perm("unswap.add_activitytag")


@login_required
@require_GET
def year_page(request, year):
    _checked(request, year)
    tagger = can_tag(request.user)
    rows = year_evidence(request.user, year, with_suggestions=tagger)
    return render(
        request,
        "unswap/year.html",
        {"year": year, "rows": rows, "can_tag": tagger, "total": sum(r.count for r in rows)},
    )


@login_required
@require_POST
def tag(request, year):
    """Accept a suggestion: the activity becomes evidence for the indicator."""
    _checked(request, year)
    if not can_tag(request.user):
        raise PermissionDenied
    number, activity = request.POST.get("indicator", ""), request.POST.get("activity", "")
    if not (number.isdigit() and activity.isdigit() and len(number) < 4 and len(activity) < 19):
        raise Http404
    indicator = get_object_or_404(Indicator, number=int(number))
    record = get_object_or_404(Activity.objects.visible_to(request.user), pk=int(activity))
    services.tag_activity(indicator=indicator, activity=record, user=request.user)
    return redirect("unswap:year", year=year)


@login_required
@require_GET
def export_xlsx(request, year):
    _checked(request, year)
    base = request.build_absolute_uri("/")
    rows = []
    for row in year_evidence(request.user, year):
        indicator = row.indicator
        for activity in row.activities:
            rows.append(
                [
                    indicator.number,
                    indicator.get_area_display(),
                    indicator.title,
                    _("Activity"),
                    activity.title,
                    format_date(activity.start_date, activity.date_precision),
                    f"{base.rstrip('/')}{activity.get_absolute_url()}",
                ]
            )
        for commitment in row.commitments:
            rows.append(
                [
                    indicator.number,
                    indicator.get_area_display(),
                    indicator.title,
                    _("Commitment"),
                    commitment.title,
                    commitment.get_status_display(),
                    str(commitment.source),
                ]
            )
    buffer = io.BytesIO()
    write_workbook(
        buffer,
        sheet_name=_("UN-SWAP %(year)s") % {"year": year},
        header=[
            _("Indicator"),
            _("Area"),
            _("Indicator title"),
            _("Evidence"),
            _("Title"),
            _("Date or status"),
            _("Link or source"),
        ],
        rows=rows,
        widths=[10, 30, 40, 14, 60, 20, 60],
    )
    buffer.seek(0)
    response = FileResponse(buffer, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="un-swap-evidence-{year}.xlsx"'
    return response
