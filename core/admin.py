"""An admin base class that keeps a visibility rule on every admin page, history included.

A ModelAdmin's `get_queryset` decides what its lists, forms, actions, autocomplete and
raw-id lookups reach. This class makes it decide the rest too: the change, delete,
history and revert pages of a record outside it answer 404 (Django's admin would
redirect with "perhaps it was deleted", simple_history would show its history anyway),
and past versions are filtered by `visible_history`.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin


class SafeChangeList(ChangeList):
    """A date-hierarchy value out of the calendar's range is a wrong lookup, not a crash."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            # Django catches a bad day or month, but not year=99999999999 or year=9999.
            raise IncorrectLookupParameters(error) from error


class RecordAdmin(SimpleHistoryAdmin):
    """SimpleHistoryAdmin that answers only within `get_queryset` and `visible_history`."""

    @property
    def history_manager(self):
        return getattr(self.model, self.model._meta.simple_history_manager_attribute)

    def get_changelist(self, request, **kwargs):
        return SafeChangeList

    def visible_history(self, request, versions):
        """The past versions `request.user` may read; every one, unless a subclass says less."""
        return versions

    def shows_deleted_history(self, request):
        """Whether the history of a deleted record may be read: by those who may delete."""
        return self.has_delete_permission(request)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        """A record outside the rule is not found, never "perhaps deleted"."""
        raise Http404

    def parse_pk(self, object_id):
        try:
            return self.model._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None

    def history_view(self, request, object_id, extra_context=None):
        pk = self.parse_pk(object_id)
        if self.get_object(request, pk) is None:
            exists = self.model._default_manager.filter(pk=pk).exists()
            if exists or not self.shows_deleted_history(request):
                raise Http404
            if not self.get_history_queryset(request, self.history_manager, "pk", pk).exists():
                raise Http404
        return super().history_view(request, object_id, extra_context)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        versions = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return self.visible_history(request, versions)

    def get_version(self, request, obj, version_id):
        """The past version `version_id` of `obj`, if `request.user` may read it."""
        try:
            version_id = int(version_id)
        except (TypeError, ValueError):
            raise Http404 from None
        versions = self.get_history_queryset(request, self.history_manager, "pk", obj.pk)
        version = versions.filter(history_id=version_id).first()
        if version is None:
            raise Http404
        return version

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """A past version, and reverting to it: only within the rule, and only with change rights."""
        obj = self.get_object(request, self.parse_pk(object_id))
        if obj is None:
            raise Http404
        version = self.get_version(request, obj, version_id)
        if request.method == "POST" and not self.has_change_permission(request, obj):
            # simple_history checks only the view permission before saving a revert.
            raise PermissionDenied
        request.reverting_to = version
        with transaction.atomic():
            return super().history_form_view(request, obj.pk, version.history_id, extra_context)
