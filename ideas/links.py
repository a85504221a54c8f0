"""Where the "do this idea" button leads. One place, so it can later point to the activity form."""

from editions.models import EditionPage

CONTACT_ANCHOR = "#contact-title"


def do_this_idea_url(idea, request=None):
    """The contact details of the current edition for now.

    Once the activity form exists, this returns its URL with ?idea=<id>.
    """
    edition = EditionPage.current_for_locale(idea.locale_id)
    if edition is None:
        return None
    return edition.get_url(request) + CONTACT_ANCHOR
