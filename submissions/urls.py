from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "submissions"

urlpatterns = [
    path(_("share-your-story/"), views.StoryCreateView.as_view(), name="story_create"),
    path(_("share-your-story/thanks/"), views.StoryThanksView.as_view(), name="story_thanks"),
]
