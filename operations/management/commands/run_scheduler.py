import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from operations.scheduler import periodic_tasks, queue_due_tasks

logger = logging.getLogger("operations.scheduler")


class Command(BaseCommand):
    help = (
        "Queue the periodic tasks of settings.PERIODIC_TASKS when they are due, until stopped. "
        "The worker (manage.py db_worker) runs them. Safe to run on several machines at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=5, help="Seconds between two checks (default 5)."
        )
        parser.add_argument("--once", action="store_true", help="Check once, then stop.")

    def handle(self, *args, interval, once, **options):
        paths = [path for path, _task, _interval in periodic_tasks()]
        logger.info("Scheduler started for %s", ", ".join(paths) or "no tasks")
        try:
            while True:
                close_old_connections()
                queue_due_tasks()
                if once:
                    return
                time.sleep(interval)
        except KeyboardInterrupt:
            logger.info("Scheduler stopped")
