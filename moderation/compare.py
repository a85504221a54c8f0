"""After a moderator asked for changes and the editor submitted again: the moderator compares the
new submission with the version they reviewed, not with whatever revision came last (autosaves
between the two, or after, do not count).

The reviewed version is the revision of the latest finished review (rejected: "changes
requested") of the same workflow run; the submitted one is the revision of the review waiting now.
"""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Page, TaskState


def reviewed_revision_ids(task_states):
    """{pk of a waiting task state: revision id of the version reviewed before it in its run}."""
    waiting = {state.workflow_state_id: state for state in task_states}
    finished = (
        TaskState.objects.filter(workflow_state_id__in=waiting, status=TaskState.STATUS_REJECTED)
        .exclude(revision=None)
        .order_by("finished_at", "pk")
        .values_list("workflow_state_id", "revision_id", "started_at")
    )
    reviewed = {}
    for workflow_state_id, revision_id, started_at in finished:
        state = waiting[workflow_state_id]
        if started_at < state.started_at and revision_id != state.revision_id:
            reviewed[state.pk] = revision_id
    return reviewed


def compare_url(task_state, reviewed_revision_id):
    """Wagtail's compare view: the reviewed revision against the submitted one."""
    workflow_state = task_state.workflow_state
    revisions = (reviewed_revision_id, task_state.revision_id)
    if workflow_state.base_content_type.model_class() is Page:
        return reverse(
            "wagtailadmin_pages:revisions_compare", args=(workflow_state.object_id, *revisions)
        )
    viewset = task_state.revision.content_object.snippet_viewset
    return reverse(
        viewset.get_url_name("revisions_compare"),
        args=(quote(workflow_state.object_id), *revisions),
    )


def resubmission_compare_url(instance):
    """The compare address for `instance` when it waits for review again after requested
    changes; else None."""
    workflow_state = getattr(instance, "current_workflow_state", None)
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_IN_PROGRESS:
        return None
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.revision_id is None:
        return None
    reviewed = reviewed_revision_ids([task_state]).get(task_state.pk)
    return compare_url(task_state, reviewed) if reviewed else None
