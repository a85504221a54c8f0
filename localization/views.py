from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail_localize.models import StringSegment
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .drafts import save_translation_draft
from .permissions import can_publish_translation, translation_awaiting_review


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without "Publish immediately" for anyone who
    may not publish every translation: they sync, then submit the translation for review."""

    def may_publish(self):
        translations = self.object.translations.filter(enabled=True)
        return all(can_publish_translation(self.request.user, t) for t in translations)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            field = form.fields["publish_translations"]
            field.disabled = True
            field.widget = forms.HiddenInput()
        return form


def untranslated_count(translation):
    segments = StringSegment.objects.filter(source=translation.source)
    return segments.annotate_translation(translation.target_locale).filter(
        translation__isnull=True
    ).count()


def submit_translation_for_review(request, page_id):
    """Save the synced translation of a page as a revision and start the page's workflow.

    Untranslated strings keep the source text in that revision; the moderator sees them in the
    preview and the count on this page, and nothing is live until the workflow approves it.
    """
    page = get_object_or_404(Page, id=page_id).specific
    translation = translation_awaiting_review(request.user, page)
    if translation is None:
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[page.get_parent().id]
    )
    if request.method == "POST":
        start_review(request.user, page, translation)
        messages.success(
            request,
            _("'%(title)s' was submitted for review.") % {"title": page.get_admin_display_title()},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "localization/submit_translation_for_review.html",
        {
            "page": page,
            "translation": translation,
            "workflow": page.get_workflow(),
            "untranslated": untranslated_count(translation),
            "next_url": next_url,
        },
    )


@transaction.atomic
def start_review(user, page, translation):
    save_translation_draft(translation.source, translation.target_locale, user=user)
    page.refresh_from_db()
    return page.get_workflow().start(page, user)

