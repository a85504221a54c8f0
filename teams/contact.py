"""The contact form of a team page (at <team>/contact/, routed by TeamPage)."""

from submissions.views import PublicSubmissionView

from .forms import TeamContactForm, send_team_message

MESSAGE_SENT_PARAMETER = "verzonden"


class TeamContactView(PublicSubmissionView):
    """Honeypot, time trap, one-time token, rate limit and consent like every public form; each
    accepted message is mailed to the team once, by a background job."""

    form_class = TeamContactForm
    template_name = "teams/team_contact.html"
    team = None

    def get_success_url(self):
        return f"{self.team.url}?{MESSAGE_SENT_PARAMETER}=1#contact"

    def get_context_data(self, **kwargs):
        return {**self.team.get_context(self.request), **super().get_context_data(**kwargs)}

    def save_submission(self, form):
        return form.cleaned_data

    def notify(self, data):
        send_team_message(self.team, data, self.request)
