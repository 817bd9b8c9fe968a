"""The accounts page: who holds which role, how they sign in, and what changed, for managers."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import selectors, services
from activities import roles


def _manager(request):
    if not roles.is_manager(request.user):
        raise PermissionDenied(_("Only managers see the accounts."))


def _account(pk):
    if not str(pk).isdigit() or len(str(pk)) > 18:
        return None
    return get_object_or_404(get_user_model(), pk=pk)


def _back(request, message=None, level=messages.SUCCESS):
    if message:
        messages.add_message(request, level, message)
    return HttpResponseRedirect(reverse("accounts:staff"), status=303)


ACCOUNTS_PER_PAGE = 50


@login_required
def staff_accounts(request):
    _manager(request)
    rows = selectors.account_rows()
    waiting = [
        row for row in rows if row.user.is_active and not row.roles and not row.user.is_superuser
    ]
    unused = [row for row in rows if row.unused]
    refused = [row for row in rows if row.refused]
    # What needs a manager first: newcomers, accounts the provider refuses, unused ones.
    attention = {row.user.pk for row in (*waiting, *refused, *unused)}
    rows.sort(key=lambda row: (row.user.pk not in attention, not row.user.is_active))
    page = Paginator(rows, ACCOUNTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/staff.html",
        {
            "page_obj": page,
            "rows": page.object_list,
            "waiting": waiting,
            "unused": unused,
            "refused": refused,
            "unused_days": selectors.unused_since_days(),
            "events": selectors.audit_log(),
            "role_choices": list(roles.ROLE_LABELS.items()),
        },
    )


@login_required
@require_POST
def set_role(request, pk):
    _manager(request)
    account = _account(pk)
    role = request.POST.get("role", "")
    if account is None or (role and role not in roles.ROLE_LABELS):
        return HttpResponseBadRequest(_("Choose one of the roles, or none."))
    try:
        services.set_role(actor=request.user, account=account, role=role or None)
    except services.AccountRefused as refusal:
        return _back(request, str(refusal), messages.ERROR)
    label = roles.ROLE_LABELS[role] if role else _("no role")
    return _back(request, _("%(name)s now has: %(role)s.") % {"name": account, "role": label})


@login_required
@require_POST
def deactivate(request, pk):
    _manager(request)
    account = _account(pk)
    if account is None:
        return HttpResponseBadRequest(_("No such account."))
    try:
        services.deactivate(actor=request.user, account=account)
    except services.AccountRefused as refusal:
        return _back(request, str(refusal), messages.ERROR)
    return _back(
        request,
        _("%(name)s can no longer sign in; their records and history are kept.")
        % {"name": account},
    )


@login_required
@require_POST
def reactivate(request, pk):
    _manager(request)
    account = _account(pk)
    if account is None:
        return HttpResponseBadRequest(_("No such account."))
    try:
        services.reactivate(actor=request.user, account=account)
    except services.AccountRefused as refusal:
        return _back(request, str(refusal), messages.ERROR)
    return _back(request, _("%(name)s can sign in again.") % {"name": account})
