from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    """The story wall of an edition: visitors share a story ("Deel je verhaal"), moderators
    approve it."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "stories"
    verbose_name = _("Stories")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
