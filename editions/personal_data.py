"""The contact person of an edition in the privacy register (privacy/register.py)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from privacy.register import Action, LegalBasis, PersonalData, not_personal, register

from .models import EditionPage

register(
    PersonalData(
        key="edition_contacts",
        model=EditionPage,
        fields=("contact_name", "contact_email", "contact_phone"),
        label=_("Contact person of an edition"),
        holds=_("The name, e-mail address and phone number shown on the page of an edition."),
        purpose=_("So that press, partners and organisers know whom to ask about the edition."),
        legal_basis=LegalBasis.LEGITIMATE_INTEREST,
        retention_days=365,
        retention_start=_("%(period)s after the last day of the edition"),
        action=Action.ANONYMISE,
        expired=lambda cutoff: EditionPage.objects.filter(
            end_date__lt=timezone.localdate(cutoff)
        ).exclude(contact_name="", contact_email="", contact_phone=""),
        find=lambda email: EditionPage.objects.filter(contact_email__iexact=email),
    ),
)
not_personal("editions.Partner.name", "the name of a partner organisation")
