"""The reminder the day before (settings.PERIODIC_TASKS, every 15 minutes).

A confirmed sign-up gets one reminder from the start of the day before its activity (Amsterdam
time) until the activity starts: a worker that was down catches up, as long as there is time.
Each reminder is claimed (reminder_sent_at) and its email queued in one transaction
(core.mail.queue_email_now): a job that runs twice, or two at once, sends it once; a job that
fails half-way has claimed nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from activities.validation import EDITION_TIME_ZONE
from core.mail import queue_email_now

from . import emails
from .models import SignUp


def reminder_window_end(now):
    """Activities starting before the end of tomorrow (Amsterdam) get their reminder now."""
    today = timezone.localtime(now, EDITION_TIME_ZONE).date()
    day_after_tomorrow = today + datetime.timedelta(days=2)
    return datetime.datetime.combine(day_after_tomorrow, datetime.time.min, EDITION_TIME_ZONE)


def due_reminders(now):
    return SignUp.objects.filter(
        status=SignUp.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        activity__starts_at__gt=now,
        activity__starts_at__lt=reminder_window_end(now),
        activity__cancelled=False,
    ).exclude(email="")


def send_reminders(now=None):
    """Queue the due reminders; returns how many."""
    now = now or timezone.now()
    sent = 0
    for pk in due_reminders(now).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = due_reminders(now).filter(pk=pk).update(reminder_sent_at=now)
            if claimed:
                signup = SignUp.objects.select_related("activity").get(pk=pk)
                queue_email_now(emails.reminder_message(signup))
                sent += 1
    return sent


@task()
def send_reminders_task():
    return send_reminders()
