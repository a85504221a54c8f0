"""Tell the sender of a public page submission what the moderators decided, and remove the
photo of a deleted story from storage.

Only for the review the public form started (requested by nobody); later reviews of the same
page, started by editors, concern the editors.
"""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page, WorkflowState
from wagtail.signals import task_rejected, workflow_approved

from . import notifications
from .models import Story, SubmitterContact


def public_submission_contact(workflow_state):
    if workflow_state.requested_by_id is not None:
        return None
    if workflow_state.base_content_type.model_class() is not Page:
        return None
    return SubmitterContact.objects.filter(page_id=workflow_state.object_id).first()


def tell_submitter_rejected(sender, instance, **kwargs):
    contact = public_submission_contact(instance.workflow_state)
    if contact is not None:
        notifications.tell_page_rejected(contact, instance.get_comment())


def tell_submitter_approved(sender, instance, **kwargs):
    contact = public_submission_contact(instance)
    if contact is not None:
        notifications.tell_page_approved(contact)


def delete_story_photo(sender, instance, **kwargs):
    """The file goes once the deletion is committed: a rolled back deletion keeps its photo."""
    if instance.photo:
        storage, name = instance.photo.storage, instance.photo.name
        transaction.on_commit(lambda: storage.delete(name))


def register():
    post_delete.connect(delete_story_photo, sender=Story, dispatch_uid="submissions_story_photo")
    task_rejected.connect(tell_submitter_rejected, dispatch_uid="submissions_task_rejected")
    workflow_approved.connect(
        tell_submitter_approved, sender=WorkflowState, dispatch_uid="submissions_approved"
    )
