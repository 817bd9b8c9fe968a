"""The admin's spreadsheet import: upload, a preview of every row, then the import itself.

The upload is kept on the server, privately and for a day (jobs.Job); the preview and the
import run in the background (activities/import_jobs.py) while a page shows their progress.
The confirmation names the checked upload by its job, never sends the file back; the import
checks it again, and a row that went wrong in between (a record deleted, a partner renamed)
stops the import with nothing saved.
"""

import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities import import_jobs, importing
from activities import import_preview as preview
from activities.import_template import write_template
from core import sheets
from core.xlsx import write_workbook
from jobs import services as jobs
from jobs.models import Job, JobKind, JobStatus
from partners.services import remember_alias

IMPORT_KINDS = (JobKind.IMPORT_CHECK, JobKind.IMPORT_SAVE)


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "An Excel workbook (.xlsx) or a CSV file with a row naming the columns as the "
            "template does, in English, French or Spanish; titles and notes above it are left "
            "aside. Nothing is saved before you have seen every row."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > sheets.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 50 MB; split it into several files.")
            )
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Choose an Excel workbook (.xlsx) or a CSV file (.csv)."))
        try:
            importing.check_header(upload.file, upload.name)
        except importing.ImportFileError as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


class ImportAdminMixin:
    """Adds "Import from a spreadsheet" to the activity admin, for those who may add.

    Upload, then a page per job (the check, then the import) that shows its progress and its
    outcome; each job is its owner's alone, and answers 404 to anyone else.
    """

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="activities_activity_import"),
            path(
                "import/template.xlsx",
                view(self.import_template_view),
                name="activities_activity_import_template",
            ),
            path(
                "import/<uuid:job_id>/",
                view(self.import_job_view),
                name="activities_activity_import_job",
            ),
            path(
                "import/<uuid:job_id>/confirm/",
                view(self.import_confirm_view),
                name="activities_activity_import_confirm",
            ),
            path(
                "import/<uuid:job_id>/again/",
                view(self.import_again_view),
                name="activities_activity_import_again",
            ),
            path(
                "import/<uuid:job_id>/remember/",
                view(self.import_remember_view),
                name="activities_activity_import_remember",
            ),
            path(
                "import/<uuid:job_id>/sheet/",
                view(self.import_sheet_view),
                name="activities_activity_import_sheet",
            ),
            path(
                "import/<uuid:job_id>/to-correct.xlsx",
                view(self.import_rest_view),
                name="activities_activity_import_rest",
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

    @staticmethod
    def _job_page(job):
        return reverse("admin:activities_activity_import_job", args=[job.pk])

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            job = import_jobs.start_check(
                user=request.user,
                upload=upload,
                filename=upload.name,
                language=translation.get_language(),
                page=self._job_page,
            )
            return redirect(self._job_page(job))
        return TemplateResponse(
            request,
            "admin/activities/activity/import.html",
            self._import_context(request, form=form),
        )

    def _own_job(self, request, job_id):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return get_object_or_404(
            Job.objects.of(request.user).filter(kind__in=IMPORT_KINDS), pk=job_id
        )

    def import_job_view(self, request, job_id):
        job = self._own_job(request, job_id)
        context = {"job": job, "stalled": jobs.stalled(job)}
        if job.kind == JobKind.IMPORT_CHECK and job.status == JobStatus.DONE:
            result = import_jobs.stored_preview(job)
            if result is not None:
                return self._preview(request, job, result)
        return TemplateResponse(
            request,
            "admin/activities/activity/import_job.html",
            self._import_context(request, **context),
        )

    def _preview(self, request, job, result, status=200):
        return TemplateResponse(
            request,
            "admin/activities/activity/import_preview.html",
            self._import_context(
                request,
                job=job,
                result=result,
                view=preview.View.of(request, result),
                keys=[column.key for column in importing.COLUMNS],
                may_remember=request.user.has_perm("partners.add_partneralias"),
            ),
            status=status,
        )

    def _checked(self, request, job_id):
        """The check job of `request.user` and its stored preview, or None for either."""
        job = self._own_job(request, job_id)
        result = import_jobs.stored_preview(job) if job.kind == JobKind.IMPORT_CHECK else None
        return job, result

    def _check_again(self, request, job, sheet):
        """The same stored upload checked once more (a name remembered, another sheet)."""
        again = import_jobs.check_again(
            check=job, sheet=sheet, language=translation.get_language(), page=self._job_page
        )
        return redirect(self._job_page(again))

    def import_remember_view(self, request, job_id):
        """Remembering "X is Y": an alias stored for good, then the file checked again."""
        job, result = self._checked(request, job_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("partners.add_partneralias"):
            raise PermissionDenied
        if result is None:
            return HttpResponseBadRequest(_("This file has not been checked; upload it again."))
        form = preview.AliasForm.of(request.POST.get("remember", ""))
        if not form.is_valid():
            messages.error(request, _("Choose one of the partners offered."))
            return redirect(self._job_page(job))
        try:
            alias = remember_alias(
                partner=form.cleaned_data["partner"],
                name=form.cleaned_data["name"],
                user=request.user,
                reason=_("Confirmed in the preview of %(file)s") % {"file": job.upload_name},
            )
        except ValidationError as problem:
            messages.error(request, " ".join(problem.messages))
            return redirect(self._job_page(job))
        messages.success(
            request,
            _("“%(name)s” now means %(partner)s, in this file and the next.")
            % {"name": alias.name, "partner": alias.partner},
        )
        return self._check_again(request, job, result.sheet or None)

    def import_sheet_view(self, request, job_id):
        job, result = self._checked(request, job_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        sheet = request.POST.get("sheet", "")
        if result is None or sheet not in result.sheets:
            messages.error(request, _("Choose one of the workbook's sheets."))
            return redirect(self._job_page(job))
        return self._check_again(request, job, sheet)

    def import_rest_view(self, request, job_id):
        """The wrong rows as a sheet, each with its reason, to correct and upload again."""
        job, result = self._checked(request, job_id)
        if result is None:
            return HttpResponseBadRequest(_("This file has not been checked; upload it again."))
        header, rows = importing.rest_rows(result)
        spool = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
        write_workbook(spool, sheet_name=_("To correct"), header=header, rows=rows)
        spool.seek(0)
        stem = job.upload_name.rsplit(".", 1)[0][:80] or "import"
        return FileResponse(spool, as_attachment=True, filename=f"{stem}-{_('to-correct')}.xlsx")

    def import_confirm_view(self, request, job_id):
        job = self._own_job(request, job_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        result = import_jobs.stored_preview(job) if job.kind == JobKind.IMPORT_CHECK else None
        if result is None:
            return HttpResponseBadRequest(_("This file has not been checked; upload it again."))
        # "Import the good rows": the wrong ones are left out, to download and correct.
        only_good = request.POST.get("action") == "good"
        if result.errors and not only_good:
            messages.error(
                request,
                _(
                    "Correct the rows marked in the file and upload it again: nothing is imported "
                    "while any row has an error."
                ),
            )
            return self._preview(request, job, result, status=400)
        wanted = {int(n) for n in request.POST.getlist("look_alike") if n.isdigit() and len(n) < 10}
        saving = import_jobs.start_save(
            check=job,
            look_alikes=wanted,
            only_good=only_good,
            language=translation.get_language(),
            page=self._job_page,
        )
        return redirect(self._job_page(saving))

    def import_again_view(self, request, job_id):
        job = self._own_job(request, job_id)
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            jobs.run_again(job)
        except jobs.JobRefused as problem:
            messages.error(request, str(problem))
        return redirect(self._job_page(job))

    def import_template_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        spool = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
        write_template(spool)
        spool.seek(0)
        name = f"{_('activities-import-template')}-{timezone.localdate().isoformat()}.xlsx"
        return FileResponse(spool, as_attachment=True, filename=name)
