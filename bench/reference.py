"""The list page and the API list drawn the plain way: templates, Django's widget
templates and the nested serialisers.

The fast paths (web/fragments.py, core/widgets.py, api/rows.py) must give the same bytes;
the tests compare the two, and `make bench` measures both in one run, so the gain is read
as a ratio on the same machine at the same moment.
"""

import contextlib
from unittest import mock

from django import forms
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from rest_framework import viewsets

from api.views import ActivityViewSet
from core.widgets import ExactSelectMixin, QuickInputMixin
from web import fragments


def activity_table(activities, show_states):
    """The table through its template, over activities with their areas prefetched as the
    template reads them (`thematic_areas.all`), in one query as before."""
    activities = list(activities)
    prefetch_related_objects(activities, "thematic_areas")
    return render_to_string(
        "includes/activity_table.html", {"activities": activities, "show_states": show_states}
    )


def filter_form(form):
    return render_to_string("includes/filter_form.html", {"form": form})


def api_page(viewset, request):
    """The API page through the serialisers over model instances with their relations."""
    return viewsets.ModelViewSet.list(viewset, request).data


@contextlib.contextmanager
def plain_paths():
    """Within this block, the list pages and the API list take the plain paths."""
    with (
        mock.patch.object(fragments, "activity_table", activity_table),
        mock.patch.object(fragments, "filter_form", filter_form),
        mock.patch.object(QuickInputMixin, "render", forms.Widget.render),
        mock.patch.object(ExactSelectMixin, "_render", forms.Widget._render),
        mock.patch.object(ActivityViewSet, "page_data", api_page),
    ):
        yield
