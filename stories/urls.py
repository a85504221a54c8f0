from django.utils.translation import gettext_lazy as _

from submissions.views import submission_urls

from .views import StoryCreateView

app_name = "stories"

urlpatterns = submission_urls(
    _("share-your-story/"),
    StoryCreateView,
    name="create",
    thanks_name="thanks",
    thanks_heading=_("Thank you for your story"),
    thanks_message=_(
        "We have received your story. A moderator reads it soon; once it is approved it appears "
        "on the story wall. If you gave your email address, you will get a confirmation."
    ),
)
