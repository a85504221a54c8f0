from django.apps import apps
from django.db.models.signals import post_save
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import Page, WorkflowState
from wagtail.signals import workflow_approved

from .roles import sync_role_page_permissions

# Wagtail's own dispatch_uid: connecting under it replaces Wagtail's approval email with ours.
APPROVAL_EMAIL_UID = "workflow_state_approved_email_notification"


class ApprovalWithCommentEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval email, plus the comment the moderator left when approving."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        task_state = workflow_state.current_task_state
        context["comment"] = task_state.specific.get_comment() if task_state else ""
        return context


approval_email_notifier = ApprovalWithCommentEmailNotifier()


def grant_roles_on_new_language_root(sender, instance, created, raw=False, **kwargs):
    """A new home page of a language gets the roles' page permissions straight away."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        sync_role_page_permissions(apps)


def register():
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID)
    workflow_approved.connect(
        approval_email_notifier, sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID
    )
    post_save.connect(grant_roles_on_new_language_root, dispatch_uid="moderation_language_root")
