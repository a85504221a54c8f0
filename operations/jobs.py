"""What the background worker means for the page cache.

Wagtail updates the search index in a job (modelsearch's insert_or_update_object_task), so a
published page is found a moment after its transaction committed and started a new cache
generation. A search answered and cached in between would keep showing the old results for the
rest of that generation: when the worker has indexed published content, a new generation
starts. Indexing a draft (a visitor's submission, an editor's autosave) changes no search result.
"""

from django.apps import apps
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from modelsearch.tasks import insert_or_update_object_task

from core.page_cache import invalidate

from .cache import changes_pages


def new_generation_after_indexing(sender, task_result, **kwargs):
    if task_result.task.func is not insert_or_update_object_task.func:
        return
    if task_result.status != TaskResultStatus.SUCCESSFUL:
        return
    app_label, model_name, pk = task_result.args
    instance = apps.get_model(app_label, model_name)._default_manager.filter(pk=pk).first()
    if instance is not None and shows_published_content(instance):
        invalidate()


def shows_published_content(instance):
    return changes_pages(instance) and not getattr(instance, "has_unpublished_changes", False)


def connect_signals():
    task_finished.connect(new_generation_after_indexing, dispatch_uid="operations.jobs.indexing")
