"""The private links: signed (django.core.signing) with the key of the row they open, so a
changed or removed key revokes them. A link that was tampered with, has expired or whose row is
gone answers 404."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import Http404

from .models import OrganiserAccess, SignUp

CONFIRM_SALT = "signups.confirm"
MANAGE_SALT = "signups.manage"
ORGANISER_SALT = "signups.organiser"


def confirm_max_age():
    return timedelta(days=getattr(settings, "SIGNUPS_CONFIRM_DAYS", 7))


def _dump(salt, pk, key, timestamped=False):
    signer = (signing.TimestampSigner if timestamped else signing.Signer)(salt=salt)
    return signer.sign_object({"i": pk, "k": key}, compress=False)


def _load(salt, token, model, max_age=None):
    try:
        if max_age is None:
            data = signing.Signer(salt=salt).unsign_object(token)
        else:
            data = signing.TimestampSigner(salt=salt).unsign_object(token, max_age=max_age)
        pk, key = int(data["i"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404 from None
    if not key or not 0 < pk < 2**63:
        raise Http404
    row = model.objects.filter(pk=pk, key=key).select_related("activity").first()
    if row is None:
        raise Http404
    return row


def confirm_token(signup):
    return _dump(CONFIRM_SALT, signup.pk, signup.key, timestamped=True)


def signup_to_confirm(token):
    return _load(CONFIRM_SALT, token, SignUp, max_age=confirm_max_age())


def manage_token(signup):
    return _dump(MANAGE_SALT, signup.pk, signup.key)


def signup_to_manage(token):
    return _load(MANAGE_SALT, token, SignUp)


def organiser_token(access):
    return _dump(ORGANISER_SALT, access.pk, access.key)


def organiser_access(token):
    return _load(ORGANISER_SALT, token, OrganiserAccess)
