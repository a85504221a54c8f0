from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.mail import send_email_later
from submissions.protection import ProtectedForm


class TeamContactForm(ProtectedForm):
    """A message to a team, with the protections of every public form. The team's address stays
    on the server."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your email address"))
    message = forms.CharField(label=_("Your message"), max_length=3000, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "I agree that my name, email address and message are sent to this team."
        )


def send_team_message(team, data, request):
    """Queue the message of a valid form for the team; replies go to the sender's address."""
    subject = gettext("Message for %(team)s via the Week van de Verbinding") % {"team": team.title}
    body = gettext(
        "%(name)s (%(email)s) sent this message through your team page %(url)s:\n\n%(message)s"
    ) % {
        "name": data["name"],
        "email": data["email"],
        "url": team.get_full_url(request),
        "message": data["message"],
    }
    send_email_later(subject, body, [team.contact_email], reply_to=[data["email"]])
