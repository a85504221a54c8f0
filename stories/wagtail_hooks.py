from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from moderation.review_queue import SHOWN, Source, Waiting, register_source
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


@register_source
def pending_stories(user):
    """Stories on the moderators' review panel (moderation.review_queue)."""
    if not user.has_perm("stories.change_story"):
        return None
    pending = Story.objects.pending()
    oldest = pending.select_related("edition").order_by("created_at", "pk")[:SHOWN]
    return Source(
        label=ngettext(
            "%(count)s story is waiting for review.",
            "%(count)s stories are waiting for review.",
            pending.count(),
        )
        % {"count": pending.count()},
        count=pending.count(),
        oldest=[
            Waiting(
                kind=Story._meta.verbose_name,
                title=Truncator(story.text).chars(60),
                submitted_by=story.name,
                since=story.created_at,
                url=reverse(story_viewset.get_url_name("edit"), args=(story.pk,)),
            )
            for story in oldest
        ],
        url=reverse(story_viewset.get_url_name("list")) + "?status=pending",
        link_label=_("Review stories"),
    )
