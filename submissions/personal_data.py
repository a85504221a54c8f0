"""Personal data of public submissions in the privacy register (privacy/register.py)."""

from datetime import datetime, time

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState

from editions.models import EditionPage
from privacy.register import Action, LegalBasis, PersonalData, register

from .models import Story, SubmitterContact


def public_reviews(page):
    """The reviews a public form started (requested by nobody)."""
    return WorkflowState.objects.for_instance(page).filter(requested_by=None)


def decided_at(page):
    tasks = TaskState.objects.filter(workflow_state__in=public_reviews(page))
    return tasks.aggregate(Max("finished_at"))["finished_at__max"]


def edition_end(page):
    edition = EditionPage.objects.ancestor_of(page).first()
    if edition is None:
        return None
    return timezone.make_aware(datetime.combine(edition.end_date, time.max))


def period_start(contact):
    """Sending, the decision or the end of the activity's edition, whichever is last;
    None while the review is open."""
    page = contact.page
    if public_reviews(page).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists():
        return None
    return max(filter(None, [contact.created_at, decided_at(page), edition_end(page)]))


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
    PersonalData(
        key="story_emails",
        model=Story,
        fields=("email",),
        label=_("E-mail address of people who share a story"),
        holds=_("The e-mail address you may give with your story. Never shown on the site."),
        purpose=_("To confirm that we received your story and to tell you the decision."),
        legal_basis=LegalBasis.CONSENT,
        retention_days=30,
        retention_start=_("%(period)s after the moderators' decision"),
        action=Action.ANONYMISE,
        expired=lambda cutoff: Story.objects.exclude(email="").filter(moderated_at__lt=cutoff),
        find=lambda email: Story.objects.filter(email__iexact=email),
    ),
    PersonalData(
        key="rejected_stories",
        model=Story,
        fields=("name", "text", "photo", "photo_description"),
        label=_("Stories that were not published"),
        holds=_("The name or nickname, story and photo of a story the moderators rejected."),
        purpose=_("To answer a question about the decision."),
        legal_basis=LegalBasis.CONSENT,
        retention_days=30,
        retention_start=_("%(period)s after the moderators' decision"),
        action=Action.DELETE,
        expired=lambda cutoff: Story.objects.filter(
            status=Story.Status.REJECTED, moderated_at__lt=cutoff
        ),
    ),
    PersonalData(
        key="stories",
        model=Story,
        fields=("name", "text", "photo", "photo_description"),
        label=_("Stories on the story wall"),
        holds=_(
            "The name or nickname, story, photo and photo description you send with “Share your "
            "story”. Once approved they are shown on the story wall of the edition."
        ),
        purpose=_("To show the stories of an edition on its story wall."),
        legal_basis=LegalBasis.CONSENT,
        retention_days=730,
        retention_start=_("%(period)s after the last day of the edition"),
        action=Action.DELETE,
        expired=lambda cutoff: Story.objects.filter(
            edition__end_date__lt=timezone.localdate(cutoff)
        ),
        find=lambda email: Story.objects.filter(email__iexact=email),
    ),
)
