"""Links to the form "Meld je activiteit aan", shown only while an edition accepts registrations
(editions.EditionPage.accepts_registrations)."""

from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from editions.models import EditionPage


def form_url(language_code, **parameters):
    with translation.override(language_code):
        return f"{reverse('activities:register')}?{urlencode(parameters)}"


def registration_url(edition):
    """The form for this edition; None while it does not accept registrations."""
    if not edition.accepts_registrations():
        return None
    return form_url(edition.locale.language_code, edition=edition.pk)


def do_this_idea_url(idea):
    """The form of the idea's language, filled in from the idea; None while no edition of that
    language accepts registrations."""
    if EditionPage.open_for_registrations(idea.locale_id) is None:
        return None
    return form_url(idea.locale.language_code, idea=idea.pk)
