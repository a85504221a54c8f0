from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from submissions.views import SubmissionThanksView

from .views import AnswerView

app_name = "followups"
SEGMENT = _("how-did-it-go/")

urlpatterns = [
    path(
        format_lazy("{}{}", SEGMENT, _("thanks/")),
        SubmissionThanksView.as_view(
            heading=_("Thank you"),
            message=_(
                "Your answers are in. They count in the figures of the week; if you agreed, a "
                "moderator reads your sentence for the story wall."
            ),
        ),
        name="thanks",
    ),
    path(format_lazy("{}{}", SEGMENT, "<str:token>/"), AnswerView.as_view(), name="answer"),
]
