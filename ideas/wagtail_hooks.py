from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organiser, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganiserViewSet(SnippetViewSet):
    model = Organiser
    icon = "group"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class IdeaFacetGroup(SnippetViewSetGroup):
    menu_label = _("Idea toolkit")
    menu_icon = "tag"
    items = (ThemeViewSet, OrganiserViewSet)


register_snippet(IdeaFacetGroup)
