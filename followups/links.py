"""The organiser's private link to the follow-up form: signed, so it needs no account."""

from django.core import signing
from django.urls import reverse

SALT = "followups.answer"
LINK_DAYS = 30  # a link works this long after it was mailed


def token_for(follow_up):
    return signing.dumps(follow_up.pk, salt=SALT)


def follow_up_from(token):
    """The FollowUp pk in a valid, unexpired token, else None."""
    try:
        return signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 60 * 60)
    except signing.BadSignature:
        return None


def answer_url(follow_up, base_url):
    return base_url.rstrip("/") + reverse("followups:answer", args=[token_for(follow_up)])
