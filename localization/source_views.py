"""The source-language original of a translation, read-only, for whoever may edit the translation.

Translators have no rights on the Dutch tree, so the translation editor's link to the Dutch page
led to "Sorry, you do not have access". This page lists the original's texts as they were
synchronised (what the translator translates), where each one is and its current translation;
for a page it also shows the original as visitors would see that version.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail.models import Page

from .editor_actions import edit_url
from .untranslated import located_strings
from .views import translation_for_user


@require_safe
def source_view(request, translation_id):
    translation, instance = translation_for_user(request, translation_id)
    is_page = isinstance(instance, Page)
    return TemplateResponse(
        request,
        "localization/source.html",
        {
            "translation": translation,
            "instance": instance,
            "source_language": translation.source.locale.get_display_name(),
            "language": translation.target_locale.get_display_name(),
            "texts": located_strings(translation),
            "preview_url": reverse("localization_source_preview", args=[translation.id])
            if is_page
            else "",
            "editor_url": edit_url(instance),
        },
    )


@never_cache
@require_safe
def source_preview(request, translation_id):
    """The original page, with the content the translation was synchronised from."""
    translation, instance = translation_for_user(request, translation_id)
    if not isinstance(instance, Page):
        return source_view(request, translation_id)
    original = translation.source.as_instance()
    return original.make_preview_request(request, original.default_preview_mode)
