from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "sharing"
    verbose_name = _("Sharing")

    def ready(self):
        from editions.models import EditionPage

        from .feeds import ACTIVITIES_FEED_ROUTE
        from .kit import kit_route
        from .widget import WIDGET_ROUTE

        EditionPage.add_routes(ACTIVITIES_FEED_ROUTE, WIDGET_ROUTE, kit_route)
