from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    """The follow-up after an activity: the organiser's answers (how many people came, one
    sentence, a photo) and, with consent, a draft story."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "followups"
    verbose_name = _("Follow-ups")
