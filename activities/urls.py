from django.utils.translation import gettext_lazy as _

from submissions.views import submission_urls

from .submission import ActivitySubmissionView

app_name = "activities"

urlpatterns = submission_urls(
    _("register-activity/"),
    ActivitySubmissionView,
    name="register",
    thanks_heading=_("Thank you for your activity"),
    thanks_message=_(
        "We have received your activity. A moderator checks it soon; once it is approved "
        "it appears in the programme. We have sent a confirmation to your email address."
    ),
)
