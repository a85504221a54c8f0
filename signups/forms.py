from django import forms
from django.utils.translation import gettext_lazy as _

from submissions.page_forms import PlainTextAsRichText
from submissions.protection import ProtectedForm

from .models import MAX_PEOPLE, SignUp

PEOPLE_CHOICES = [(number, str(number)) for number in range(1, MAX_PEOPLE + 1)]


def not_enough_places(left):
    if left == 0:
        return _(
            "This activity is full. Tick “Put me on the waiting list” to be told when a place "
            "comes free."
        )
    return _(
        "There are only %(left)s places left. Choose fewer people, or tick “Put me on the "
        "waiting list”."
    ) % {"left": left}


class SignUpForm(ProtectedForm, forms.ModelForm):
    """The public sign-up form of one activity. Whether the people fit is checked here for a
    clear message; the places are taken only when the address is confirmed (allocation.py)."""

    people = forms.TypedChoiceField(
        label=_("Number of people"),
        choices=PEOPLE_CHOICES,
        coerce=int,
        initial=1,
        help_text=_("You and the people you bring."),
    )
    waiting_list = forms.BooleanField(
        label=_("Put me on the waiting list if there are not enough places"),
        required=False,
    )

    class Meta:
        model = SignUp
        fields = ["name", "email", "people", "phone", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}
        error_messages = {
            "name": {"required": _("Fill in your name.")},
            "email": {
                "required": _("Fill in your e-mail address: we send you a link to confirm."),
                "invalid": _("This is not a valid email address."),
            },
        }
        help_texts = {
            "email": _("We send a link to confirm it; only then does your place count."),
            "phone": _("Optional. Only for the organiser, if something changes at short notice."),
            "note": _(
                "Optional. For example what you need to take part (accessibility, diet). "
                "Only the organiser reads it."
            ),
        }

    def __init__(self, *args, activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.fields["consent"].label = _(
            "I agree that my sign-up is stored and shown to the organiser of this activity."
        )
        if activity.remaining_places() is None:
            del self.fields["waiting_list"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned_data = super().clean()
        people = cleaned_data.get("people")
        left = self.activity.remaining_places()
        if people and left is not None and people > left and not cleaned_data.get("waiting_list"):
            self.add_error("people", not_enough_places(left))
        return cleaned_data


class PeopleForm(forms.Form):
    people = forms.TypedChoiceField(label=_("Number of people"), choices=PEOPLE_CHOICES, coerce=int)


class CancelActivityForm(forms.Form):
    message = forms.CharField(
        label=_("Message to everyone who signed up (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, cancel this activity. This cannot be undone here."),
        error_messages={"required": _("Tick the box to cancel the activity.")},
    )


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=100)
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 2000}),
    )

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())


class ProposalForm(forms.Form):
    """The organiser's proposal for the activity's texts; it goes through the review workflow."""

    title = forms.CharField(label=_("Name of the activity"), max_length=255)
    introduction = forms.CharField(
        label=_("Introduction"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
    )
    description = PlainTextAsRichText(label=_("Description"), max_length=3000, required=False)

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())
