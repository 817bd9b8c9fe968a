"""The review workflow in the admin: the buttons, the review page, pending changes, actions.

Review moves are buttons and actions, never a field to edit. A change by data entry staff
to an approved record is kept as its pending change: the form then edits the pending
change (prefilled from it on the next visit), and the record keeps its approved content.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from activities import roles, selectors, services, workflow
from activities.choices import ChangeState, ReviewState
from activities.differences import change_differences
from activities.records import ActivityPartner, Output

SUBMIT = "_submit_for_review"


def is_proposed(obj):
    """Whether the admin's save of `obj` kept a change for review rather than saving it."""
    outcome = getattr(obj, "outcome", None)
    return outcome is not None and outcome.proposed


def proposed_relations(form, formsets):
    """Areas, partner roles and outputs as the form and its inlines give them."""
    areas = [area.pk for area in form.cleaned_data.get("thematic_areas", [])]
    roles_, outputs = [], []
    for formset in formsets:
        for inline in formset.forms:
            data = getattr(inline, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            if formset.model is ActivityPartner and data.get("partner"):
                roles_.append((data["partner"].pk, data["role"]))
            elif formset.model is Output and data.get("title"):
                outputs.append(
                    {
                        name: data.get(name)
                        for name in ("title", "kind", "issued_on", "date_precision", "url")
                    }
                )
    return areas, roles_, outputs


class WaitingFilter(admin.SimpleListFilter):
    """The whole of each list on the admin's first page, which shows only its first rows."""

    title = _("waiting")
    parameter_name = "waiting"

    def lookups(self, request, model_admin):
        if roles.is_manager(request.user):
            return [("review", _("for your review"))]
        if roles.is_data_entry(request.user):
            return [("returned", _("returned to you")), ("drafts", _("your drafts"))]
        return []

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        waiting = selectors.waiting_records(request.user, self.value())
        return queryset.filter(pk__in=waiting.values("pk"))


class ReviewAdminMixin:
    """For ActivityAdmin: review moves as buttons, pending changes, the review page, actions."""

    actions = ["submit_for_review", "withdraw", "approve", "publish", "unpublish"]
    change_form_template = "admin/activities/activity/change_form.html"

    # Who may edit what.

    def has_change_permission(self, request, obj=None):
        """A submitted record is the reviewers' until it is decided or withdrawn; an approved
        record with someone else's change waiting, or one's own submitted change, is read only."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is None or roles.is_manager(request.user):
            return True
        if obj.review_state == ReviewState.SUBMITTED:
            return False
        change = getattr(obj, "pending", None)
        if obj.review_state == ReviewState.APPROVED and change is not None:
            return change.author_id == request.user.pk and change.is_editable
        return True

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "review_state"]
        if obj is not None and workflow.must_propose(request.user, obj):
            # Who may see an approved record is a manager's decision.
            fields.append("visibility")
        return fields

    def get_object(self, request, object_id, from_field=None):
        """The record; for the author of an editable pending change, as that change has it."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            return None
        obj.pending = workflow.pending_change_of(obj)
        change = obj.pending
        if (
            change is not None
            and change.author_id == request.user.pk
            and change.is_editable
            and workflow.must_propose(request.user, obj)
        ):
            change.apply_to(obj)
            obj.editing_change = change
        return obj

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        pending = getattr(obj, "editing_change", None)
        if pending is not None and "areas" in pending.relations:
            areas = pending.relations["areas"]

            class PendingForm(form):
                def __init__(self, *args, **kwargs):
                    super().__init__(*args, **kwargs)
                    self.initial["thematic_areas"] = areas

            return PendingForm
        return form

    def get_formset_kwargs(self, request, obj, inline, prefix):
        """Inlines of a pending change show its partner roles and outputs."""
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        pending = getattr(obj, "editing_change", None)
        key = {ActivityPartner: "partner_roles", Output: "outputs"}.get(inline.model)
        if pending is None or key not in pending.relations or request.method == "POST":
            if request.method == "POST" and pending is not None and key in pending.relations:
                kwargs["queryset"] = inline.model.objects.none()
            return kwargs
        if key == "partner_roles":
            initial = [{"partner": p, "role": r} for p, r in pending.relations[key]]
        else:
            initial = list(pending.relations[key])
        kwargs["queryset"] = inline.model.objects.none()
        kwargs["initial"] = initial
        return kwargs

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        pending = getattr(obj, "editing_change", None)
        for inline in inlines:
            key = {ActivityPartner: "partner_roles", Output: "outputs"}.get(inline.model)
            if pending is not None and key in pending.relations:
                inline.extra = len(pending.relations[key]) + (1 if key == "partner_roles" else 0)
        return inlines

    # After a save: ActivityAdmin.save_related leaves the workflow's outcome on the record.

    def construct_change_message(self, request, form, formsets, add=False):
        if is_proposed(form.instance):
            # Nothing of the record changed; its inlines were not saved either.
            return str(_("Proposed a change for review."))
        return super().construct_change_message(request, form, formsets, add)

    def response_add(self, request, obj, post_url_continue=None):
        if SUBMIT in request.POST:
            return self.saved_and_submitted(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if is_proposed(obj):
            if SUBMIT in request.POST and self.run_move(
                request, workflow.submit_change, change=obj.outcome.change
            ):
                message = _(
                    "Your change is submitted for review: it waits for a manager, and the "
                    "record shows its approved content until the change is approved."
                )
            else:
                message = _(
                    "Your change is kept as a pending change: the record shows its approved "
                    "content until a manager approves the change."
                )
            self.message_user(request, message, messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        if SUBMIT in request.POST:
            return self.saved_and_submitted(request, obj)
        return super().response_change(request, obj)

    def saved_and_submitted(self, request, obj):
        """After "Save and submit for review": the record is saved (history written by the
        save service) and submitted by the submit service; the message says which happened."""
        if self.run_move(request, workflow.submit, activity=obj):
            self.message_user(
                request,
                _("“%(title)s” was saved and submitted for review: it waits for a manager.")
                % {"title": obj.title},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request,
                _("“%(title)s” was saved as a draft, but not submitted.") % {"title": obj.title},
                messages.WARNING,
            )
        return HttpResponseRedirect(reverse("admin:activities_activity_change", args=[obj.pk]))

    def add_view(self, request, form_url="", extra_context=None):
        """The add form offers "Save and submit for review": a new record is its author's."""
        extra_context = {**(extra_context or {}), "can_submit": True}
        return super().add_view(request, form_url, extra_context)

    def run_move(self, request, move, **kwargs):
        """Make a review move, saying what came of it; False when it was refused."""
        try:
            move(user=request.user, **kwargs)
        except workflow.NotAllowed as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return False
        except services.StaleVersion:
            self.message_user(
                request, _("The record changed meanwhile; look at it again."), messages.ERROR
            )
            return False
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        obj = (
            self.get_object(request, self.parse_pk(object_id)) if request.method == "POST" else None
        )
        if (
            obj is not None
            and workflow.must_propose(request.user, obj)
            and self.has_change_permission(request, obj)
        ):
            self.get_version(request, obj, version_id)  # a version outside the rule is not found
            self.message_user(
                request,
                _(
                    "An approved record goes back to an earlier version only by a manager; "
                    "edit it to propose the change instead."
                ),
                messages.ERROR,
            )
            return redirect("admin:activities_activity_history", obj.pk)
        return super().history_form_view(request, object_id, version_id, extra_context)

    # The change page and the review page.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, self.parse_pk(object_id))
        if obj is not None:
            extra_context = {**(extra_context or {}), **self.review_context(request, obj)}
        return super().change_view(request, object_id, form_url, extra_context)

    def review_context(self, request, obj):
        change = obj.pending
        user = request.user
        return {
            "review_events": obj.review_events.select_related("actor")[:50],
            "pending": change,
            "pending_is_mine": change is not None and change.author_id == user.pk,
            "review_url": reverse("admin:activities_activity_review", args=[obj.pk]),
            "can_submit": obj.review_state in (ReviewState.DRAFT, ReviewState.RETURNED)
            and workflow.may_submit(user, obj)
            and self.has_change_permission(request, obj),
            "proposing": workflow.must_propose(user, obj),
            "is_reviewer": services.can_approve(user),
        }

    def get_urls(self):
        return [
            path(
                "<int:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="activities_activity_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        """The difference a pending change makes, the log, and the moves one may make."""
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        if request.method == "POST":
            self.review_post(request, obj)
            return redirect("admin:activities_activity_review", obj.pk)
        change = obj.pending
        # A pending change is read by its author and the managers only.
        readable = change is not None and (
            change.author_id == request.user.pk or roles.is_manager(request.user)
        )
        context = {
            **self.admin_site.each_context(request),
            **self.review_context(request, obj),
            "opts": self.model._meta,
            "original": obj,
            "title": _("Review: %(title)s") % {"title": obj.title},
            "change_readable": readable,
            "differences": change_differences(change) if readable else [],
            "change_url": reverse("admin:activities_activity_change", args=[obj.pk]),
            "ChangeState": ChangeState,
            "ReviewState": ReviewState,
        }
        return TemplateResponse(request, "admin/activities/activity/review.html", context)

    def review_post(self, request, obj):
        action, comment = request.POST.get("action"), request.POST.get("comment", "")
        change = obj.pending
        moves = {
            "submit": (workflow.submit, {"activity": obj}),
            "withdraw": (workflow.withdraw, {"activity": obj}),
            "approve": (workflow.approve, {"activity": obj, "comment": comment}),
            "return": (workflow.return_for_changes, {"activity": obj, "comment": comment}),
        }
        if change is not None:
            moves |= {
                "submit_change": (workflow.submit_change, {"change": change}),
                "withdraw_change": (workflow.withdraw_change, {"change": change}),
                "discard_change": (workflow.discard_change, {"change": change}),
            }
        if action not in moves:
            self.message_user(request, _("There is no such move."), messages.ERROR)
            return
        move, kwargs = moves[action]
        if self.run_move(request, move, **kwargs):
            self.message_user(request, _("Done: %(move)s.") % {"move": MOVE_LABELS[action]})

    # Bulk actions.

    def _bulk(self, request, queryset, move, done_message, refused_message=None, **kwargs):
        done, refused = workflow.for_each(list(queryset), move, user=request.user, **kwargs)
        self.message_user(request, done_message(done), messages.SUCCESS)
        if refused:
            refused_message = refused_message or (
                lambda n: (
                    ngettext(
                        "%d activity was left as it was: the move does not apply to it.",
                        "%d activities were left as they were: the move does not apply to them.",
                        n,
                    )
                    % n
                )
            )
            self.message_user(request, refused_message(refused), messages.WARNING)

    @admin.action(description=_("Submit selected drafts for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.submit,
            lambda n: ngettext("%d activity submitted.", "%d activities submitted.", n) % n,
        )

    @admin.action(description=_("Withdraw selected activities from review"), permissions=["change"])
    def withdraw(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.withdraw,
            lambda n: ngettext("%d activity withdrawn.", "%d activities withdrawn.", n) % n,
        )

    @admin.action(description=_("Approve selected activities"), permissions=["approve"])
    def approve(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.approve,
            lambda n: ngettext("%d activity approved.", "%d activities approved.", n) % n,
        )

    @admin.action(description=_("Publish selected approved activities"), permissions=["publish"])
    def publish(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.set_visibility,
            lambda n: ngettext("%d activity published.", "%d activities published.", n) % n,
            lambda n: (
                ngettext(
                    "%d activity was not published because it is not approved.",
                    "%d activities were not published because they are not approved.",
                    n,
                )
                % n
            ),
            visibility="public",
        )

    @admin.action(
        description=_("Unpublish selected activities (internal)"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        self._bulk(
            request,
            queryset.filter(visibility="public"),
            workflow.set_visibility,
            lambda n: ngettext("%d activity unpublished.", "%d activities unpublished.", n) % n,
            visibility="internal",
        )

    def has_approve_permission(self, request):
        return services.can_approve(request.user)

    def has_publish_permission(self, request):
        return services.can_publish(request.user)


MOVE_LABELS = {
    "submit": _("submitted for review"),
    "withdraw": _("withdrawn from review"),
    "approve": _("approved"),
    "return": _("returned for changes"),
    "submit_change": _("change submitted for review"),
    "withdraw_change": _("change withdrawn from review"),
    "discard_change": _("change discarded"),
}
