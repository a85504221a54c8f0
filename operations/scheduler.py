"""Periodic jobs: each task named in settings.PERIODIC_TASKS is queued once per interval.

`manage.py run_scheduler` calls queue_due_tasks() every few seconds. Several schedulers (one per
machine) may run at once: a run is claimed by moving the task's next_run_at forward in a single
UPDATE that only matches while the run is due, so only one scheduler queues it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import PeriodicJob

logger = logging.getLogger(__name__)


def periodic_tasks():
    """(path, task, interval) for each entry of PERIODIC_TASKS; a wrong path fails here, loudly."""
    return [
        (path, import_string(path), timedelta(seconds=seconds))
        for path, seconds in getattr(settings, "PERIODIC_TASKS", {}).items()
    ]


def queue_due_tasks(now=None):
    """Queue every periodic task that is due at `now`; returns the paths of those queued."""
    now = now or timezone.now()
    return [
        path for path, task, interval in periodic_tasks() if claim_run(path, task, interval, now)
    ]


def claim_run(path, task, interval, now):
    PeriodicJob.objects.get_or_create(task_path=path, defaults={"next_run_at": now})
    # The claim and the job commit together: a run is never claimed without its job queued.
    with transaction.atomic():
        claimed = PeriodicJob.objects.filter(task_path=path, next_run_at__lte=now).update(
            next_run_at=now + interval
        )
        if claimed:
            task.enqueue()
            logger.info("Queued periodic task %s", path)
    return bool(claimed)
