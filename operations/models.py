from django.db import models


class PeriodicJob(models.Model):
    """When a periodic task of settings.PERIODIC_TASKS is next due (operations/scheduler.py)."""

    task_path = models.CharField(max_length=255, unique=True)
    next_run_at = models.DateTimeField()

    def __str__(self):
        return self.task_path
