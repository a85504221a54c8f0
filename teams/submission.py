"""The public form "Start een InspiratieTeam": a team page waits as a draft for a moderator."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.visibility import public_pages
from submissions.page_forms import PageSubmissionForm, PlainTextAsRichText
from submissions.views import PageSubmissionView

from .models import TeamIndexPage, TeamPage


class TeamSubmissionForm(PageSubmissionForm):
    story = PlainTextAsRichText(
        label=_("Your story"),
        max_length=3000,
        help_text=_("Who the team is and why it takes part, in a few short paragraphs."),
        error_messages={"required": _("Tell us who the team is.")},
    )

    class Meta:
        model = TeamPage
        fields = ["title", "introduction", "kind", "place", "province", "story", "contact_name"]
        labels = {"title": _("Name of the team")}
        error_messages = {
            "place": {"required": _("Fill in the town or village the team works from.")},
            "province": {"required": _("Choose the province the team works in.")},
        }

    fallback_slug = "team"
    visitor_help_texts = {
        "title": _("The name of your team as visitors will see it, e.g. “Buurtteam De Brug”."),
        "introduction": _("One or two sentences about your team, shown at the top of its page."),
    }


class TeamSubmissionView(PageSubmissionView):
    form_class = TeamSubmissionForm
    success_url_name = "teams:start_thanks"
    heading = _("Start an InspiratieTeam")
    lead = _(
        "With colleagues, neighbours, your club or your school? Start an InspiratieTeam and "
        "organise activities together. A moderator checks the team page before it goes online."
    )
    submit_label = _("Start my team")

    def get_parent(self):
        return public_pages(TeamIndexPage.objects.filter(locale=Locale.get_active())).first()
