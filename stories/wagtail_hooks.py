from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from submissions.admin_forms import moderation_panels

from .models import Story


class StoryViewSet(SnippetViewSet):
    model = Story
    icon = "openquote"
    menu_label = _("Stories")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = [
        "name",
        Column("text", label=_("story"), accessor=lambda story: Truncator(story.text).chars(80)),
        "edition",
        "status",
        "created_at",
    ]
    list_filter = ["status", "edition"]
    search_fields = ["name", "text"]
    search_backend_name = None
    ordering = ["-created_at"]
    edit_handler = moderation_panels(
        FieldPanel("edition"),
        FieldPanel("name"),
        FieldPanel("text"),
        FieldPanel("photo", read_only=True),
        FieldPanel("photo_description"),
    )


story_viewset = StoryViewSet()
register_snippet(story_viewset)


class PendingSubmissionsPanel(Component):
    """On the admin dashboard of moderators: how many stories wait for review."""

    name = "pending_submissions"
    order = 50
    template_name = "stories/admin/pending_panel.html"

    def __init__(self, count, url):
        self.count = count
        self.url = url

    def get_context_data(self, parent_context=None):
        return {"count": self.count, "url": self.url}


@hooks.register("construct_homepage_panels")
def add_pending_submissions_panel(request, panels):
    if request.user.has_perm("stories.change_story"):
        url = reverse(story_viewset.get_url_name("list")) + "?status=pending"
        panels.append(PendingSubmissionsPanel(Story.objects.pending().count(), url))
