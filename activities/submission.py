"""The public form "Meld je activiteit aan": an activity waits as a draft for a moderator."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.forms import positive_number
from core.visibility import public_pages
from editions.models import EditionPage
from ideas.models import IdeaPage
from submissions.page_forms import PageSubmissionForm, PlainTextAsRichText
from submissions.views import PageSubmissionView

from .models import ActivityPage

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def public_of_active_locale(model, pk):
    pk = positive_number(pk)
    if pk is None:
        return None
    return public_pages(model.objects.filter(pk=pk, locale=Locale.get_active())).first()


class ActivitySubmissionForm(PageSubmissionForm):
    description = PlainTextAsRichText(
        label=_("Description"),
        max_length=3000,
        help_text=_("What happens, for whom, and what visitors may bring."),
        error_messages={"required": _("Describe the activity.")},
    )

    class Meta:
        model = ActivityPage
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "related_event",
            "is_online",
            "location_name",
            "street_address",
            "postcode",
            "city",
            "province",
            "kind",
            "target_group",
            "registration_required",
            "signup_on_site",
            "registration_url",
            "capacity",
            "cost",
            "price",
            *ActivityPage.ACCESSIBILITY_FLAGS,
            "accessibility_notes",
            "met_at_door",
            "languages",
        ]
        labels = {"title": _("Name of the activity")}
        widgets = {"starts_at": DATETIME_WIDGET, "ends_at": DATETIME_WIDGET}
        error_messages = {
            "starts_at": {
                "required": _("Fill in when the activity starts."),
                "invalid": _("Enter a date and time, like 2026-12-08 14:00."),
            },
            "ends_at": {
                "required": _("Fill in when the activity ends."),
                "invalid": _("Enter a date and time, like 2026-12-08 16:00."),
            },
            "registration_url": {"invalid": _("Enter a web address, like https://example.org.")},
        }

    fallback_slug = "activiteit"
    visitor_help_texts = {
        "title": _("Short and inviting, e.g. “Soup and stories in the street”."),
        "related_event": _(
            "Tick this if your activity belongs to the Week van de Verbinding but takes place "
            "outside the week itself."
        ),
    }

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, parent=parent, **kwargs)
        self.instance.edition_for_validation = parent


class ActivitySubmissionView(PageSubmissionView):
    form_class = ActivitySubmissionForm
    success_url_name = "activities:register_thanks"
    heading = _("Register your activity")
    lead = _(
        "Organising something small that connects people during the Week van de Verbinding? "
        "Tell us about it. A moderator checks every activity before it appears in the programme."
    )
    submit_label = _("Send my activity")

    def get_parent(self):
        """The edition that accepts registrations; one named in the address (?edition=, from
        its page) only while it does: otherwise the form is closed."""
        if "edition" not in self.request.GET:
            return EditionPage.open_for_registrations()
        edition = public_of_active_locale(EditionPage, self.request.GET["edition"])
        return edition if edition and edition.accepts_registrations() else None

    def get_initial(self):
        initial = super().get_initial()
        idea = self.idea_from_link()
        if idea is not None:
            initial.update(
                title=idea.title, description=idea.introduction, target_group=idea.target_group
            )
        return initial

    def idea_from_link(self):
        return public_of_active_locale(IdeaPage, self.request.GET.get("idea", ""))
