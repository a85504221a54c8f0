from django.utils.translation import gettext_lazy as _

from . import views

app_name = "submissions"

urlpatterns = views.submission_urls(
    _("share-your-story/"),
    views.StoryCreateView,
    name="story_create",
    thanks_name="story_thanks",
    thanks_heading=_("Thank you for your story"),
    thanks_message=_(
        "We have received your story. A moderator reads it soon; once it is approved it appears "
        "on the story wall. If you gave your email address, you will get a confirmation."
    ),
)
