"""Personal data of the follow-ups in the privacy register (privacy/register.py)."""

from django.utils.translation import gettext_lazy as _

from privacy.register import Action, LegalBasis, PersonalData, register

from .models import FollowUp

register(
    PersonalData(
        key="follow_up_answers",
        model=FollowUp,
        fields=("sentence", "photo"),
        label=_("Answers of organisers after their activity"),
        holds=_(
            "The sentence about what happened and the photo an organiser sends after the "
            "activity. The number of people who came is kept, without them."
        ),
        purpose=_(
            "To show what the week achieved and, with the organiser's consent, to make a story "
            "for the story wall."
        ),
        legal_basis=LegalBasis.CONSENT,
        retention_days=365,
        retention_start=_("%(period)s after the answer"),
        action=Action.ANONYMISE,
        expired=lambda cutoff: FollowUp.objects.filter(answered_at__lt=cutoff).exclude(
            sentence="", photo=""
        ),
        find=lambda email: FollowUp.objects.filter(
            activity__submitter_contact__email__iexact=email
        ),
    ),
)
