"""Personal data of the stories in the privacy register (privacy/register.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.register import Action, LegalBasis, PersonalData, register

from .models import Story

register(
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
