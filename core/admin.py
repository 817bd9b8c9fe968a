"""An admin base class that keeps a visibility rule on every admin page, history included.

A ModelAdmin's `get_queryset` decides what its lists, forms, actions, autocomplete and
raw-id lookups reach. This class makes it decide the rest too: the change, delete,
history and revert pages of a record outside it answer 404 (Django's admin would
redirect with "perhaps it was deleted", simple_history would show its history anyway),
and past versions are filtered by `visible_history`.
"""

import re

from django import forms
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import PAGE_VAR, SEARCH_VAR, ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils import translation
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.date_entry import DATE_FIELD_OVERRIDES

INTEGER = re.compile(r"^[+-]?\d+$")
# What every database here stores in an integer column (a 64-bit signed integer).
INTEGER_RANGE = range(-(2**63), 2**63)


def fits(value):
    """Whether `value` is no integer, or one that a database column can hold."""
    return not INTEGER.match(value) or int(value) in INTEGER_RANGE


class SafeChangeList(ChangeList):
    """Filter values no record could have are a wrong lookup, not a server error.

    Django catches a bad day or month, but not a year of 99999999999 (or 9999, whose next
    year does not exist), nor an id too large for the database's integers.
    """

    def get_filters(self, request):
        for name, values in request.GET.lists():
            if name not in (SEARCH_VAR, PAGE_VAR) and not all(fits(v) for v in values):
                raise IncorrectLookupParameters(f"{name} is out of range")
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class SafeAutocompleteMixin:
    """Redrawing a form with a wrong id in an autocomplete box shows the box empty.

    Django's widget looks the submitted ids up to label them, and a word or a number too
    large for the database made that lookup fail after the form had already said the
    value was wrong.
    """

    def optgroups(self, name, value, attr=None):
        pk = self.field.remote_field.model._meta.pk
        valid = []
        for item in value:
            try:
                cleaned = pk.to_python(item)
            except ValidationError:
                continue
            if not isinstance(cleaned, int) or cleaned in INTEGER_RANGE:
                valid.append(item)
        return super().optgroups(name, valid, attr)


