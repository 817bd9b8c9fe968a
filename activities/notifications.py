"""Emails about reviews, sent once the change that caused them is committed.

Managers hear of submissions; authors hear of approvals and returns, with the comment; a
person whose background job ran long hears that it ended.
Anyone may turn them off (NotificationSetting); the console backend prints them unless
SMTP is configured (README, Deploy). Each person reads them in their own stored language,
whatever the language of the person who acted: one email per language among the recipients.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from activities import roles
from activities.review import NotificationSetting

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


def language_of(user):
    """The language a person reads: the one stored on their account, else the site's."""
    setting = getattr(user, "notification_setting", None) if user is not None else None
    return (setting.language if setting is not None else "") or settings.LANGUAGE_CODE


def remember_language(*, user, language):
    """Store the language a person chose; a language the site does not offer is ignored."""
    if user is None or not user.is_authenticated:
        return
    if language not in dict(settings.LANGUAGES):
        return
    NotificationSetting.objects.update_or_create(user=user, defaults={"language": language})


def _send(recipients, subject, template, context):
    """One email per language among `recipients`, each written wholly in that language."""
    by_language = {}
    for user in recipients:
        by_language.setdefault(language_of(user), set()).add(user.email)
    context = {**context, "site": settings.GCU_SITE_URL}
    letters = []
    for language, addresses in sorted(by_language.items()):
        with translation.override(language):
            letters.append((str(subject), render_to_string(template, context), sorted(addresses)))

    def deliver():
        for title, body, addresses in letters:
            try:
                send_mail(title, body, settings.DEFAULT_FROM_EMAIL, addresses)
            except OSError:
                # A mail server that is down must not undo the review; the move is logged.
                logger.exception("Could not send %r to %s", title, addresses)

    if letters:
        transaction.on_commit(deliver)


class _Subject:
    """A subject written in whichever language is active when it is turned into text."""

    def __init__(self, wording, **values):
        self.wording, self.values = wording, values

    def __str__(self):
        return str(self.wording) % self.values


def submitted(*, activity, by, change=None):
    """Tell the managers that a record, or a change to one, waits for their review."""
    recipients = [user for user in managers() if user.pk != getattr(by, "pk", None)]
    subject = _Subject(
        _("Change to review: %(title)s") if change else _("Record to review: %(title)s"),
        title=activity.title,
    )
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
    subject = _Subject(
        _("Approved: %(title)s") if approved else _("Returned for changes: %(title)s"),
        title=activity.title,
    )
    _send(
        [author],
        subject,
        "activities/email/decided.txt",
        {"activity": activity, "approved": approved, "comment": comment, "by": by},
    )


def job_ended(job):
    """Tell the owner that a long background job ended, with the address of its outcome.

    Short jobs are not announced: the person is still on the page that shows them.
    """
    if job is None or job.started is None or job.finished is None:
        return
    took = (job.finished - job.started).total_seconds()
    if took < settings.GCU_JOB_EMAIL_AFTER_SECONDS or not wants_email(job.owner):
        return
    subject = _Subject(
        _("Done: %(what)s") if job.status == "done" else _("Stopped: %(what)s"),
        what=_Lazy(job.get_kind_display),
    )
    _send([job.owner], subject, "activities/email/job_ended.txt", {"job": job})


class _Lazy:
    """A value turned into text only when the email's language is active."""

    def __init__(self, function):
        self.function = function

    def __str__(self):
        return str(self.function())
