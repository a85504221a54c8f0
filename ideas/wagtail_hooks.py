from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class IdeaFacetGroup(SnippetViewSetGroup):
    menu_label = _("Idea toolkit")
    menu_icon = "tag"
    items = (ThemeViewSet, AudienceViewSet)


register_snippet(IdeaFacetGroup)
