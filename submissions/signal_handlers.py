"""Tell the sender of a public page submission what the moderators decided.

Only for the review the public form started (requested by nobody); later reviews of the same
page, started by editors, concern the editors.
"""

from wagtail.models import Page, WorkflowState
from wagtail.signals import task_rejected, workflow_approved

from . import notifications
from .models import SubmitterContact


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


def register():
    task_rejected.connect(tell_submitter_rejected, dispatch_uid="submissions_task_rejected")
    workflow_approved.connect(
        tell_submitter_approved, sender=WorkflowState, dispatch_uid="submissions_approved"
    )
