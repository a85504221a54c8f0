from django import template
from wagtail.models import TaskState

register = template.Library()


@register.simple_tag
def approval_comment(instance):
    """The comment of the review that approved `instance`: Wagtail renders its approval email
    while the workflow finishes, so that is the newest approved task of this page or snippet."""
    task_state = (
        TaskState.objects.for_instance(instance)
        .filter(status=TaskState.STATUS_APPROVED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    return task_state.specific.get_comment() if task_state else ""
