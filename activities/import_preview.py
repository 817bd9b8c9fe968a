"""What the import's preview shows of a checked file: a view of its rows, a page at a time.

"all", "errors" (the rows that would not import) or "duplicates" (the rows that look like
records already there), PAGE rows a page, so a 200-row file is a few screens, and every
wrong row named at the top with its reason.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from activities import importing
from partners.models import Partner

PAGE = 50
# How many wrong rows the summary names before pointing to the "errors only" view.
SUMMARY = 20
VIEWS = {
    "all": _("All rows"),
    "errors": _("Errors only"),
    "duplicates": _("Possible duplicates only"),
}


@dataclass
class View:
    show: str
    page: int
    pages: int
    rows: list  # the rows of this page
    total: int  # rows in this view
    first: int  # position of the first row shown in the view, from 1
    summary: list  # the first SUMMARY wrong rows
    more: int  # wrong rows beyond the summary
    choices: list  # (value, label, count) for the view switcher

    @classmethod
    def of(cls, request, result):
        params = request.POST if request.method == "POST" else request.GET
        show = params.get("show") or "all"
        if show not in VIEWS:
            show = "all"
        wanted = {"errors": importing.ERROR, "duplicates": importing.DUPLICATE}.get(show)
        rows = [row for row in result.rows if wanted is None or row.status == wanted]
        pages = max(1, -(-len(rows) // PAGE))
        page = params.get("page", "1")
        page = min(int(page), pages) if page.isdigit() and len(page) < 6 and int(page) else 1
        start = (page - 1) * PAGE
        wrong = result.wrong_rows
        counts = {"all": len(result.rows), "errors": len(wrong), "duplicates": result.duplicates}
        return cls(
            show=show,
            page=page,
            pages=pages,
            rows=rows[start : start + PAGE],
            total=len(rows),
            first=start + 1,
            summary=wrong[:SUMMARY],
            more=max(0, len(wrong) - SUMMARY),
            choices=[(value, label, counts[value]) for value, label in VIEWS.items()],
        )

    @property
    def last(self):
        return self.first + len(self.rows) - 1

    @property
    def page_numbers(self):
        return range(1, self.pages + 1)

    @property
    def wrong_shown(self):
        """How many wrong rows the summary names (all of them when the preview is complete)."""
        return len(self.summary)


class AliasForm(forms.Form):
    """A name is a partner: the name as the file writes it, and the partner chosen."""

    name = forms.CharField(max_length=200, strip=True)
    partner = forms.IntegerField(min_value=1, max_value=2**31 - 1)

    @classmethod
    def of(cls, value):
        """From the button's value: the partner's id, "|", the name as written."""
        partner, _bar, name = value.partition("|")
        return cls({"partner": partner, "name": name})

    def clean_partner(self):
        partner = Partner.objects.filter(pk=self.cleaned_data["partner"]).first()
        if partner is None:
            raise forms.ValidationError(_("Choose one of the partners offered."))
        return partner
