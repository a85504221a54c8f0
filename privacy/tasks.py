from django_tasks import task

from .retention import apply_retention


@task()
def apply_retention_task():
    """Daily (settings.PERIODIC_TASKS): end the personal data that is past its period."""
    return apply_retention()
