from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias as localize_convert_to_alias
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .drafts import save_translation_draft
from .permissions import (
    can_convert_to_alias,
    can_edit,
    can_publish_translation,
    translation_awaiting_review,
)
from .untranslated import untranslated_strings


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


class OnlyLanguagePreselected:
    """wagtail-localize's "Translate this page" with the language ticked when only one is left."""

    def get_form(self):
        form = super().get_form()
        if self.request.method != "POST" and not form.initial.get("locales"):
            languages = list(form.fields["locales"].queryset)
            if len(languages) == 1:
                form.initial["locales"] = languages
        return form


class TranslatePageView(OnlyLanguagePreselected, SubmitPageTranslationView):
    pass


class TranslateSnippetView(OnlyLanguagePreselected, SubmitSnippetTranslationView):
    pass


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", for those who may publish the page only
    (wagtail-localize itself asks for edit rights)."""
    page = get_object_or_404(Page, id=page_id)
    if not can_convert_to_alias(request.user, page):
        raise PermissionDenied
    return localize_convert_to_alias(request, page_id)


def submit_page_translation_for_review(request, page_id):
    page = get_object_or_404(Page, id=page_id).specific
    explore_parent = reverse("wagtailadmin_explore", args=[page.get_parent().id])
    return submit_translation_for_review(request, page, explore_parent)


def submit_snippet_translation_for_review(request, app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if model not in get_snippet_models():
        raise Http404
    snippet = get_object_or_404(model, pk=unquote(pk))
    listing = reverse(model.snippet_viewset.get_url_name("list"))
    return submit_translation_for_review(request, snippet, listing)


def submit_translation_for_review(request, instance, default_next_url):
    """Save the synced translation of a page or snippet as a revision and start its workflow.

    Untranslated strings keep the source text in that revision; the moderator sees them in the
    preview and the count on this page, and nothing is live until the workflow approves it.
    """
    translation = translation_awaiting_review(request.user, instance)
    if translation is None:
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or default_next_url
    title = admin_title(instance)
    if request.method == "POST":
        start_review(request.user, instance, translation)
        messages.success(request, _("'%(title)s' was submitted for review.") % {"title": title})
        return redirect(next_url)
    return TemplateResponse(
        request,
        "localization/submit_translation_for_review.html",
        {
            "title": title,
            "translation": translation,
            "workflow": instance.get_workflow(),
            "untranslated": untranslated_strings(translation),
            "source_language": translation.source.locale.get_display_name(),
            "next_url": next_url,
        },
    )


def submit_for_review_url(user, instance):
    """Where `user` submits this translated page or snippet for review, or "" if they may not."""
    if translation_awaiting_review(user, instance) is None:
        return ""
    if isinstance(instance, Page):
        return reverse("localization_submit_for_review", args=[instance.id])
    meta = instance._meta
    return reverse(
        "localization_submit_snippet_for_review",
        args=[meta.app_label, meta.model_name, quote(instance.pk)],
    )


def admin_title(instance):
    if isinstance(instance, Page):
        return instance.get_admin_display_title()
    return str(instance)


@transaction.atomic
def start_review(user, instance, translation):
    save_translation_draft(translation.source, translation.target_locale, user=user)
    instance.refresh_from_db()
    return instance.get_workflow().start(instance, user)


def translation_for_user(request, translation_id):
    """(the enabled translation, its page or snippet) if the user may edit that translation."""
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if isinstance(instance, Page):
        instance = instance.specific
    if not can_edit(request.user, instance):
        raise PermissionDenied
    return translation, instance
