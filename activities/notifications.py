"""Emails about reviews, sent once the change that caused them is committed.

Managers hear of submissions; authors hear of approvals and returns, with the comment.
Anyone may turn them off (NotificationSetting); the console backend prints them unless
SMTP is configured (README, Deploy).
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from activities import roles

logger = logging.getLogger(__name__)


def wants_email(user):
    if user is None or not user.is_active or not user.email:
        return False
    setting = getattr(user, "notification_setting", None)
    return setting is None or setting.email


def managers():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return [
        user
        for user in users.select_related("notification_setting").prefetch_related("groups")
        if roles.is_manager(user) and wants_email(user)
    ]


def _send(recipients, subject, template, context):
    addresses = sorted({user.email for user in recipients})
    if not addresses:
        return
    context = {**context, "site": settings.GCU_SITE_URL}
    body = render_to_string(template, context)

    def deliver():
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, addresses)
        except OSError:
            # A mail server that is down must not undo the review; the move is logged.
            logger.exception("Could not send %r to %s", subject, addresses)

    transaction.on_commit(deliver)


def submitted(*, activity, by, change=None):
    """Tell the managers that a record, or a change to one, waits for their review."""
    recipients = [user for user in managers() if user.pk != getattr(by, "pk", None)]
    subject = (_("Change to review: %(title)s") if change else _("Record to review: %(title)s")) % {
        "title": activity.title
    }
    _send(
        recipients,
        subject,
        "activities/email/submitted.txt",
        {"activity": activity, "change": change, "by": by},
    )


def decided(*, activity, by, approved, comment="", author=None):
    """Tell the author that their record or change was approved or returned."""
    author = author if author is not None else activity.created_by
    if author is None or author.pk == getattr(by, "pk", None) or not wants_email(author):
        return
    subject = (_("Approved: %(title)s") if approved else _("Returned for changes: %(title)s")) % {
        "title": activity.title
    }
    _send(
        [author],
        subject,
        "activities/email/decided.txt",
        {"activity": activity, "approved": approved, "comment": comment, "by": by},
    )
