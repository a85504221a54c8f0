from django.conf import settings
from django.views.generic import TemplateView

from . import register


class PrivacyStatementView(TemplateView):
    """The privacy statement: the register of personal data, rendered from the code."""

    template_name = "privacy/statement.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            entries=register.entries(), backup_days=settings.BACKUP_KEEP_DAYS, **kwargs
        )
