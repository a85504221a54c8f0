"""The contact person of a team in the privacy register (privacy/register.py)."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageLogEntry

from privacy.register import Action, LegalBasis, PersonalData, register

from .models import TeamPage


def expired_team_contacts(cutoff):
    """Team pages offline since before the cutoff (the last thing that happened to them)."""
    last_action = PageLogEntry.objects.filter(page=OuterRef("pk")).order_by("-timestamp")
    return (
        TeamPage.objects.filter(live=False)
        .exclude(contact_name="", contact_email="")
        .annotate(
            last_change=Coalesce(
                Subquery(last_action.values("timestamp")[:1]), "latest_revision_created_at"
            )
        )
        .filter(last_change__lt=cutoff)
    )


register(
    PersonalData(
        key="team_contacts",
        model=TeamPage,
        fields=("contact_name", "contact_email"),
        label=_("Contact person of an InspiratieTeam"),
        holds=_(
            "The name of the team's contact person (shown on the team page) and the e-mail "
            "address that messages from the team's contact form go to (never shown)."
        ),
        purpose=_("So that visitors can write to the team without seeing its address."),
        legal_basis=LegalBasis.CONSENT,
        retention_days=365,
        retention_start=_("%(period)s after the team page went offline"),
        action=Action.ANONYMISE,
        expired=expired_team_contacts,
        find=lambda email: TeamPage.objects.filter(contact_email__iexact=email),
    ),
)
