from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class TeamContactForm(forms.Form):
    """A message to a team. The team's address stays on the server."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(label=_("Your email address"))
    message = forms.CharField(label=_("Your message"), max_length=3000, widget=forms.Textarea)
    # A field people do not see; robots that fill in everything fill this in too.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))


def send_team_message(team, data, request):
    subject = gettext("Message for %(team)s via the Week van de Verbinding") % {"team": team.title}
    body = gettext(
        "%(name)s (%(email)s) sent this message through your team page %(url)s:\n\n%(message)s"
    ) % {
        "name": data["name"],
        "email": data["email"],
        "url": team.get_full_url(request),
        "message": data["message"],
    }
    EmailMessage(
        subject,
        body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[team.contact_email],
        reply_to=[data["email"]],
    ).send()
