"""English translations of the demo content, made through wagtail-localize.

The translations are real wagtail-localize translations (TranslationSource, Translation,
StringTranslation), so translators find them in the translation editor and can sync them. The
loader is the trusted administrator: it publishes them directly.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.operations import TranslationCreator

TARGET_LANGUAGE = "en"


class MissingDemoTranslation(Exception):
    pass


def load(objects, english):
    """Translate the objects not translated yet, with `english` (Dutch text: English text)."""
    locale = Locale.objects.get(language_code=TARGET_LANGUAGE)
    # Snippets before the pages that use them; pages come parents first.
    objects = sorted(objects, key=lambda obj: isinstance(obj, Page))
    pending = [obj for obj in objects if not obj.has_translation(locale)]
    if pending:
        translate(pending, locale, english)


@transaction.atomic
def translate(objects, locale, english):
    creator = TranslationCreator(user=None, target_locales=[locale])
    for obj in objects:
        creator.create_translations(obj, include_related_objects=False)
    for obj in objects:
        fill_strings(TranslationSource.objects.get_for_instance(obj), locale, english)
    # Published only now that every translation exists, so links between them are translated.
    for obj in objects:
        publish_translation(obj, locale)


def publish_translation(obj, locale):
    """Save the translation and publish it at once (not on commit, as wagtail-localize would)."""
    source = TranslationSource.objects.get_for_instance(obj)
    translation = Translation.objects.get(source=source, target_locale=locale)
    is_page = isinstance(obj, Page)
    translation.save_target(publish=not is_page)
    if is_page:
        obj.get_translation(locale).get_latest_revision().publish()


def fill_strings(source, locale, english):
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if text not in english:
            raise MissingDemoTranslation(f"No English demo text for {text!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": english[text]},
        )
