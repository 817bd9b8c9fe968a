"""A large list exported in the background: the file is made by the worker, kept for a day,
and handed to the person who asked only (jobs/views.py).

The list page offers it when its rows are many (GCU_EXPORT_IN_BACKGROUND_ROWS); the export
links stay as they are, streamed at once, for every list.
"""

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tasks import task

from activities import notifications, roles
from core.registry_names import current_language, requested_language
from core.xlsx import write_workbook
from jobs import services as jobs
from jobs.models import JobKind
from web.exports import CsvCells, _csv_blocks, export_filename, header, rows
from web.views import filtered_activities

FORMATS = ("csv", "xlsx")


class StoredRequest(HttpRequest):
    """The list's request as the worker replays it: who asked, with which filters, from
    which site address (for the links the file holds)."""

    def __init__(self, *, user, query, base):
        super().__init__()
        self.user = user
        self.GET = QueryDict(query)
        self.base = base

    def build_absolute_uri(self, location=None):
        return self.base.rstrip("/") + (location or "/")


@require_POST
@login_required
def export_in_background(request):
    fmt = request.POST.get("format")
    query = request.POST.get("query", "")
    if fmt not in FORMATS or len(query) > 4000:
        return HttpResponseBadRequest("format: csv or xlsx; query: the list's filters.\n")
    try:
        # The file's language: the one the list's `lang` names, or the reader's.
        language = requested_language(QueryDict(query).get("lang", current_language()))
    except ValueError as problem:
        return HttpResponseBadRequest(f"{problem}\n", content_type="text/plain; charset=utf-8")
    filterset, _rows = filtered_activities(StoredRequest(user=request.user, query=query, base="/"))
    if filterset.is_bound and not filterset.is_valid():
        return HttpResponseBadRequest("The list's filters are wrong; export from the list.\n")
    job = jobs.create(
        kind=JobKind.EXPORT,
        owner=request.user,
        params={
            "format": fmt,
            "query": query,
            "language": language,
            "base": request.build_absolute_uri("/"),
            "name": f"{export_filename(QueryDict(query), timezone.localdate())}.{fmt}",
        },
    )
    jobs.enqueue(job, export_list)
    return redirect(job)


@task()
def export_list(job_id):
    notifications.job_ended(jobs.run(job_id, _export))


def _export(job, progress):
    params = job.params
    request = StoredRequest(user=job.owner, query=params["query"], base=params["base"])
    with translation.override(params.get("language")):
        _filterset, queryset = filtered_activities(request)
        queryset = queryset.prefetch_related(None)
        total = queryset.count()
        progress(0, total)
        members = roles.is_member(job.owner)
        columns = header(members)
        with tempfile.TemporaryFile() as spool:
            if params["format"] == "csv":
                table = _counted(rows(queryset, request, members, CsvCells()), progress, total)
                for block in _csv_blocks([name for name, _width in columns], table):
                    spool.write(block.encode("utf-8"))
            else:
                write_workbook(
                    spool,
                    sheet_name=_("Activities"),
                    header=[name for name, _width in columns],
                    rows=_counted(rows(queryset, request, members), progress, total),
                    widths=[width for _name, width in columns],
                )
            spool.seek(0)
            jobs.finish(job, {"rows": total}, result=spool, result_name=params["name"])
    return None


def _counted(table, progress, total, every=5000):
    for done, row in enumerate(table, start=1):
        yield row
        if done % every == 0:
            progress(done, total)
