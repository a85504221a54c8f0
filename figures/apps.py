from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FiguresConfig(AppConfig):
    """The week in numbers: public figures per edition (charts, tables, CSV and JSON), added
    to the edition page as routes (figures/routes.py)."""

    name = "figures"
    verbose_name = _("Figures")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from core.page_cache import content_changed
        from editions.models import EditionPage
        from signups.models import SignUp

        from .kept import raise_version
        from .routes import EDITION_ROUTES

        EditionPage.add_routes(*EDITION_ROUTES)
        content_changed.connect(raise_version, dispatch_uid="figures.kept")
        # Sign-ups change the figures without a new page-cache generation (signups.allocation)
        for signal in (post_save, post_delete):
            signal.connect(raise_version, sender=SignUp, dispatch_uid="figures.kept.signups")
