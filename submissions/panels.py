from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .models import SubmitterContact


class SubmitterContactPanel(Panel):
    """Read-only: who sent this page in through a public form; only for those who may publish it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Sent in through the public form"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "submitter_contact"

    class BoundPanel(Panel.BoundPanel):
        template_name = "submissions/admin/submitter_contact_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page_id = getattr(self.instance, "pk", None)
            self.contact = page_id and SubmitterContact.objects.filter(page_id=page_id).first()

        def is_shown(self):
            if not self.contact or self.request is None:
                return False
            return self.instance.permissions_for_user(self.request.user).can_publish()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["contact"] = self.contact
            return context
