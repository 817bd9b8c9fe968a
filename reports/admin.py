from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities import roles
from core.admin import NamedBoxesInline, RecordAdmin
from core.dates import format_date_range
from reports import markup, services
from reports.models import OWN_TEXTS, AnnualReport, InitiativeText, ReportHeading, ReportState

# The fields of a report's own text, each with a live preview of how it prints.
MARKUP_FIELDS = ("introduction", "closing")


class HeadingForm(forms.ModelForm):
    """A heading, and the record section it gathers made on the spot when it is new."""

    new_section = forms.CharField(
        label=_("or a new section"),
        required=False,
        max_length=200,
        help_text=_("Makes a report section of this name, gathered under this heading."),
    )

    class Meta:
        model = ReportHeading
        fields = ["order", "title", "sections"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A heading made with its new section may take the section's name as its title.
        self.fields["title"].required = False

    def has_changed(self):
        return super().has_changed() or bool(self.data.get(self.add_prefix("new_section")))

    def clean(self):
        data = super().clean()
        if data.get("new_section") and not data.get("title"):
            data["title"] = data["new_section"]
            self.instance.title = data["title"]
        if not data.get("title") and not data.get("DELETE"):
            self.add_error("title", _("Give the heading as printed, or a new section's name."))
        return data


class ReportHeadingInline(NamedBoxesInline, admin.TabularInline):
    model = ReportHeading
    form = HeadingForm
    extra = 1
    fields = [
        "order",
        "title",
        "sections",
        "new_section",
        "network_sentence",
        "commitments_source",
        "commitments_sentence",
    ]
    # A handful of sections: ticked in place, one line each.
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    verbose_name = _("heading")
    verbose_name_plural = _("headings, in the order printed")


class InitiativeTextInline(NamedBoxesInline, admin.StackedInline):
    model = InitiativeText
    extra = 0
    # Folded: the completeness check names the ones to look at again.
    classes = ["collapse"]
    fields = ["initiative", "text", ("checked", "carried_over")]
    readonly_fields = ["carried_over"]
    autocomplete_fields = ["initiative"]
    verbose_name = _("initiative paragraph")
    verbose_name_plural = _(
        "initiative paragraphs: this report's own words for initiatives it tells as one"
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = forms.Textarea(attrs={"rows": 5, "data-markup-preview": "true"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class StartForm(forms.ModelForm):
    """A new report's own facts, over the report it starts from."""

    source = forms.ModelChoiceField(
        label=_("start from"), queryset=AnnualReport.objects.none(), empty_label=None
    )

    class Meta:
        model = AnnualReport
        fields = [
            "year",
            "title",
            "symbol",
            "period_start",
            "period_end",
            "issue_date",
            "session",
            "session_start",
            "session_end",
        ]

    def __init__(self, *args, reports, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = reports
        self.fields["source"].label = capfirst(self.fields["source"].label)
        self.order_fields(["source", *self.Meta.fields])
        for name in ("period_start", "period_end", "issue_date", "session_start", "session_end"):
            self.fields[name].widget = AdminDateWidget()
        for name in ("title", "session"):
            self.fields[name].widget.attrs["class"] = "vTextField"

    @staticmethod
    def year_from(value, source):
        """The year asked for, or the first free one after the source's."""
        try:
            year = int(value)
        except (TypeError, ValueError):
            return services.free_year_after(source)
        return year if 1900 <= year <= 2999 else services.free_year_after(source)


class ReportForm(forms.ModelForm):
    """The report, with the texts its manager has checked for this year."""

    checked = forms.MultipleChoiceField(
        label=_("texts checked for this year"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The completeness check lists a text carried over from an earlier report until "
            "you edit it or tick it here, and a text naming a year before the period until "
            "you tick it."
        ),
    )

    class Meta:
        model = AnnualReport
        fields = ["year", "title", "symbol"]  # the admin's fieldsets give the rest

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked"].choices = [
            (name, str(AnnualReport._meta.get_field(name).verbose_name).capitalize())
            for name in OWN_TEXTS
        ]
        self.fields["checked"].initial = list(self.instance.checked_texts or [])
        self.fields["checked"].label = capfirst(self.fields["checked"].label)
        if "language" in self.fields:
            self.fields["language"].required = False

    def clean_language(self):
        """A form sent without the report's language keeps the one it has (English if new)."""
        return self.cleaned_data.get("language") or self.instance.language


@admin.register(AnnualReport)
class AnnualReportAdmin(RecordAdmin):
    form = ReportForm
    inlines = [ReportHeadingInline, InitiativeTextInline]
    list_display = ["year", "title", "symbol", "period", "state", "frozen_at"]
    list_display_links = ["year", "title"]
    list_filter = ["state"]
    search_fields = ["title", "symbol", "introduction"]
    actions = ["mark_final", "reopen", "start_from_this"]
    change_form_template = "admin/reports/annualreport/change_form.html"
    fieldsets = [
        (None, {"fields": ["year", "title", "symbol", "language"]}),
        (_("Reporting period"), {"fields": [("period_start", "period_end"), "show_period"]}),
        (
            _("Cover block"),
            {
                "fields": [
                    "document_type",
                    ("distribution", "original_language"),
                    "issue_date",
                    "session",
                    ("session_start", "session_end"),
                ]
            },
        ),
        (_("Introduction"), {"fields": ["introduction_title", "introduction"]}),
        (_("Closing text"), {"fields": ["closing_title", "closing"]}),
        (
            _("Numbering and the builder's own sentences"),
            {
                "fields": [
                    ("heading_numbering", "number_paragraphs"),
                    "areas_sentence",
                    ("others_title", "others_sentence"),
                    "reach_sentence",
                ]
            },
        ),
        (_("Texts to look at again"), {"fields": ["carried_over_note", "checked"]}),
        (_("Issue"), {"fields": ["state", "frozen_at", "links"]}),
    ]
    readonly_fields = ["state", "frozen_at", "links", "carried_over_note"]

    class Media:
        js = ["js/markup-preview.js", "js/report-headings.js"]
        css = {"all": ["css/admin-report.css"]}

    def get_queryset(self, request):
        """Issued reports for everyone with access, drafts for managers only.

        Lists and forms never show the issued HTML, so it is read only when needed.
        """
        return super().get_queryset(request).visible_to(request.user).defer("frozen_html")

    def visible_history(self, request, versions):
        """A report's draft versions are the managers' as the draft itself is."""
        if roles.is_manager(request.user):
            return versions
        return versions.filter(state=ReportState.FINAL)

    def get_readonly_fields(self, request, obj=None):
        """An issued report is reopened before it is changed."""
        if obj is not None and obj.is_final:
            editable = [f.name for f in AnnualReport._meta.fields if f.editable]
            return [*editable, *self.readonly_fields]
        return self.readonly_fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in MARKUP_FIELDS:
            kwargs["widget"] = forms.Textarea(attrs={"rows": 8, "data-markup-preview": "true"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_inline_instances(self, request, obj=None):
        if obj is not None and obj.is_final:
            return []  # the layout of an issued report stays as it was issued
        return super().get_inline_instances(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.is_final:
            return [(name, spec) for name, spec in fieldsets if "checked" not in spec["fields"]]
        return fieldsets

    @admin.display(description=_("carried over"))
    def carried_over_note(self, obj):
        if obj is None or not obj.carried_over:
            return "—"
        names = [str(AnnualReport._meta.get_field(name).verbose_name) for name in obj.carried_over]
        source = obj.started_from.year if obj.started_from_id else ""
        return _("From the %(year)s report, not yet edited or checked: %(texts)s") % {
            "year": source,
            "texts": ", ".join(names),
        }

    def save_formset(self, request, form, formset, change):
        if formset.model is InitiativeText:
            for inline_form in formset.forms:
                if inline_form.has_changed() and inline_form.instance is not None:
                    services.note_initiative_text_changes(
                        inline_form.instance, inline_form.changed_data
                    )
        super().save_formset(request, form, formset, change)
        if formset.model is ReportHeading:
            for inline_form in formset.forms:
                name = (
                    inline_form.cleaned_data.get("new_section") if inline_form.cleaned_data else ""
                )
                if name and inline_form.instance.pk and not inline_form.cleaned_data.get("DELETE"):
                    services.add_section_for(inline_form.instance, name)

    def save_related(self, request, form, formsets, change):
        """A new report composed without headings gets one for every report section; the
        texts edited or ticked are no longer listed as to be looked at again."""
        super().save_related(request, form, formsets, change)
        if not change and not form.instance.headings.exists():
            services.default_headings(form.instance)
        if "checked" in form.cleaned_data:
            services.note_text_changes(
                report=form.instance,
                changed=set(form.changed_data),
                checked=form.cleaned_data["checked"],
            )

    def get_urls(self):
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="reports_annualreport_preview",
            ),
            path(
                "start/",
                self.admin_site.admin_view(self.start_from_view),
                name="reports_annualreport_start",
            ),
            path(
                "<int:object_id>/start-from/",
                self.admin_site.admin_view(self.start_from_view),
                name="reports_annualreport_start_from",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request):
        """The report's own text as it prints, for the live preview beside the field."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_change_permission(request) and not self.has_add_permission(request):
            raise PermissionDenied
        return JsonResponse({"html": str(markup.to_html(request.POST.get("text", "")[:50_000]))})

    def start_from_view(self, request, object_id=None):
        """A report for any year, started from any earlier one: the year's title, symbol,
        period and session suggested by the earlier report's pattern, editable here."""
        if not services.can_issue(request.user):
            raise PermissionDenied
        reports = self.get_queryset(request).order_by("-year")
        data = request.POST if request.method == "POST" else None
        source = None
        chosen = (data or request.GET).get("source") or object_id
        if chosen:
            source = reports.filter(pk=chosen).first() if str(chosen).isdigit() else None
            if source is None:
                raise Http404
        source = source or reports.first()
        if source is None:
            return redirect("admin:reports_annualreport_add")
        year = StartForm.year_from((data or request.GET).get("year"), source)
        suggested = services.suggestions(source, year)
        if data is not None and "suggest" in data:
            # Another year or another report chosen: suggestions for it, nothing saved.
            data = None
        form = StartForm(
            data,
            reports=reports,
            initial={"source": source.pk, **suggested},
        )
        if data is not None and form.is_valid():
            values = dict(form.cleaned_data)
            previous = values.pop("source")
            report = services.start_from(previous=previous, user=request.user, **values)
            self.message_user(
                request,
                _(
                    "The %(year)s report starts as a copy of the %(previous)s report. Its "
                    "introduction, closing text and initiative paragraphs are marked as carried "
                    "over until you edit or check them."
                )
                % {"year": report.year, "previous": previous.year},
                messages.SUCCESS,
            )
            return redirect("admin:reports_annualreport_change", report.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Start a report from an earlier one"),
            "opts": self.model._meta,
            "form": form,
            "source": source,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/reports/annualreport/start.html", context)

    @admin.display(description=_("reporting period"), ordering="period_start")
    def period(self, obj):
        return format_date_range(obj.period_start, obj.period_end)

    @admin.display(description=_("pages"))
    def links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            obj.get_absolute_url(),
            _("Read the report"),
            reverse("reports:export", kwargs={"year": obj.year}),
            _("HTML"),
            reverse("reports:export-docx", kwargs={"year": obj.year}),
            _("Word"),
            reverse("reports:export-pdf", kwargs={"year": obj.year}),
            _("PDF"),
        )

    def has_issue_permission(self, request):
        return services.can_issue(request.user)

    @admin.action(description=_("Mark selected reports final"), permissions=["issue"])
    def mark_final(self, request, queryset):
        drafts = [report for report in queryset if not report.is_final]
        for report in drafts:
            services.mark_final(report=report, user=request.user)
        self.message_user(
            request,
            ngettext("%d report marked final.", "%d reports marked final.", len(drafts))
            % len(drafts),
            messages.SUCCESS,
        )

    @admin.action(description=_("Reopen selected reports as drafts"), permissions=["issue"])
    def reopen(self, request, queryset):
        issued = [report for report in queryset if report.is_final]
        for report in issued:
            services.reopen(report=report, user=request.user)
        self.message_user(
            request,
            ngettext("%d report reopened.", "%d reports reopened.", len(issued)) % len(issued),
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Start another year's report from the selected one"), permissions=["issue"]
    )
    def start_from_this(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one report to start from."), messages.WARNING)
            return None
        return redirect("admin:reports_annualreport_start_from", queryset.get().pk)
