from django.urls import path
from django.utils.translation import gettext_lazy as _

from submissions.views import SubmissionThanksView

from .submission import ActivitySubmissionView

app_name = "activities"

urlpatterns = [
    path(_("register-activity/"), ActivitySubmissionView.as_view(), name="register"),
    path(
        _("register-activity/thanks/"),
        SubmissionThanksView.as_view(
            heading=_("Thank you for your activity"),
            message=_(
                "We have received your activity. A moderator checks it soon; once it is approved "
                "it appears in the programme. We have sent a confirmation to your email address."
            ),
        ),
        name="register_thanks",
    ),
]
