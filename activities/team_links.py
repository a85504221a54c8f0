"""A team editor links their own activities to their team.

Their own: activities they registered through the public form with the email address of their
account, or that they own in the admin. Linking saves a new revision with the team and submits it
for review, like any change: the link shows on the activity once a moderator approves it.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, WorkflowState

from core.forms import positive_number
from teams.models import TeamPage

from .models import ActivityPage


def own_activities(user, team):
    """Activities in the team's language that `user` sent in or owns."""
    mine = Q(owner=user)
    if user.email:
        mine |= Q(submitter_contact__email__iexact=user.email)
    return ActivityPage.objects.filter(mine, locale_id=team.locale_id).order_by("starts_at")


def link_to_team(activity, team, user):
    """A revision of `activity` with `team`, submitted for review. False when it is in review."""
    if activity.workflow_in_progress:
        return False
    draft = activity.get_latest_revision_as_object()
    draft.team = team
    revision = draft.save_revision(user=user)
    workflow = activity.get_workflow()
    if workflow is not None:
        workflow.start(activity, user)
    return revision


def in_review(pages):
    """The ids of these pages with a review in progress (Page.workflow_in_progress), in one query."""
    waiting = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    return {int(object_id) for object_id in waiting.values_list("object_id", flat=True)}


class TeamActivitiesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "activities/admin/team_activities.html"
    page_title = gettext_lazy("Activities of your team")
    header_icon = "date"

    def dispatch(self, request, team_id):
        self.team = get_object_or_404(TeamPage, pk=team_id)
        if not self.team.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.team.title

    def get_context_data(self, **kwargs):
        activities = list(own_activities(self.request.user, self.team))
        return super().get_context_data(
            team=self.team,
            linked=[a for a in activities if a.team_id == self.team.pk],
            linkable=[a for a in activities if a.team_id != self.team.pk],
            in_review=in_review(activities),
            **kwargs,
        )

    def post(self, request):
        activity_id = positive_number(request.POST.get("activity"))
        activity = get_object_or_404(own_activities(request.user, self.team), pk=activity_id or 0)
        if link_to_team(activity, self.team, request.user):
            messages.success(
                request,
                _("“%(activity)s” is linked to %(team)s and waits for a moderator.")
                % {"activity": activity.title, "team": self.team.title},
            )
        else:
            messages.error(
                request,
                _("“%(activity)s” is being reviewed; link it once the review is done.")
                % {"activity": activity.title},
            )
        return redirect(request.path)
