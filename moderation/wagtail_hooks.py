"""Guards around the review actions of Wagtail's editors (pages and moderated snippets)."""

import json

from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, WorkflowState

from .compare import resubmission_compare_url
from .review_queue import review_queue_panel
from .teams import team_pages_of


def workflow_action_problem(request, instance):
    """Why a posted review action (approve, reject...) cannot be done, or None when it can.

    Wagtail's editors answer these cases with a server error: no review in progress (Wagtail
    then asks a missing task for its actions), no action named, unreadable extra data."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if getattr(instance, "current_workflow_task", None) is None:
        return _("“%(title)s” is not awaiting review: there is nothing to approve or reject.")
    if not request.POST.get("workflow-action-name"):
        return _("Choose what to do with the review of “%(title)s”.")
    try:
        extra_data = json.loads(request.POST.get("workflow-action-extra-data", "{}"))
    except ValueError:
        extra_data = None
    if not isinstance(extra_data, dict):
        return _("The review action for “%(title)s” could not be read. Please try again.")
    return None


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def refuse_impossible_workflow_action(request, instance):
    problem = workflow_action_problem(request, instance)
    if problem is None:
        return None
    messages.error(request, problem % {"title": instance})
    return redirect(request.get_full_path())


class TeamPagesPanel(Component):
    """On the dashboard of a team editor, first: their own team page, one click to edit it."""

    name = "team_pages"
    order = 10
    template_name = "moderation/admin/team_pages_panel.html"

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context=None):
        return {"pages": self.pages}


@hooks.register("construct_homepage_panels")
def add_team_pages_panel(request, panels):
    pages = list(team_pages_of(request.user).specific())
    if pages:
        panels.insert(0, TeamPagesPanel(pages))


def changes_requested(instance):
    """(moderator name, date, comment) when a moderator asked for changes to `instance` and the
    editor has not submitted it again yet; else None."""
    state = getattr(instance, "current_workflow_state", None)
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    moderator = task_state.finished_by
    name = (moderator.get_full_name() or moderator.get_username()) if moderator else ""
    return name, task_state.finished_at, task_state.specific.get_comment()


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def show_requested_changes(request, instance):
    """A banner on the edit view with the moderator's comment, until the editor submits again."""
    if request.method != "GET":
        return None
    requested = changes_requested(instance)
    if requested is None:
        return None
    name, when, comment = requested
    message = _("Changes requested by %(moderator)s on %(date)s.") % {
        "moderator": name or _("a moderator"),
        "date": date_format(localtime(when), "DATETIME_FORMAT") if when else "",
    }
    if comment:
        message += " " + _("Comment: “%(comment)s”") % {"comment": comment}
    message += " " + _("Make the changes, then submit the page for review again.")
    messages.warning(request, message)
    return None


@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def offer_comparison_with_the_reviewed_version(request, instance):
    """For the moderator of a resubmission: a banner with a link that compares it with the
    version they asked changes to."""
    if request.method != "GET":
        return None
    url = resubmission_compare_url(instance)
    if url is None or not may_review(request.user, instance):
        return None
    message = _("Submitted again after changes were requested.")
    messages.info(
        request, message, buttons=[messages.button(url, _("Compare with the version you reviewed"))]
    )
    return None


def may_review(user, instance):
    task_state = instance.current_workflow_state.current_task_state
    return TaskState.objects.reviewable_by(user).filter(pk=task_state.pk).exists()


@hooks.register("insert_editor_js")
def submit_after_autosave():
    return format_html('<script src="{}"></script>', static("moderation/submit-after-autosave.js"))


@hooks.register("construct_homepage_panels")
def add_review_queue_panel(request, panels):
    panel = review_queue_panel(request.user)
    if panel is not None:
        panels.append(panel)
