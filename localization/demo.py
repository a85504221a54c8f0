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

from editions.models import EditionIndexPage, EditionPage
from ideas.models import IdeaIndexPage, IdeaPage, Organiser, Theme

from .demo_texts import ENGLISH as EDITIONS_ENGLISH
from .demo_texts_ideas import IDEA_SLUGS, IDEAS_ENGLISH

ENGLISH = EDITIONS_ENGLISH | IDEAS_ENGLISH

TARGET_LANGUAGE = "en"
TRANSLATED_EDITION_YEAR = 2026


class MissingDemoTranslation(Exception):
    pass


def objects_to_translate(home):
    """Parents before children; snippets before the pages that use them."""
    index = EditionIndexPage.objects.child_of(home).first()
    edition = EditionPage.objects.child_of(index).filter(year=TRANSLATED_EDITION_YEAR).first()
    partners = [link.partner for link in edition.partner_links.select_related("partner")]
    return [*partners, home, index, edition, *idea_objects(home)]


def idea_objects(home):
    index = IdeaIndexPage.objects.child_of(home).first()
    if index is None:
        return []
    ideas = IdeaPage.objects.child_of(index).filter(slug__in=IDEA_SLUGS).order_by("path")
    facets = [
        *Theme.objects.filter(locale=home.locale),
        *Organiser.objects.filter(locale=home.locale),
    ]
    return [*facets, index, *ideas]


def load(home):
    english = Locale.objects.get(language_code=TARGET_LANGUAGE)
    pending = [obj for obj in objects_to_translate(home) if not obj.has_translation(english)]
    if pending:
        translate(pending, english)


@transaction.atomic
def translate(objects, locale):
    creator = TranslationCreator(user=None, target_locales=[locale])
    for obj in objects:
        creator.create_translations(obj, include_related_objects=False)
    for obj in objects:
        fill_strings(TranslationSource.objects.get_for_instance(obj), locale)
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


def fill_strings(source, locale):
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if text not in ENGLISH:
            raise MissingDemoTranslation(f"No English demo text for {text!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": ENGLISH[text]},
        )
