from functools import partial
from itertools import chain

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from activities import roles, selectors
from activities.filters import ActivityFilter
from activities.models import (
    Activity,
    ActivityPartner,
    Event,
    NotificationSetting,
    ThematicArea,
)
from core import caching
from core.registry_names import (
    current_language,
    in_any_language,
    in_language,
    requested_language,
)
from iati.export import iati_activities
from partners.models import Partner
from web import fragments
from web.exports import csv_response, export_filename, xlsx_response

LOOKUP_LIMIT = 10


def activity_rows(user):
    """Activities `user` may see, ready for a list: type joined, areas in one more query
    (as a plain list, `areas`: no related manager and queryset made per row)."""
    return (
        Activity.objects.visible_to(user)
        .select_related("activity_type")
        .prefetch_related(
            Prefetch("thematic_areas", ThematicArea.objects.only("name", "slug"), to_attr="areas")
        )
        .only(
            "title",
            # The title in the reader's language where given (activities/languages.py).
            "original_language",
            "title_en",
            "title_fr",
            "title_es",
            "slug",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "review_state",
            "visibility",
            # The type's name in each language (activities/translation.py): the row shows the
            # reader's, or English.
            "activity_type__name",
            "activity_type__name_en",
            "activity_type__name_fr",
            "activity_type__name_es",
            "activity_type__slug",
        )
    )


class DeferredJoinPaginator(Paginator):
    """Reads a deep page's ids first, then the rows of those ids.

    The first pages are read in one query off the index. For a deep page the database
    walks the index for the ids alone and reads full rows only for the page, so page
    3,000 costs little more than page 1. The ids come back as a list and
    go into the second query as constants: no plan can turn them into a nested loop that
    runs the page's subquery once per row, whatever the planner's statistics (right
    after a bulk load, before ANALYZE, one did, for fifteen minutes).
    With `count_parts`, the count is kept in the shared cache for the data version.
    """

    count_parts = None

    @cached_property
    def count(self):
        if self.count_parts is None:
            return super().count
        return caching.for_page(self.object_list.count, "count", *self.count_parts)

    # Up to this row a page is read in one query straight off the index; deeper, ids first.
    SHALLOW = 1000

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom < self.SHALLOW:
            return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)
        page_ids = list(
            self.object_list.prefetch_related(None).values_list("pk", flat=True)[
                bottom : bottom + self.per_page
            ]
        )
        return self._get_page(self.object_list.filter(pk__in=page_ids), number, self)


class PaginatedActivitiesMixin:
    paginate_by = 25
    paginator_class = DeferredJoinPaginator
    context_object_name = "activities"

    def paginate_queryset(self, queryset, page_size):
        """Out-of-range or malformed page numbers show the nearest real page."""
        paginator = self.get_paginator(queryset, page_size)
        paginator.count_parts = (
            self.request.path,
            roles.scope(self.request.user),
            self.query_string(),
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def query_string(self):
        """The filters and sort of this request, without the page number."""
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return query.urlencode()

    def get_context_data(self, **kwargs):
        scope = roles.scope(self.request.user)
        query_string = self.query_string()
        fragment_key = rows_key = None
        if caching.page_cache_enabled():
            fragment_key = caching.cache_key("filters", scope, query_string)
            rows_key = caching.cache_key(
                "rows", scope, self.request.path, self.request.GET.urlencode()
            )
        show_states = scope != roles.PUBLIC_SCOPE
        context = super().get_context_data(
            query_string=query_string,
            fragment_key=fragment_key,
            rows_key=rows_key,
            show_states=show_states,
            **kwargs,
        )
        # Written only when the template draws it: a cached fragment needs no rows.
        context["activity_table"] = partial(
            fragments.activity_table, context["object_list"], show_states
        )
        return context


def filtered_activities(request):
    """The filter set over what `request.user` may see, and the rows it lets through.

    A filter with a wrong value shows its error and no rows, never a guess.
    """
    filterset = ActivityFilter(
        request.GET or None, queryset=activity_rows(request.user), request=request
    )
    if filterset.is_bound and not filterset.is_valid():
        return filterset, filterset.queryset.none()
    return filterset, filterset.qs


class ActivityListView(PaginatedActivitiesMixin, ListView):
    template_name = "activities/activity_list.html"

    def get_queryset(self):
        self.filterset, queryset = filtered_activities(self.request)
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filterset,
            filter_form=partial(fragments.filter_form, self.filterset.form),
            background_after=settings.GCU_EXPORT_IN_BACKGROUND_ROWS,
            **kwargs,
        )


