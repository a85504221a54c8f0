"""Periodic jobs of the site (settings.PERIODIC_TASKS)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_tasks import task

from core.models import SentEmail

# Finished jobs are kept this long (a mail job holds the message, so not longer), failed ones
# long enough to look into (`manage.py failed_jobs`).
FINISHED_JOBS_KEEP_DAYS = 14
FAILED_JOBS_KEEP_DAYS = 60


@task()
def publish_scheduled():
    """Wagtail's scheduled publishing: go-live and expiry dates that have passed take effect."""
    call_command("publish_scheduled")


@task()
def prune_finished_jobs():
    """Delete finished jobs (and what their mails left behind) once they are old enough."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=FINISHED_JOBS_KEEP_DAYS,
        failed_min_age_days=FAILED_JOBS_KEEP_DAYS,
        verbosity=0,
    )
    cutoff = timezone.now() - timedelta(days=FAILED_JOBS_KEEP_DAYS)
    SentEmail.objects.filter(claimed_at__lt=cutoff).delete()
