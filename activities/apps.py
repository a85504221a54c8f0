from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")

    def ready(self):
        from editions.models import EditionPage

        from .listing import connect_listing_signals
        from .routes import EDITION_ROUTES

        EditionPage.add_routes(*EDITION_ROUTES)
        connect_listing_signals()
