"""The day after an activity its organiser is asked how it went; one reminder, then nothing.

`send_follow_ups` runs every hour (settings.PERIODIC_TASKS). Each mail is claimed with a
conditional UPDATE before it is queued, in the same transaction, so two runs never send one twice.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from activities.models import ActivityPage
from activities.validation import EDITION_TIME_ZONE
from core.mail import send_email_later
from core.visibility import public_pages

from .links import answer_url
from .models import FollowUp

REMIND_AFTER_DAYS = 4
ASK_WITHIN_DAYS = 7  # activities that ended longer ago are not asked about any more


def start_of_today(now):
    today = timezone.localtime(now, EDITION_TIME_ZONE).date()
    return datetime.datetime.combine(today, datetime.time.min, EDITION_TIME_ZONE)


def to_ask(now):
    """Public activities sent in through the form that ended before today (Amsterdam time),
    at most ASK_WITHIN_DAYS ago, whose organiser was not asked yet."""
    today = start_of_today(now)
    return public_pages(
        ActivityPage.objects.filter(
            ends_at__lt=today,
            ends_at__gte=today - datetime.timedelta(days=ASK_WITHIN_DAYS),
            submitter_contact__isnull=False,
        )
    ).exclude(follow_up__asked_at__isnull=False)


def to_remind(now):
    return FollowUp.objects.filter(
        asked_at__lte=now - datetime.timedelta(days=REMIND_AFTER_DAYS),
        reminded_at__isnull=True,
        answered_at__isnull=True,
    ).select_related("activity", "activity__submitter_contact")


@task()
def send_follow_ups():
    send_due(timezone.now())


def send_due(now):
    """Ask about the activities that ended before today, remind who did not answer."""
    for activity in to_ask(now).select_related("submitter_contact"):
        with transaction.atomic():
            follow_up, _created = FollowUp.objects.get_or_create(activity=activity)
            claimed = FollowUp.objects.filter(pk=follow_up.pk, asked_at__isnull=True).update(
                asked_at=now
            )
            if claimed:
                mail(follow_up, activity, reminder=False)
    for follow_up in to_remind(now):
        with transaction.atomic():
            claimed = FollowUp.objects.filter(
                pk=follow_up.pk, reminded_at__isnull=True, answered_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                mail(follow_up, follow_up.activity, reminder=True)


def mail(follow_up, activity, reminder):
    contact = activity.submitter_contact
    with translation.override(contact.language or settings.LANGUAGE_CODE):
        context = {
            "name": contact.name,
            "activity": activity.title,
            "url": answer_url(follow_up, settings.WAGTAILADMIN_BASE_URL),
            "reminder": reminder,
        }
        subject = (
            gettext("Reminder: how did %(activity)s go?")
            if reminder
            else gettext("How did %(activity)s go?")
        ) % {"activity": activity.title}
        body = render_to_string("followups/email.txt", context)
    send_email_later(subject, body, [contact.email])