class SafeAutocompleteSelect(SafeAutocompleteMixin, AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(SafeAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Ids too large for the database are wrong choices, said next to the field."""

    def clean(self, value):
        for item in value or []:
            if isinstance(item, str) and not fits(item.strip()):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": item},
                )
        return super().clean(value)


class SafeAutocompleteAdmin:
    """For ModelAdmins and inlines: autocomplete boxes that survive wrong ids."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# Django's admin loads these on every form for slugs typed from a title (about 40 KB, most of
# it XRegExp); a form with no such slug needs none of them.
PREPOPULATE_SCRIPTS = ("admin/js/urlify.js", "admin/js/prepopulate.js", "admin/js/vendor/xregexp/")


class LightMediaAdmin:
    """For ModelAdmins: no slug-from-title scripts on forms that have no such slug."""

    @property
    def media(self):
        media = super().media
        if self.prepopulated_fields:
            return media
        kept = [js for js in media._js if not str(js).startswith(PREPOPULATE_SCRIPTS)]
        return forms.Media(js=kept, css=media._css)


def name_boxes(form, row=None):
    """Name each visible box of `form` after its field (and `row`, the record of a list's
    line) for screen readers, where a table column's heading is the only label: a box that
    already has a name, and lists of boxes to tick (each named by its option), keep theirs."""
    for field in form.fields.values():
        widget = field.widget
        if widget.is_hidden or "aria-label" in widget.attrs:
            continue
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        name = str(field.label or "").strip().rstrip(":")
        if name:
            name = name[0].upper() + name[1:]
            widget.attrs["aria-label"] = f"{name}: {row}" if row is not None else name


class NamedListBoxesAdmin:
    """For ModelAdmins with boxes in their list (list_editable): each box is named after its
    column and its line's record ("Order: Gender and migration")."""

    def get_changelist_form(self, request, **kwargs):
        form = super().get_changelist_form(request, **kwargs)

        class NamedRowForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                try:
                    row = str(self.instance) if self.instance.pk is not None else None
                except ObjectDoesNotExist:  # a line whose name comes from a missing record
                    row = None
                name_boxes(self, row)

        NamedRowForm.__name__ = form.__name__
        return NamedRowForm


class NamedBoxesMedia:
    # Type-ahead boxes named after their fields (static/js/admin-labels.js), and whose Enter
    # waits for the matches of what was typed (static/js/admin-choice-entry.js).
    js = [
        "admin/js/jquery.init.js",
        "js/admin-labels.js",
        "js/admin-choice-entry.js",
    ]


class RecordAdmin(LightMediaAdmin, NamedListBoxesAdmin, SafeAutocompleteAdmin, SimpleHistoryAdmin):
    """SimpleHistoryAdmin that answers only within `get_queryset` and `visible_history`."""

    class Media(NamedBoxesMedia):
        pass

    # Date boxes say how a date is typed, day first in every language, and what is wrong.
    formfield_overrides = {models.DateField: DATE_FIELD_OVERRIDES}

    @property
    def history_manager(self):
        return getattr(self.model, self.model._meta.simple_history_manager_attribute)

    def get_changelist(self, request, **kwargs):
        return SafeChangeList

    def visible_history(self, request, versions):
        """The past versions `request.user` may read; every one, unless a subclass says less."""
        return versions

    def version_context(self, request, version):
        """More for the page of a past version (what reverting to it brings back)."""
        return {}

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

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Outside the rule is not found, whatever one's permissions (Django checks those first)."""
        if self.get_object(request, self.parse_pk(object_id)) is None:
            raise Http404
        return super().change_view(request, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        if self.get_object(request, self.parse_pk(object_id)) is None:
            raise Http404
        return super().delete_view(request, object_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        pk = self.parse_pk(object_id)
        if self.get_object(request, pk) is None:
            exists = self.model._default_manager.filter(pk=pk).exists()
            if exists or not self.shows_deleted_history(request):
                raise Http404
            if not self.versions_of(request, pk).exists():
                raise Http404
        return super().history_view(request, object_id, extra_context)

    def versions_of(self, request, pk):
        """The past versions of record `pk` that `request.user` may read."""
        pk_name = self.model._meta.pk.attname
        return self.get_history_queryset(request, self.history_manager, pk_name, pk)

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        versions = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return self.visible_history(request, versions)

    def get_version(self, request, obj, version_id):
        """The past version `version_id` of `obj`, if `request.user` may read it."""
        try:
            version_id = int(version_id)
        except (TypeError, ValueError):
            raise Http404 from None
        version = self.versions_of(request, obj.pk).filter(history_id=version_id).first()
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
        extra_context = {**(extra_context or {}), **self.version_context(request, version)}
        with transaction.atomic():
            return super().history_form_view(request, obj.pk, version.history_id, extra_context)


class NamedBoxesInline:
    """For tabular inlines: a table row has no <label> per box, so each box is named after
    its field for screen readers (the column heading says it only to sighted readers)."""

    formfield_overrides = {models.DateField: DATE_FIELD_OVERRIDES}

    def get_formset(self, request, obj=None, **kwargs):
        """The box that deletes a row is named too ("Delete"): a box with no name was the
        form's one critical fault for screen readers."""
        formset = super().get_formset(request, obj, **kwargs)

        class NamedDeleteFormSet(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                delete = form.fields.get("DELETE")
                if delete is not None:
                    delete.widget.attrs["aria-label"] = str(delete.label)
                # Boxes of the form's own fields, beside the model's ("or a new section").
                name_boxes(form)

        NamedDeleteFormSet.__name__ = formset.__name__
        return NamedDeleteFormSet

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and getattr(db_field, "verbose_name", None):
            field.widget.attrs["aria-label"] = str(db_field.verbose_name).capitalize()
        return field


class RegistryAdmin(TranslationAdmin):
    """A registry whose names are entered in English, French and Spanish side by side
    (core/registry_names.py).

    Saved with English active, so that the untranslated column the table keeps (`name`)
    always holds the English name whatever the manager's language: its unique constraint
    and the orderings that read it then agree with `name_en`.
    """

    def save_model(self, request, obj, form, change):
        with translation.override("en"):
            super().save_model(request, obj, form, change)
