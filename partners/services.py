"""Writes to the partner registry that do more than save()."""

from django.contrib.admin.models import ADDITION, LogEntry
from django.db import transaction
from django.utils.translation import gettext as _

from partners.models import PartnerAlias


@transaction.atomic
def remember_alias(*, partner, name, user, reason=""):
    """Store that `name` means `partner`, by `user`; ValidationError (on `name`) if it cannot.

    Its history and the admin's log say who said so and from where (`reason`).
    """
    alias = PartnerAlias(partner=partner, name=name.strip()[:200], created_by=user)
    alias.full_clean()
    alias._change_reason = reason or _("Added by hand")
    alias.save()
    LogEntry.objects.log_actions(
        user.pk,
        PartnerAlias.objects.filter(pk=alias.pk),
        ADDITION,
        change_message=reason or "",
        single_object=True,
    )
    return alias
