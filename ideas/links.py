"""Where the "do this idea" button leads: the activity form, with the idea filled in."""

from django.urls import reverse
from django.utils import translation

from activities.submission import open_edition


def do_this_idea_url(idea, request=None):
    """The activity form of the idea's language with ?idea=<id>; None while no edition is open."""
    if open_edition(idea.locale_id) is None:
        return None
    with translation.override(idea.locale.language_code):
        return f"{reverse('activities:register')}?idea={idea.pk}"
