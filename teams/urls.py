from django.urls import path
from django.utils.translation import gettext_lazy as _

from submissions.views import SubmissionThanksView

from .submission import TeamSubmissionView

app_name = "teams"

urlpatterns = [
    path(_("start-a-team/"), TeamSubmissionView.as_view(), name="start"),
    path(
        _("start-a-team/thanks/"),
        SubmissionThanksView.as_view(
            heading=_("Thank you for starting a team"),
            message=_(
                "We have received your team. A moderator checks it soon; once it is approved the "
                "team page is online. We have sent a confirmation to your email address."
            ),
        ),
        name="start_thanks",
    ),
]
