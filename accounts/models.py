"""The audit log of accounts: who gave whom which role, created or deactivated an account."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountEvent(models.Model):
    """One change to who can do what: kept for good, shown to managers on the accounts page."""

    class Action(models.TextChoices):
        CREATED = "created", _("account created")
        ROLE_CHANGED = "role_changed", _("role changed")
        DEACTIVATED = "deactivated", _("account deactivated")
        REACTIVATED = "reactivated", _("account reactivated")
        REFUSED = "refused", _("refused by the provider")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    # Nobody's account is deleted, but the log outlives one that is: names are kept as text.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=150, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="account_events",
    )
    account_name = models.CharField(_("account"), max_length=150)
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("account event")
        verbose_name_plural = _("account events")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.account_name}: {self.get_action_display()}"