def export(request, respond):
    """The list's rows as a file; a wrong filter value is a 400 that names the field.

    Headers, labels and registry names are in the reader's language, or in the one `?lang=`
    names (en, fr, es: a French reader may take an English file for the Council's papers).
    """
    try:
        language = requested_language(request.GET.get("lang", current_language()))
    except ValueError as problem:
        return HttpResponseBadRequest(f"{problem}\n", content_type="text/plain; charset=utf-8")
    filterset, queryset = filtered_activities(request)
    if filterset.is_bound and not filterset.is_valid():
        problems = "\n".join(
            f"{field}: {' '.join(messages)}" for field, messages in filterset.errors.items()
        )
        return HttpResponseBadRequest(f"{problems}\n", content_type="text/plain; charset=utf-8")
    with translation.override(language):
        response = respond(
            queryset.prefetch_related(None),
            request,
            roles.is_member(request.user),
            export_filename(request.GET, timezone.localdate()),
        )
    if response.streaming:
        # The first block is read here, in the view: a database that is away is still
        # answered 503, not a download cut off after its status line has gone out.
        blocks = speaking(language, iter(response.streaming_content))
        first = next(blocks, b"")
        response.streaming_content = chain([first], blocks)
    return response


def speaking(language, blocks):
    """`blocks`, each read with `language` active (a streamed file is written after the view
    has returned), the language of the moment left as it was between them."""
    while True:
        with translation.override(language):
            block = next(blocks, None)
        if block is None:
            return
        yield block


@require_GET
def export_csv(request):
    return export(request, csv_response)


@require_GET
def export_xlsx(request):
    return export(request, xlsx_response)


