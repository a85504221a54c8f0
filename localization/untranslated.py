"""Which texts of a translation still need translating, where they are, and what they said before.

When the Dutch page changes, a changed sentence becomes a new text without a translation. The
translation editor would show it blank; this module finds, for each such text, the translation of
the text it replaced in the same field (the translation memory keeps it), so the translator sees
the new Dutch next to the old Dutch and the old English.

The location (tab, field, block) comes from wagtail-localize's own helper that places texts in its
translation editor (`get_segment_location_info`, an undocumented function: see
tests/test_upstream_canaries.py). Texts the editor does not show (no edit panel) are left out,
as the translator could not fill them in.
"""

from dataclasses import dataclass, field

from django.db.models import Q
from wagtail_localize.models import StringSegment, StringTranslation
from wagtail_localize.views.edit_translation import (
    FieldHasNoEditPanelError,
    TabHelper,
    get_segment_location_info,
)


@dataclass
class Previous:
    source_text: str
    translation: str


@dataclass
class Text:
    text: str
    tab: str
    field: str
    sub_field: str | None
    translation: str | None = None
    previous: list = field(default_factory=list)

    @property
    def where(self):
        parts = [self.tab, self.field] + ([self.sub_field] if self.sub_field else [])
        return " › ".join(str(part) for part in parts)


def untranslated_strings(translation):
    """The texts of `translation` without a translation, in the translation editor's order."""
    return located_strings(translation, untranslated_only=True)


def located_strings(translation, untranslated_only=False):
    """The texts of `translation`'s source with where they are and their translation (None
    when there is none yet), in the translation editor's order."""
    source = translation.source
    locale = translation.target_locale
    segments = (
        StringSegment.objects.filter(source=source)
        .annotate_translation(locale)
        .select_related("string", "context")
        .order_by("order")
    )
    if untranslated_only:
        segments = segments.filter(translation__isnull=True)
    segments = list(segments)
    if not segments:
        return []
    source_instance = source.get_source_instance()
    tab_helper = TabHelper(source_instance)
    tab_labels = {tab["slug"]: tab["label"] for tab in tab_helper.tabs_with_slugs}
    missing = [segment.context_id for segment in segments if segment.translation is None]
    previous = previous_translations(source, locale, missing) if missing else {}
    found = []
    for segment in segments:
        try:
            location = get_segment_location_info(
                source_instance,
                tab_helper,
                segment.context.path,
                segment.context.get_field_path(source_instance),
            )
        except FieldHasNoEditPanelError:
            continue
        found.append(
            Text(
                text=segment.string.data,
                # Labels as text in the language of the request (they are lazy).
                tab=str(tab_labels.get(location["tab"], location["tab"])),
                field=str(location["field"]),
                sub_field=str(location["subField"]) if location["subField"] else None,
                translation=segment.translation,
                previous=[] if segment.translation else previous.get(segment.context_id, []),
            )
        )
    return found


def previous_translations(source, locale, context_ids):
    """{context id: [Previous]}: translations in these fields of texts the source no longer has
    there (the sentences that were replaced), newest first."""
    current = StringSegment.objects.filter(source=source, context_id__in=context_ids)
    still_there = Q()
    for context_id, string_id in current.values_list("context_id", "string_id"):
        still_there |= Q(context_id=context_id, translation_of_id=string_id)
    replaced = (
        StringTranslation.objects.filter(context_id__in=context_ids, locale=locale, has_error=False)
        .exclude(still_there)
        .select_related("translation_of")
        .order_by("-updated_at")
    )
    result = {}
    for item in replaced:
        result.setdefault(item.context_id, []).append(
            Previous(source_text=item.translation_of.data, translation=item.data)
        )
    return result
