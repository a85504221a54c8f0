"""Which activities take sign-ups: public (core/visibility.py), in the visitor's language,
with sign-up through this site chosen, not closed or cancelled, and not started yet."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from activities.models import ActivityPage
from core.forms import positive_number
from core.visibility import public_pages

CANCELLED = _("This activity has been cancelled.")
CLOSED = _("Sign-ups for this activity are closed.")
STARTED = _("This activity has already started or is over: signing up is no longer possible.")


def public_activity(pk):
    """The public activity with this id in the active language, else 404 (a draft, a private
    or unknown page, another page type, an activity in another language)."""
    if positive_number(str(pk)) is None:  # no integer column holds it
        raise Http404
    activity = (
        public_pages(ActivityPage.objects.filter(pk=pk, locale=Locale.get_active()))
        .select_related("locale")
        .first()
    )
    if activity is None or not activity.signup_on_site:
        raise Http404
    return activity


def refusal(activity, now=None):
    """Why nobody can sign up (or confirm) now, or None."""
    if activity.cancelled:
        return CANCELLED
    if not activity.takes_signups():
        return CLOSED
    if activity.starts_at <= (now or timezone.now()):
        return STARTED
    return None
