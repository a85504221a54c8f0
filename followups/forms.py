from django import forms
from django.utils.translation import gettext_lazy as _

from submissions.protection import NOT_AN_IMAGE, ProtectedForm, reencoded_image

from .models import FollowUp

MOST_PEOPLE = 100_000


class AnswerForm(ProtectedForm, forms.ModelForm):
    """The organiser's three answers, and whether the sentence and photo may become a story."""

    class Meta:
        model = FollowUp
        fields = ["people", "sentence", "photo", "story_consent"]
        labels = {
            "people": _("How many people came?"),
            "sentence": _("What happened, in one sentence?"),
            "photo": _("A photo (optional)"),
            "story_consent": _(
                "The sentence and photo may be shown on the story wall, after a moderator has "
                "read them."
            ),
        }
        widgets = {"sentence": forms.Textarea(attrs={"rows": 3, "maxlength": 300})}
        error_messages = {
            "people": {"required": _("Fill in how many people came (a guess is fine).")},
            "photo": {"invalid_image": NOT_AN_IMAGE},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].required = True
        self.fields["people"].min_value = 0
        self.fields["people"].widget.attrs.update(min=0, max=MOST_PEOPLE)

    def clean_people(self):
        people = self.cleaned_data["people"]
        if people > MOST_PEOPLE:
            raise forms.ValidationError(_("That is more people than we can count here."))
        return people

    def clean_sentence(self):
        return " ".join(self.cleaned_data["sentence"].split())

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return reencoded_image(photo) if photo else photo