@require_GET
def export_iati(request):
    """The list's rows as IATI activity XML: published records only, whoever asks.

    IATI is a public registry, so staff get no more than an anonymous visitor would.
    """
    filterset, queryset = filtered_activities(request)
    if filterset.is_bound and not filterset.is_valid():
        return export(request, None)  # the 400 naming the wrong filters
    response = StreamingHttpResponse(
        iati_activities(queryset.prefetch_related(None).published()),
        content_type="application/xml; charset=utf-8",
    )
    name = export_filename(request.GET, timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{name}.iati.xml"'
    return response


class ActivityDetailView(DetailView):
    template_name = "activities/activity_detail.html"
    context_object_name = "activity"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # An address the record had before it was published leads to its page, for
            # those who may read it; for anyone else it is as unknown as any other.
            moved = (
                Activity.objects.visible_to(request.user)
                .filter(former_addresses__slug=kwargs["slug"])
                .only("slug")
                .first()
            )
            if moved is None:
                raise
            return redirect(moved.get_absolute_url(), permanent=True)

    def get_queryset(self):
        """One query for the activity and its foreign keys, one each for roles, outputs, areas."""
        return (
            Activity.objects.visible_to(self.request.user)
            .select_related(
                "activity_type", "event", "initiative", "report_section", "created_by", "updated_by"
            )
            .prefetch_related(
                Prefetch("roles", queryset=ActivityPartner.objects.select_related("partner")),
                "outputs",
                "thematic_areas",
            )
        )

    def get_context_data(self, **kwargs):
        """Staff in a role also read the review log (one more query) and pending status."""
        user = self.request.user
        member = roles.is_member(user)
        activity = self.object
        return super().get_context_data(
            can_see_states=member,
            can_see_history=user.is_staff and user.has_perm("activities.view_activity"),
            review_events=activity.review_events.select_related("actor")[:50] if member else [],
            **kwargs,
        )


@login_required
def notification_settings(request):
    """Whether review emails reach the signed-in person."""
    setting, _created = NotificationSetting.objects.get_or_create(user=request.user)
    form = NotificationSettingForm(request.POST or None, instance=setting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your email settings are saved."))
        return redirect("notifications")
    return render(request, "registration/notifications.html", {"form": form})


class NotificationSettingForm(forms.ModelForm):
    class Meta:
        model = NotificationSetting
        fields = ["email"]


class RecordActivitiesView(PaginatedActivitiesMixin, ListView):
    """A record's page: the record, then the activities filed under it that the user may see."""

    model = None

    def get_record(self):
        return get_object_or_404(self.model, slug=self.kwargs["slug"])

    def activities_of(self, record):
        raise NotImplementedError

    def get_queryset(self):
        self.record = self.get_record()
        return self.activities_of(self.record)

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, **kwargs)


class ThematicAreaDetailView(RecordActivitiesView):
    model = ThematicArea
    template_name = "activities/thematic_area_detail.html"

    def get_record(self):
        return get_object_or_404(
            ThematicArea.objects.select_related("parent").prefetch_related("children"),
            slug=self.kwargs["slug"],
        )

    def activities_of(self, record):
        """Activities in the area or in one of its narrower areas."""
        links = Activity.thematic_areas.through.objects.filter(
            Q(thematicarea=record) | Q(thematicarea__parent=record)
        )
        return activity_rows(self.request.user).filter(pk__in=links.values("activity_id"))


class EventDetailView(RecordActivitiesView):
    model = Event
    template_name = "activities/event_detail.html"

    def get_record(self):
        """An event the user may know of; its organiser and series only if they may too."""
        user = self.request.user
        event = get_object_or_404(
            selectors.events_visible_to(user).select_related("organiser", "series"),
            slug=self.kwargs["slug"],
        )
        self.organiser = selectors.visible_or_none(
            selectors.partners_visible_to(user), event.organiser
        )
        self.series = selectors.visible_or_none(selectors.events_visible_to(user), event.series)
        return event

    def get_context_data(self, **kwargs):
        return super().get_context_data(organiser=self.organiser, series=self.series, **kwargs)

    def activities_of(self, record):
        return activity_rows(self.request.user).filter(event=record)


def lookup_response(queryset, term, fields, label):
    """Up to ten matches for a type-ahead box, as {value, label} pairs.

    `queryset` is the registry as the user may see it (activities/selectors.py); `fields`
    are matched in English, French and Spanish ("OIT" finds the ILO), the labels read in the
    reader's language.
    """
    term = term.strip()[:100]
    if len(term) < 2:
        return JsonResponse({"results": []})
    matches = queryset.filter(in_any_language(fields, term)).order_by(in_language("name"))
    matches = matches[:LOOKUP_LIMIT]
    return JsonResponse({"results": [{"value": m.slug, "label": label(m)} for m in matches]})


@require_GET
def event_lookup(request):
    return lookup_response(
        selectors.events_visible_to(request.user).only("name", "slug"),
        request.GET.get("q", ""),
        ["name"],
        lambda e: e.name,
    )


class PartnerDetailView(RecordActivitiesView):
    model = Partner
    template_name = "partners/partner_detail.html"

    def get_record(self):
        """A partner the user may know of; the body it is part of only if they may too."""
        visible = selectors.partners_visible_to(self.request.user)
        partner = get_object_or_404(visible.select_related("parent"), slug=self.kwargs["slug"])
        self.parent = selectors.visible_or_none(visible, partner.parent)
        return partner

    def get_context_data(self, **kwargs):
        return super().get_context_data(parent=self.parent, **kwargs)

    def activities_of(self, record):
        activity_ids = record.roles.values("activity_id")
        return activity_rows(self.request.user).filter(pk__in=activity_ids)


@require_GET
def partner_lookup(request):
    return lookup_response(
        selectors.partners_visible_to(request.user).only("name", "acronym", "slug"),
        request.GET.get("q", ""),
        ["name", "acronym"],
        str,
    )
