"""What the background worker means for the page cache.

Wagtail updates the search index in a job (modelsearch's insert_or_update_object_task), so a
published page is found a moment after its transaction committed and started a new cache
generation. A search answered and cached in between would keep showing the old results for the
rest of that generation: when the worker has indexed content, a new generation starts.
"""

from django.apps import apps
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task

from core.page_cache import invalidate

from .cache import content_classes


def new_generation_after_indexing(sender, task_result, **kwargs):
    if task_result.task.func is not insert_or_update_object_task.func:
        return
    app_label, model_name, _pk = task_result.args
    model = apps.get_model(app_label, model_name)
    if task_result.status == TaskResultStatus.SUCCESSFUL and issubclass(model, content_classes()):
        invalidate()


def connect_signals():
    task_finished.connect(new_generation_after_indexing, dispatch_uid="operations.jobs.indexing")
