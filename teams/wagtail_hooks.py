from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.admin_listings import PageTypeListingViewSet

from .models import TeamPage


class TeamListingViewSet(PageTypeListingViewSet):
    model = TeamPage
    name = "teams"
    url_namespace = "team_listing"
    icon = "group"
    menu_label = _("InspiratieTeams")
    menu_order = 120


@hooks.register("register_admin_viewset")
def register_team_listing():
    return TeamListingViewSet()
