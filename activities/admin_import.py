"""The admin's spreadsheet import: upload, a preview of every row, then the import itself.

The preview writes nothing. The file travels back with the confirmation (a hidden field)
and is checked again before anything is saved, so no server keeps uploads between the two
steps and any app server can take the second; a row that went wrong in between (a record
deleted, a partner renamed) stops the import with the preview shown again.
"""

import base64
import binascii
import datetime
import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from activities import importing
from activities.models import (
    ActivityStatus,
    ActivityType,
    DatePrecision,
    PartnerRole,
    Prominence,
    ThematicArea,
)
from core import sheets
from core.xlsx import write_workbook
from partners.models import Partner


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file, its first row naming the columns as the "
            "template does. Nothing is saved before you have seen every row."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > sheets.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 10 MB; split it into several files.")
            )
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Choose an Excel workbook (.xlsx) or a CSV file (.csv)."))
        return upload


class ImportAdminMixin:
    """Adds "Import from a spreadsheet" to the activity admin, for those who may add."""

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="activities_activity_import",
            ),
            path(
                "import/template.xlsx",
                self.admin_site.admin_view(self.import_template_view),
                name="activities_activity_import_template",
            ),
            *super().get_urls(),
        ]

    def _import_context(self, request, **values):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import activities from a spreadsheet"),
            "columns": importing.COLUMNS,
            **values,
        }

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "content" in request.POST:
            return self._confirm(request)
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                result = importing.check(content, upload.name, request.user)
            except importing.ImportFileError as problem:
                form.add_error("file", str(problem))
            else:
                return self._preview(request, result, content)
        return TemplateResponse(
            request,
            "admin/activities/activity/import.html",
            self._import_context(request, form=form),
        )

    def _preview(self, request, result, content, status=200):
        return TemplateResponse(
            request,
            "admin/activities/activity/import_preview.html",
            self._import_context(
                request,
                result=result,
                content=base64.b64encode(content).decode(),
                keys=[column.key for column in importing.COLUMNS],
            ),
            status=status,
        )

    def _confirm(self, request):
        filename = request.POST.get("filename", "")
        try:
            content = base64.b64decode(request.POST["content"], validate=True)
            result = importing.check(content, filename, request.user)
        except (binascii.Error, ValueError, importing.ImportFileError):
            messages.error(request, _("The file could not be read again; upload it once more."))
            return redirect("admin:activities_activity_import")
        if result.errors:
            messages.error(
                request,
                _("Something changed since the preview: correct the rows marked and upload again."),
            )
            return self._preview(request, result, content, status=400)
        wanted = {int(n) for n in request.POST.getlist("look_alike") if n.isdigit()}
        made = importing.save(result, request.user, with_look_alikes=wanted)
        for activity in made:
            self.log_addition(request, activity, [{"added": {}}])
        left_out = sum(
            1
            for row in result.rows
            if row.status == importing.DUPLICATE and row.number not in wanted
        )
        message = _("%(n)s activities imported as your drafts, to submit for review.") % {
            "n": len(made)
        }
        if left_out:
            message += " " + _("%(n)s possible duplicates were left out.") % {"n": left_out}
        messages.success(request, message)
        return redirect(
            reverse("admin:activities_activity_changelist") + "?review_state__exact=draft"
        )

    def import_template_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        spool = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
        write_workbook(
            spool,
            sheet_name=_("Activities"),
            header=[str(column.label) for column in importing.COLUMNS],
            rows=template_rows(),
            widths=[column.width for column in importing.COLUMNS],
        )
        spool.seek(0)
        name = f"{_('activities-import-template')}-{timezone.localdate().isoformat()}.xlsx"
        return FileResponse(spool, as_attachment=True, filename=name)


def template_rows():
    """Two example rows for the template, from the registries where they have records."""
    types = {t.slug: t for t in ActivityType.objects.all()}
    first = types.get("training") or next(iter(types.values()), None)
    second = types.get("publication") or first
    area = ThematicArea.objects.order_by("order", "name").first()
    partner = Partner.objects.order_by("name").first()
    return [
        [
            _("Training of community leaders on safe migration"),
            first.name if first else _("Training"),
            _("A two-day training for community leaders on the rights of migrant workers."),
            datetime.date(2011, 5, 17),
            datetime.date(2011, 5, 18),
            str(DatePrecision.DAY.label),
            "Chisinau",
            str(countries.name("MD")),
            area.name if area else "",
            f"{partner.name} ({PartnerRole.ORGANISER.label})" if partner else "",
            "",
            "",
            "",
            str(Prominence.MINOR.label).split(":")[0],
            30,
            22,
            8,
            str(ActivityStatus.COMPLETED.label),
        ],
        [
            _("Contribution to a report on women migrant workers"),
            second.name if second else _("Publication"),
            _("Comments on the draft report, sent in June."),
            datetime.date(2011, 6, 1),
            None,
            str(DatePrecision.MONTH.label),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            None,
            None,
            None,
            str(ActivityStatus.COMPLETED.label),
        ],
    ]
