from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.forms import PageChoiceField
from core.visibility import public_pages
from editions.models import EditionPage
from submissions.protection import NOT_AN_IMAGE, ProtectedForm, reencoded_image

from .models import Story

STORY_MIN_LENGTH = 20


class StoryForm(ProtectedForm, forms.ModelForm):
    """The public "share your story" form. Only these fields can be set by a visitor."""

    edition = PageChoiceField(
        label=_("Edition"),
        queryset=EditionPage.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the editions in the list.")},
    )

    class Meta:
        model = Story
        fields = ["name", "email", "text", "photo", "photo_description", "edition"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8, "maxlength": 1500})}
        error_messages = {
            "name": {"required": _("Fill in your name or a nickname.")},
            "text": {"required": _("Write your story.")},
            "email": {"invalid": _("This is not a valid email address.")},
            "photo": {"invalid_image": NOT_AN_IMAGE},
        }
        help_texts = {
            "email": _(
                "Optional. We send a confirmation and let you know when your story is online."
            ),
            "photo": _("Optional. A JPEG, PNG, WebP or GIF photo of at most 5 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = public_pages(
            EditionPage.objects.filter(locale=Locale.get_active())
        ).order_by("-year")

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < STORY_MIN_LENGTH:
            raise forms.ValidationError(
                _("Your story is a bit short: write at least %(min)s characters.")
                % {"min": STORY_MIN_LENGTH}
            )
        return text

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return reencoded_image(photo) if photo else photo
