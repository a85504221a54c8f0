"""Sign-ups in the privacy register (privacy/register.py). After the edition the names and
addresses go; the rows stay, empty, as counts (people, status) of the activity."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editions.models import EditionPage
from privacy.register import Action, LegalBasis, PersonalData, register

from .models import SignUp

FIELDS = ("name", "email", "phone", "note")


def signups_of_editions_ended_before(cutoff):
    ended = EditionPage.objects.filter(end_date__lt=timezone.localdate(cutoff))
    paths = [Q(activity__path__startswith=path) for path in ended.values_list("path", flat=True)]
    if not paths:
        return SignUp.objects.none()
    return SignUp.objects.exclude(key="").filter(reduce(or_, paths))


def empty_signups(queryset):
    """Names, addresses, phone numbers and notes emptied, and the private links with them."""
    queryset.update(name="", email="", phone="", note="", key="")


register(
    PersonalData(
        key="signups",
        model=SignUp,
        fields=FIELDS,
        label=_("Sign-ups for activities"),
        holds=_(
            "Your name, e-mail address, number of people and (if you give them) phone number "
            "and note, from the sign-up form of an activity. The organiser sees all but your "
            "e-mail address."
        ),
        purpose=_(
            "To keep your place, to send you the confirmation, a reminder and news about the "
            "activity, and to let the organiser prepare it."
        ),
        legal_basis=LegalBasis.CONSENT,
        retention_days=30,
        retention_start=_(
            "%(period)s after the last day of the edition (you can delete your sign-up yourself "
            "at any time with your private link)"
        ),
        action=Action.ANONYMISE,
        expired=signups_of_editions_ended_before,
        find=lambda email: SignUp.objects.filter(email__iexact=email),
        erase=empty_signups,
        admin_object=lambda signup: signup.activity,
    ),
    PersonalData(
        key="unconfirmed_signups",
        model=SignUp,
        fields=FIELDS,
        label=_("Sign-ups that were never confirmed"),
        holds=_("The same, for a sign-up whose e-mail address was not confirmed."),
        purpose=_("To let you confirm your e-mail address with the link we sent you."),
        legal_basis=LegalBasis.CONSENT,
        retention_days=14,
        retention_start=_("%(period)s after signing up"),
        action=Action.DELETE,
        expired=lambda cutoff: SignUp.objects.filter(
            status=SignUp.Status.UNCONFIRMED, created_at__lt=cutoff
        ),
    ),
)
