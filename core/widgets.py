"""Form widgets rendered in Python rather than through a template per option.

A select of 250 countries renders 250 option templates in Django's default widget, which
costs more than every query of a list page together; the same HTML built here costs a
fraction of it.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A single-choice select, with its options and groups written directly."""

    def _option(self, value, label, selected):
        value = "" if value is None else str(value)
        chosen = " selected" if value in selected else ""
        return f'<option value="{escape(value)}"{chosen}>{escape(label)}</option>'

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = set(self.format_value(value)[:1])
        parts = []
        for option_value, label in self.choices:
            if isinstance(label, (list, tuple)):
                options = "".join(self._option(v, text, selected) for v, text in label)
                parts.append(f'<optgroup label="{escape(option_value)}">{options}</optgroup>')
            else:
                parts.append(self._option(option_value, label, selected))
        return mark_safe(f"<select{flatatt(final_attrs)}>{''.join(parts)}</select>")
