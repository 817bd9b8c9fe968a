"""A piece of work done in the background for one person, and the files it keeps.

The files live in a private folder (settings.GCU_PRIVATE_ROOT) that no URL serves: only the
job's pages hand them out, to the job's owner. Jobs and their files are removed a day after
they were made (`manage.py purge_jobs`, also run by the worker's own task).
"""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


class PrivateStorage(LazyObject):
    """The private folder, read from the settings when first used (tests point it elsewhere)."""

    def _setup(self):
        self._wrapped = FileSystemStorage(
            location=settings.GCU_PRIVATE_ROOT, base_url=None, directory_permissions_mode=0o700
        )


private_storage = PrivateStorage()


def private_files():
    """The fields' storage, named by this function in migrations: the folder is a setting of
    each server, never a path written into the schema's history."""
    return private_storage


def job_path(job, filename):
    # One folder per job, so that removing a job removes everything it kept.
    return f"jobs/{job.pk}/{filename}"


class JobKind(models.TextChoices):
    IMPORT_CHECK = "import-check", _("Checking a spreadsheet")
    IMPORT_SAVE = "import-save", _("Importing a spreadsheet")
    EXPORT = "export", _("Exporting the list")
    REPORT = "report", _("Building a report")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for its turn")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class JobQuerySet(models.QuerySet):
    def of(self, user):
        """The jobs a person may see: their own, whoever they are."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(owner=user)


class Job(models.Model):
    # A random id: a job's address tells nothing and cannot be guessed from another's.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("owner"), on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=20, choices=JobKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    # Written by the worker as it goes, so that a stalled job can be told from a slow one.
    heartbeat = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in all"), null=True, blank=True)
    # What the job works on (an uploaded spreadsheet) and what it makes (an export).
    upload = models.FileField(
        _("uploaded file"), storage=private_files, upload_to=job_path, blank=True, max_length=300
    )
    upload_name = models.CharField(_("uploaded file's name"), max_length=255, blank=True)
    result = models.FileField(
        _("result file"), storage=private_files, upload_to=job_path, blank=True, max_length=300
    )
    result_name = models.CharField(_("result file's name"), max_length=255, blank=True)
    params = models.JSONField(_("what was asked"), default=dict, blank=True)
    summary = models.JSONField(_("outcome"), default=dict, blank=True)
    error = models.TextField(_("why it failed"), blank=True)
    # The job it follows from: the import of a checked file refers to the check.
    source = models.ForeignKey(
        "self", verbose_name=_("follows"), null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = JobQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def get_absolute_url(self):
        # The page that started the job says where its outcome is shown (an import's preview
        # in the admin); otherwise the plain job page.
        return self.params.get("page") or reverse("jobs:detail", args=[self.pk])

    @property
    def over(self):
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self):
        if not self.rows_total:
            return None
        return min(100, round(100 * self.rows_done / self.rows_total))
