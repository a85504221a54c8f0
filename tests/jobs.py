"""Background jobs in tests: production's database queue, and helpers that run what it holds.

Jobs wait in the database until a test runs them with run_jobs(), which uses the database
worker's own code. Wagtail's own tasks (search and reference index, deleting stored files) run at
once, as on a site without a worker, so tests of other things find an up-to-date search index.
"""

from contextlib import contextmanager

from django.db.models import Q
from django.test import TestCase
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

RUN_AT_ONCE = ("wagtail.", "modelsearch.")


class QueueForTestsBackend(DatabaseBackend):
    def __init__(self, alias, params):
        super().__init__(alias, params)
        self.immediate = ImmediateBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        if task.module_path.startswith(RUN_AT_ONCE):
            return self.immediate.enqueue(task, args, kwargs)
        return super().enqueue(task, args, kwargs)


def queued_jobs(task=None):
    """The jobs waiting to run (of one task, if given), due or not."""
    jobs = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    return jobs.filter(task_path=task.module_path) if task else jobs


def due_jobs(at):
    return queued_jobs().filter(Q(run_after=get_date_max()) | Q(run_after__lte=at))


def run_jobs(at=None):
    """Run the jobs due at `at` (default now), and those they queue that are due then too,
    as the worker would. Returns the jobs run."""
    at = at or timezone.now()
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="tests",
        excluded_queue_names=[],
    )
    ran = []
    while (job := due_jobs(at).first()) is not None:
        job.claim(worker.worker_id)
        worker.run_task(job)
        ran.append(job)
    return ran


@contextmanager
def jobs_run_after():
    """Inside a TestCase: the block's commit callbacks run (queueing their jobs), then the jobs."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield
    run_jobs()
