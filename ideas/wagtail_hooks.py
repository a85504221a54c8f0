from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_listings import PageTypeListingViewSet

from .models import IdeaPage, Organiser, Theme


class IdeaListingViewSet(PageTypeListingViewSet):
    model = IdeaPage
    name = "ideas"
    url_namespace = "idea_listing"
    icon = "doc-full"
    menu_label = _("Ideas")
    add_to_admin_menu = False  # in the "Idea toolkit" menu


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
    items = (IdeaListingViewSet, ThemeViewSet, OrganiserViewSet)


register_snippet(IdeaFacetGroup)
