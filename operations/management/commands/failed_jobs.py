from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


class Command(BaseCommand):
    help = "List the background jobs that failed (newest first), with the last line of the error."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="How far back (default 7 days).")
        parser.add_argument("--full", action="store_true", help="Show the whole traceback.")

    def handle(self, *args, days, full, **options):
        since = timezone.now() - timedelta(days=days)
        jobs = DBTaskResult.objects.failed().filter(finished_at__gte=since).order_by("-finished_at")
        for job in jobs:
            lines = job.traceback.strip().splitlines() or [job.exception_class_path]
            self.stdout.write(f"{job.finished_at:%Y-%m-%d %H:%M:%S}  {job.task_name}  {job.id}")
            self.stdout.write("\n".join(lines) if full else f"    {lines[-1]}")
        self.stdout.write(f"{jobs.count()} failed job(s) in the last {days} day(s).")
