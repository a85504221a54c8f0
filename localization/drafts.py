"""Draft translations of live pages and snippets become revisions, never the text visitors see.

wagtail-localize's `create_or_update_translation(publish=False)` writes the translated text into
the object's row and only then saves a revision (and a snippet is even taken offline: its `live` is
set to False). For a live translation that row is what the site serves, so unreviewed text would
reach visitors (through "Translate this page" with subtrees, a new submission for translation, or
any code that calls `save_target(publish=False)`). This guard routes such drafts into a revision of
the translation instead; the text goes live only when the revision is published (by a moderator or
by approval in the workflow).

A live alias page (made by locale synchronisation) is first converted into an ordinary page that
keeps the content it served, so it goes on serving the approved source text until then.

wagtail-localize has no hook for this, so the method is wrapped; tests/test_upstream_canaries.py
fails when its signature changes.
"""

from functools import wraps

from django.core.exceptions import ObjectDoesNotExist
from django.utils.text import slugify
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail_localize.models import TranslationLog, TranslationSource


def live_translation(source, locale):
    """The live page or snippet that translates `source` into `locale`, or None."""
    if not issubclass(source.specific_content_type.model_class(), DraftStateMixin):
        return None
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    return target if target.live else None


def keep_serving_alias_content(target, user=None):
    """Turn a live alias into an ordinary page whose row keeps what the alias served."""
    if isinstance(target, Page) and target.alias_of_id:
        ConvertAliasPageAction(target, user=user).execute(skip_permission_checks=True)


def save_translation_draft(source, locale, user=None, fallback=True):
    """Save the current translation of `source` as a new draft revision of its target."""
    draft = source.get_ephemeral_translated_instance(locale, fallback=fallback)
    if isinstance(draft, Page):
        draft.slug = find_available_slug(
            draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.id
        )
    revision = draft.save_revision(user=user)
    TranslationLog.objects.create(source=source, locale=locale, revision=revision)
    return draft, revision


def keep_live_translations_unchanged_by_drafts():
    original = TranslationSource.create_or_update_translation
    if getattr(original, "keeps_live_translations", False):
        return

    @wraps(original)
    def create_or_update_translation(self, locale, user=None, publish=True, **options):
        target = None if publish else live_translation(self, locale)
        if target is None:
            return original(self, locale, user=user, publish=publish, **options)
        keep_serving_alias_content(target, user=user)
        draft, _revision = save_translation_draft(
            self, locale, user=user, fallback=options.get("fallback", False)
        )
        return draft, False

    create_or_update_translation.keeps_live_translations = True
    TranslationSource.create_or_update_translation = create_or_update_translation
