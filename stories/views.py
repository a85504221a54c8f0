from editions.models import EditionPage
from moderation.roles import MODERATORS
from submissions.views import PublicSubmissionView

from .forms import StoryForm


class StoryCreateView(PublicSubmissionView):
    form_class = StoryForm
    template_name = "stories/story_form.html"
    success_url_name = "stories:thanks"
    reviewer_group = MODERATORS

    def get_initial(self):
        initial = super().get_initial()
        current = EditionPage.current_for_locale()
        initial["edition"] = self.request.GET.get("edition") or (current and current.pk)
        return initial
