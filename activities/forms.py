"""The activity form of the admin: the version it was based on, the review rules, reverting.

When someone saved the record after the form was opened, the form is not saved. What the
other person changed and this person had left alone takes the other person's value; what
both changed keeps this person's value and is marked; everything else is kept as typed.
Saving again then applies the form to the version both have now seen.
"""

from django import forms
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from activities import history, services
from activities.models import ReviewState, Visibility
from core.dates import format_date_range


def revert_form(form_class, version):
    """The change form showing a past version, its areas included (simple_history shows today's)."""
    areas = (version.relations or {}).get("areas")
    if areas is None:
        areas = list(version.thematic_areas.values_list("thematicarea_id", flat=True))

    class RevertForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initial["thematic_areas"] = areas

    return RevertForm


class ActivityAdminForm(forms.ModelForm):
    """The activity form: says which version it was based on, and keeps to the review rules."""

    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    not_a_duplicate = forms.BooleanField(
        label=_lazy("Save it anyway: it is not one of the activities listed above"),
        required=False,
        widget=forms.HiddenInput,
    )

    user = None  # set by ActivityAdmin.get_form; the admin supplies model and fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored = None
        if self.instance.pk:
            # The stored record, not the instance: a revert form's instance is a past version.
            self.stored = services.current_state(self.instance.pk)
            self.initial["based_on_version"] = self.stored.version
        language = self.fields.get("original_language")
        if language is not None:
            language.required = False
        visibility = self.fields.get("visibility")
        stored_public = self.stored is not None and self.stored.visibility == Visibility.PUBLIC
        if visibility is not None and not services.can_publish(self.user) and not stored_public:
            # Making a record public is a manager's move: it is not offered to others.
            visibility.choices = [c for c in visibility.choices if c[0] != Visibility.PUBLIC]

    def clean_original_language(self):
        """A form sent without the record's language keeps the one it has (English if new)."""
        return self.cleaned_data.get("original_language") or self.instance.original_language

    def clean(self):
        cleaned = super().clean()
        if self.stored is not None:
            based_on = cleaned.get("based_on_version")
            if based_on != self.stored.version:
                self.data = self.data.copy()
                adopted, both = self.merge_with(self.stored, based_on)
                self.add_error(None, stale_message(self.stored, based_on, adopted, both))
                # Saving again applies this form to the version it now shows, knowingly.
                self.data[self.add_prefix("based_on_version")] = self.stored.version
        stored = self.stored
        errors = services.workflow_errors(
            self.user,
            stored,
            stored.review_state if stored is not None else ReviewState.DRAFT,
            cleaned.get("visibility", stored.visibility if stored is not None else None),
        )
        for field, message in errors.items():
            self.add_error(field, message)
        if self.stored is None and not self.errors and not cleaned.get("not_a_duplicate"):
            self.warn_of_duplicates(cleaned)
        return cleaned

    def warn_of_duplicates(self, cleaned):
        """A new record with the title of one already there, or its date, type and place, is
        held back once with the look-alikes named; ticking the box saves it.

        Only records the user may see are named: a confidential one is never revealed here.
        """
        same = services.possible_duplicates(
            user=self.user,
            title=cleaned.get("title", ""),
            start_date=cleaned.get("start_date"),
            activity_type=cleaned.get("activity_type"),
            city=cleaned.get("city", ""),
            country=cleaned.get("country", ""),
        )
        if not same:
            return
        links = format_html_join(
            ", ",
            '<a href="{}" target="_blank">{}</a> ({})',
            (
                (
                    reverse("admin:activities_activity_change", args=[a.pk]),
                    a.title,
                    format_date_range(a.start_date, a.end_date, a.date_precision),
                )
                for a in same
            ),
        )
        self.add_error(
            None,
            format_html(
                "{} {}",
                _("This looks like an activity already recorded:"),
                links,
            ),
        )
        field = self.fields["not_a_duplicate"]
        field.widget = forms.CheckboxInput()

    def merge_with(self, current, based_on):
        """Take `current`'s value where only the other person changed a field.

        Returns the labels of the fields that now show the other person's value, and of
        those both changed (marked, keeping this form's value).
        """
        base = history.values_at(current.pk, based_on)
        if base is None:
            return [], []
        theirs = history.values_of(current)
        adopted, both = [], []
        for name, field in self.fields.items():
            if name not in base or name not in self.cleaned_data:
                continue
            mine = history.comparable(self.cleaned_data[name])
            if theirs[name] == base[name] or mine == theirs[name]:
                continue
            label = str(field.label or name)
            if mine == base[name]:
                self.show_value(name, theirs[name])
                adopted.append(label)
            else:
                self.add_error(
                    name,
                    _(
                        "%(who)s also changed this field; your value is kept. The other value was: %(value)s"
                    )
                    % {"who": who_changed(current), "value": shown(field, theirs[name])},
                )
                both.append(label)
        return adopted, both

    def show_value(self, name, value):
        key = self.add_prefix(name)
        if isinstance(value, frozenset):
            self.data.setlist(key, [str(v) for v in sorted(value)])
        else:
            self.data[key] = "" if value is None else str(value)


def who_changed(current):
    return current.updated_by.get_username() if current.updated_by else _("Someone")


def shown(field, value):
    """A stored value as the person reads it in the form."""
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, frozenset):
        return "; ".join(str(choices.get(v, v)) for v in sorted(value)) or "—"
    if value in (None, ""):
        return "—"
    return str(choices.get(value, value))


def stale_message(current, based_on, adopted=(), both=()):
    """Who changed the record after the version a form was based on, when, and what came of it."""
    when = date_format(localtime(current.updated_at), "DATETIME_FORMAT")
    message = _(
        "%(who)s saved this activity (%(when)s) after you opened it, so nothing has been saved yet."
    ) % {"who": who_changed(current), "when": when}
    if adopted:
        message += " " + _("Their changes to %(fields)s are now in the form.") % {
            "fields": ", ".join(adopted)
        }
    if both:
        message += " " + _("You both changed %(fields)s: your values are kept and marked.") % {
            "fields": ", ".join(both)
        }
    if not adopted and not both:
        changed = services.fields_changed_since(current, based_on)
        if changed:
            message += " " + _("Their change concerned: %(fields)s.") % {
                "fields": ", ".join(changed)
            }
    return message + " " + _("Check the form, then save again to apply it.")
