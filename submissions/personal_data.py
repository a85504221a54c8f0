"""Personal data of the pages sent in through public forms in the privacy register
(privacy/register.py)."""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState

from privacy.register import Action, LegalBasis, PersonalData, register

from .models import SubmitterContact


def public_reviews(page):
    """The reviews a public form started (requested by nobody)."""
    return WorkflowState.objects.for_instance(page).filter(requested_by=None)


def decided_at(page):
    tasks = TaskState.objects.filter(workflow_state__in=public_reviews(page))
    return tasks.aggregate(Max("finished_at"))["finished_at__max"]


def needed_until(page):
    """How long the page type says its sender may still be needed (see SubmitterContact)."""
    method = getattr(page.specific_deferred, "sender_needed_until", None)
    return method() if method else None


def period_start(contact):
    """Sending, the decision or the end of what the page needs its sender for (an activity:
    its edition), whichever is last; None while the review is open."""
    page = contact.page
    if public_reviews(page).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
        return None
    return max(filter(None, [contact.created_at, decided_at(page), needed_until(page)]))


def expired_submitter_contacts(cutoff):
    candidates = SubmitterContact.objects.filter(created_at__lt=cutoff).select_related("page")
    expired = [
        contact.pk
        for contact in candidates
        if (start := period_start(contact)) is not None and start < cutoff
    ]
    return SubmitterContact.objects.filter(pk__in=expired)


register(
    PersonalData(
        key="submitter_contacts",
        model=SubmitterContact,
        fields=("name", "email", "phone"),
        label=_("Contact details of people who send in an activity or a team"),
        holds=_(
            "Your name, e-mail address and (if you give it) phone number, from the forms "
            "“Register your activity” and “Start an InspiratieTeam”. Never shown on the site."
        ),
        purpose=_(
            "To confirm that we received it, to tell you the moderators' decision, and for a "
            "question from a moderator."
        ),
        legal_basis=LegalBasis.CONSENT,
        retention_days=90,
        retention_start=_(
            "%(period)s after the moderators' decision; for an activity, at least %(period)s "
            "after the last day of its edition"
        ),
        action=Action.DELETE,
        expired=expired_submitter_contacts,
        find=lambda email: SubmitterContact.objects.filter(email__iexact=email),
        admin_object=lambda contact: contact.page,
    ),
)
