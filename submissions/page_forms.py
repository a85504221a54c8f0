"""Public forms that create a page for review: the page waits as a draft in the review workflow.

A subclass is a ModelForm on the page model whose Meta.fields lists exactly what a visitor may
set. Everything else (live, owner, locale, parent, team...) is decided on the server.
"""

from django import forms
from django.utils import translation
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log

from core.forms import SupportedDatesFormMixin

from .models import SubmitterContact
from .protection import ProtectedForm

SLUG_LENGTH = 80


class PlainTextAsRichText(forms.CharField):
    """Plain text from a visitor, stored as escaped paragraphs in a RichTextField."""

    widget = forms.Textarea

    def clean(self, value):
        text = super().clean(value)
        return linebreaks(text, autoescape=True) if text else ""


class PageSubmissionForm(SupportedDatesFormMixin, ProtectedForm, forms.ModelForm):
    """The page fields of Meta.fields plus the sender's private contact details."""

    submitter_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        error_messages={"required": _("Fill in your name.")},
        help_text=_("Not shown on the site."),
    )
    submitter_email = forms.EmailField(
        label=_("Your email address"),
        error_messages={
            "required": _("Fill in your email address."),
            "invalid": _("This is not a valid email address."),
        },
        help_text=_("Not shown on the site. We send a confirmation and the moderators' decision."),
    )
    submitter_phone = forms.CharField(
        label=_("Your phone number"),
        max_length=30,
        required=False,
        help_text=_("Optional. Not shown on the site; only for a question from a moderator."),
    )

    # Used when the title gives no usable slug (only punctuation, for example).
    fallback_slug = "inzending"
    # Help texts for visitors where the page model's own are written for editors in the admin
    # ("The page title as you'd like it to be seen by the public").
    visitor_help_texts = {"title": _("The name visitors see at the top of the page and in lists.")}

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent
        self.instance.locale_id = parent.locale_id
        self.fields["title"].error_messages["required"] = _("Fill in a title.")
        for name, help_text in self.visitor_help_texts.items():
            self.fields[name].help_text = help_text

    def clean_title(self):
        """A title is one line: line breaks in it would break the subject of the emails."""
        return " ".join(self.cleaned_data["title"].split())

    def save_for_review(self):
        """Add the page as a draft under the parent, keep the contact and start the review.

        Returns the SubmitterContact (the confirmation email goes to it).
        """
        page = self.instance
        page.live = False
        base_slug = slugify(page.title, allow_unicode=True)[:SLUG_LENGTH] or self.fallback_slug
        page.slug = find_available_slug(self.parent, base_slug)
        self.parent.add_child(instance=page)
        revision = page.save_revision(log_action=False)
        log(instance=page, action="wagtail.create", revision=revision, content_changed=True)
        contact = SubmitterContact.objects.create(
            page=page,
            name=self.cleaned_data["submitter_name"],
            email=self.cleaned_data["submitter_email"],
            phone=self.cleaned_data["submitter_phone"],
            language=translation.get_language(),
        )
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user=None)
        return contact
