"""Draft translations of a live page become revisions, never the text visitors see.

wagtail-localize's `create_or_update_translation(publish=False)` writes the translated text into
the page row and only then saves a revision. For a live translation that row is what Wagtail serves,
so unreviewed text would reach visitors (through "Translate this page" with subtrees, or any code
that calls `save_target(publish=False)`). This guard routes such drafts into a revision of the
translated page instead; the text goes live only when the revision is published (by a moderator or
by approval in the workflow).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import TranslationLog, TranslationSource


def live_translated_page(source, locale):
    """The live, non-alias page that translates `source` into `locale`, or None."""
    if not issubclass(source.specific_content_type.model_class(), Page):
        return None
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if target.live and not target.alias_of_id:
        return target
    return None


def save_translation_draft(source, locale, user=None, fallback=True):
    """Save the current translation of `source` as a new draft revision of its page."""
    draft = source.get_ephemeral_translated_instance(locale, fallback=fallback)
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.id
    )
    revision = draft.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return draft, revision


def keep_live_translations_unchanged_by_drafts():
    original = TranslationSource.create_or_update_translation
    if getattr(original, "keeps_live_pages", False):
        return

    def create_or_update_translation(self, locale, user=None, publish=True, **options):
        if not publish and live_translated_page(self, locale) is not None:
            draft, _revision = save_translation_draft(
                self, locale, user=user, fallback=options.get("fallback", False)
            )
            return draft, False
        return original(self, locale, user=user, publish=publish, **options)

    create_or_update_translation.keeps_live_pages = True
    TranslationSource.create_or_update_translation = create_or_update_translation
