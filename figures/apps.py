from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """The week in numbers: public figures per edition (charts, tables, CSV and JSON), added
    to the edition page as routes (figures/routes.py)."""

    name = "figures"
    verbose_name = _("Figures")

    def ready(self):
        from editions.models import EditionPage

        from .routes import EDITION_ROUTES

        EditionPage.add_routes(*EDITION_ROUTES)
