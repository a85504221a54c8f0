from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupsConfig(AppConfig):
    """Signing up for an activity without an account: places, waiting list, confirmation and
    reminder emails, the participant's and the organiser's private links."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "signups"
    verbose_name = _("Sign-ups")

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
