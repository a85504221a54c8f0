from django.utils.translation import gettext_lazy as _

from submissions.views import submission_urls

from .submission import TeamSubmissionView

app_name = "teams"

urlpatterns = submission_urls(
    _("start-a-team/"),
    TeamSubmissionView,
    name="start",
    thanks_heading=_("Thank you for starting a team"),
    thanks_message=_(
        "We have received your team. A moderator checks it soon; once it is approved the "
        "team page is online. We have sent a confirmation to your email address."
    ),
)
