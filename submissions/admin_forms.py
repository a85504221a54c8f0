from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList

from .notifications import tell_decision


class ModerationForm(WagtailAdminModelForm):
    """Admin form of a public submission: a status change is a decision, emailed to the sender."""

    def clean(self):
        cleaned = super().clean()
        rejected = cleaned.get("status") == self._meta.model.Status.REJECTED
        if rejected and not cleaned.get("rejection_reason", "").strip():
            self.add_error("rejection_reason", _("Give a reason when you reject a submission."))
        return cleaned

    def save(self, commit=True):
        decided = "status" in self.changed_data
        item = super().save(commit=False)
        if decided:
            item.record_decision(self.for_user)
        if commit:
            item.save()
        if decided:
            transaction.on_commit(lambda: tell_decision(item))
        return item


def moderation_panels(*content_panels):
    """The edit form of a public submission in the admin: the decision, the item's own panels
    and the sender's address (read only)."""
    return ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("rejection_reason")], heading=_("Decision")
            ),
            *content_panels,
            FieldPanel("email", read_only=True),
        ],
        base_form_class=ModerationForm,
    )
