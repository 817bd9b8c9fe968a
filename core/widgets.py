"""Form widgets rendered in Python rather than through Django's widget templates.

A select of 250 countries renders 250 option templates in Django's default widget, which
costs more than every query of a list page together; the same HTML built here costs a
fraction of it. A text box drawn through its three templates costs as much as ten rows of
the list; written here, it costs a few string operations.
"""

import html

from django import forms
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

# {(choices, selected value): the options' HTML}: a filter form's selects (countries, areas,
# types) draw the same options request after request.
_options = {}
OPTIONS_KEPT = 256


class QuickSelect(forms.Select):
    """A single-choice select, with its options and groups written directly; the options of
    a list of choices already drawn with the same value chosen are taken as drawn."""

    def _option(self, value, label, selected):
        # html.escape is what django.utils.html.escape applies, without its lazy-text wrapper.
        value = "" if value is None else str(value)
        chosen = " selected" if value in selected else ""
        return f'<option value="{html.escape(value)}"{chosen}>{html.escape(str(label))}</option>'

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        selected = set(self.format_value(value)[:1])
        # Labels as text: a lazily translated label is a key only in the language it is read in.
        choices = tuple(
            (
                option_value,
                tuple((v, str(text)) for v, text in label)
                if isinstance(label, (list, tuple))
                else str(label),
            )
            for option_value, label in self.choices
        )
        key = (choices, tuple(selected))
        options = _options.get(key)
        if options is None:
            parts = []
            for option_value, label in choices:
                if isinstance(label, tuple):
                    group = "".join(self._option(v, text, selected) for v, text in label)
                    parts.append(f'<optgroup label="{escape(option_value)}">{group}</optgroup>')
                else:
                    parts.append(self._option(option_value, label, selected))
            options = "".join(parts)
            if len(_options) >= OPTIONS_KEPT:
                _options.clear()
            _options[key] = options
        return mark_safe(f"<select{flatatt(final_attrs)}>{options}</select>")


def attributes(attrs):
    """HTML attributes as Django's attrs.html writes them: in order, True bare, False left out."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        elif value is not False:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


class QuickInputMixin:
    """An <input> with the HTML of Django's input.html, written without its templates."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = widget["value"]
        value = "" if value is None else f' value="{conditional_escape(str(value))}"'
        return mark_safe(
            f'<input type="{conditional_escape(widget["type"])}"'
            f' name="{conditional_escape(widget["name"])}"{value}{attributes(widget["attrs"])}>'
        )


class QuickTextInput(QuickInputMixin, forms.TextInput):
    pass


class QuickNumberInput(QuickInputMixin, forms.NumberInput):
    pass


class ExactSelectMixin:
    """A select drawn with exactly the HTML of Django's select.html and select_option.html
    (line breaks included), without them: for selects that add behaviour of their own,
    such as the sort's comma-separated select."""

    def _render(self, template_name, context, renderer=None):
        if template_name != self.template_name:
            return super()._render(template_name, context, renderer)
        widget = context["widget"]
        parts = [f'<select name="{conditional_escape(widget["name"])}"']
        parts.append(f"{attributes(widget['attrs'])}>")
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{conditional_escape(str(option["value"]))}"'
                    f"{attributes(option['attrs'])}>{conditional_escape(option['label'])}"
                    "</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))


_exact = {}


def exact(widget_class):
    """`widget_class` drawing its select without templates (one subclass made per class)."""
    quick = _exact.get(widget_class)
    if quick is None:
        name = f"Exact{widget_class.__name__}"
        quick = _exact[widget_class] = type(name, (ExactSelectMixin, widget_class), {})
    return quick


# Django's widgets and the quick ones that write the same HTML in their place.
QUICK = {
    forms.Select: QuickSelect,
    forms.TextInput: QuickTextInput,
    forms.NumberInput: QuickNumberInput,
}


def quicken(form):
    """Give `form`'s fields the quick widget of their kind, where there is one."""
    for field in form.fields.values():
        kind = type(field.widget)
        quick = QUICK.get(kind)
        if quick is None and issubclass(kind, forms.Select) and not issubclass(kind, QuickSelect):
            quick = exact(kind)
        if quick is not None:
            field.widget.__class__ = quick
