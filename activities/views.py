from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, RedirectView

from activities import roles
from activities.models import Activity, ActivityPartner, Event, ThematicArea


def activity_rows(user):
    """Activities `user` may see, ready for a list: type and areas come in two queries."""
    return (
        Activity.objects.visible_to(user)
        .select_related("activity_type")
        .prefetch_related("thematic_areas")
        .only(
            "title",
            "slug",
            "start_date",
            "end_date",
            "date_precision",
            "city",
            "country",
            "activity_type__name",
            "activity_type__slug",
        )
    )


class ActivityListView(ListView):
    template_name = "activities/activity_list.html"
    context_object_name = "activities"
    paginate_by = 25

    def get_queryset(self):
        return activity_rows(self.request.user)


class ActivityDetailView(DetailView):
    template_name = "activities/activity_detail.html"
    context_object_name = "activity"

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
        user = self.request.user
        return super().get_context_data(
            can_see_states=roles.is_member(user),
            can_see_history=user.is_staff and user.has_perm("activities.view_activity"),
            **kwargs,
        )


class RecordActivitiesView(ListView):
    """A record's page: the record, then the activities filed under it that the user may see."""

    model = None
    template_name = None
    context_object_name = "activities"
    paginate_by = 25

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
        return activity_rows(self.request.user).filter(thematic_areas=record)


class EventDetailView(RecordActivitiesView):
    model = Event
    template_name = "activities/event_detail.html"

    def get_record(self):
        return get_object_or_404(
            Event.objects.select_related("organiser", "series"), slug=self.kwargs["slug"]
        )

    def activities_of(self, record):
        return activity_rows(self.request.user).filter(event=record)


class HomeView(RedirectView):
    pattern_name = "activities:list"
