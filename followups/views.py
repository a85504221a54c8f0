import os

from django.core.files.base import ContentFile
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.page_cache import invalidate
from moderation.roles import MODERATORS
from stories.models import Story
from submissions import notifications
from submissions.views import PublicSubmissionView

from .forms import AnswerForm
from .links import follow_up_from
from .models import FollowUp

STORY_NAME_LENGTH = Story._meta.get_field("name").max_length


class AnswerView(PublicSubmissionView):
    """The form behind the organiser's private link; answered once."""

    form_class = AnswerForm
    template_name = "submissions/public_form_page.html"
    success_url_name = "followups:thanks"
    reviewer_group = MODERATORS
    heading = _("How did your activity go?")
    submit_label = _("Send")

    def dispatch(self, request, token, *args, **kwargs):
        pk = follow_up_from(token)
        if pk is None:
            raise Http404(_("This link is not valid (any more)."))
        self.follow_up = get_object_or_404(FollowUp.objects.select_related("activity"), pk=pk)
        if self.follow_up.answered_at is not None:
            return TemplateResponse(request, "followups/answered.html")
        self.lead = _("Three short questions about “%(activity)s”.") % {
            "activity": self.follow_up.activity.title
        }
        return super().dispatch(request, token, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.follow_up}

    def save_submission(self, form):
        follow_up = form.save(commit=False)
        follow_up.answered_at = timezone.now()
        if follow_up.story_consent and follow_up.sentence:
            follow_up.story = draft_story(follow_up)
        follow_up.save()
        invalidate()  # the people reached in the figures
        return follow_up

    def notify(self, follow_up):
        if follow_up.story is not None:
            notifications.notify_reviewers(follow_up.story, self.reviewer_group)


def draft_story(follow_up):
    """A pending story on the wall of the activity's edition, named after the activity: it
    reaches visitors only once a moderator approves it."""
    activity = follow_up.activity
    story = Story(
        edition_id=activity.get_parent().pk,
        name=activity.title[:STORY_NAME_LENGTH],
        text=follow_up.sentence,
        language=translation.get_language(),
    )
    if follow_up.photo:
        follow_up.photo.seek(0)
        story.photo.save(
            os.path.basename(follow_up.photo.name), ContentFile(follow_up.photo.read()), save=False
        )
    story.save()
    return story
