"""One PO file for a whole section: a source page and its translated descendants in one locale.

wagtail-localize exports and imports PO files per translation. A section file is those files
joined: every entry's msgctxt is prefixed with the uuid of its translation, so an import can hand
each entry back to `Translation.import_po` of the page it came from. Importing only changes the
translated strings (StringTranslation); pages change when a translator submits them for review
and a moderator approves.

The admin view (localization.section_po_views) and the commands export_section_po and
import_section_po use this module.
"""

import contextlib
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

import polib
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringNotUsedInContext,
    StringTranslation,
    Translation,
    TranslationSource,
    UnknownContext,
    UnknownString,
)

SECTION_HEADER = "X-WVDV-Section"
SOURCE_LANGUAGE_HEADER = "X-WVDV-Source-Language"
TRANSLATIONS_HEADER = "X-WVDV-Translations"
CONTEXT_SEPARATOR = ":"
TOOL_NAME = "PO File"
MAX_FILE_SIZE = 10 * 1024 * 1024


class SectionPOError(Exception):
    """A file that cannot be imported into this section; nothing was changed."""


@dataclass
class SectionPage:
    source_page: Page
    translation: Translation
    target_page: Page


@dataclass
class Section:
    root: Page
    locale: Locale
    pages: list = field(default_factory=list)
    missing: list = field(default_factory=list)

    def by_uuid(self):
        return {str(part.translation.uuid): part for part in self.pages}


@dataclass
class PageResult:
    section_page: SectionPage
    updated: int


@dataclass
class IgnoredEntry:
    msgctxt: str
    msgid: str
    reason: str


@dataclass
class ImportReport:
    pages: list
    ignored: list

    @property
    def updated(self):
        return sum(result.updated for result in self.pages)


def source_page_of(page):
    """The source-language page a translated page was made from (the page itself otherwise)."""
    sources = TranslationSource.objects.filter(object_id=page.translation_key)
    locale_ids = list(sources.values_list("locale_id", flat=True))
    if not locale_ids or page.locale_id in locale_ids:
        return page
    return Page.objects.get(translation_key=page.translation_key, locale_id=locale_ids[0])


def build_section(root, locale):
    """The pages of `root`'s subtree with an enabled translation into `locale`, in tree order."""
    subtree = root.get_descendants(inclusive=True).order_by("path")
    keys = subtree.values("translation_key")
    translations = {
        translation.source.object_id: translation
        for translation in Translation.objects.filter(
            source__object_id__in=keys,
            source__locale_id=root.locale_id,
            target_locale=locale,
            enabled=True,
        ).select_related("source", "target_locale")
    }
    targets = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale)
    }
    result = Section(root=root, locale=locale)
    for page in subtree:
        key = page.translation_key
        if key in translations and key in targets:
            result.pages.append(SectionPage(page, translations[key], targets[key]))
        else:
            result.missing.append(page)
    return result


def user_may_translate(user, section):
    """Whether `user` may change every translated page of the section."""
    return bool(section.pages) and all(
        part.target_page.permissions_for_user(user).can_edit() for part in section.pages
    )


def translatable_sections(user, root):
    """The sections of `root`, one per target locale, that `user` may export and import."""
    locales = Locale.objects.exclude(id=root.locale_id).order_by("language_code")
    sections = (build_section(root, locale) for locale in locales)
    return [section for section in sections if user_may_translate(user, section)]


def may_translate_page(user, page):
    """A cheap check for showing the section action on a page: the page's own translation only."""
    root = source_page_of(page)
    locale_ids = Translation.objects.filter(
        source__object_id=root.translation_key, source__locale_id=root.locale_id, enabled=True
    ).values("target_locale_id")
    translated = Page.objects.filter(translation_key=root.translation_key, locale_id__in=locale_ids)
    return any(target.permissions_for_user(user).can_edit() for target in translated)


def file_name(section):
    return f"{section.root.slug}-{section.locale.language_code}.po"


def export_po(section):
    po = polib.POFile(wrapwidth=200)
    po.header = header_text(section)
    po.metadata = {
        "Project-Id-Version": "Week van de Verbinding",
        "POT-Creation-Date": str(timezone.now()),
        "Language": section.locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        SECTION_HEADER: str(section.root.translation_key),
        SOURCE_LANGUAGE_HEADER: section.root.locale.language_code,
        TRANSLATIONS_HEADER: ", ".join(str(part.translation.uuid) for part in section.pages),
    }
    for part in section.pages:
        for entry in part.translation.export_po():
            po.append(section_entry(part, entry))
    return po


def header_text(section):
    lines = [
        f"Section: {section.root.title} (page {section.root.id}), "
        f"{section.root.locale.get_display_name()} -> {section.locale.get_display_name()}",
        "Translations in this file (msgctxt starts with the translation id):",
        *(f"  {part.translation.uuid}  {part.target_page.title}" for part in section.pages),
    ]
    if section.missing:
        lines.append("Not in this file, no translation yet:")
        lines.extend(f"  {page.title} (page {page.id})" for page in section.missing)
    return "\n".join(lines)


def section_entry(part, entry):
    return polib.POEntry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgctxt=f"{part.translation.uuid}{CONTEXT_SEPARATOR}{entry.msgctxt}",
        comment=f"{part.target_page.title} ({entry.msgctxt})",
        occurrences=[(part.target_page.url_path, "")],
        obsolete=entry.obsolete,
    )


def parse_po(data):
    """A POFile from uploaded bytes, or SectionPOError.

    polib reads a file when given a string that names one, so the bytes go through a temporary
    file of our own, never straight into polib.pofile.
    """
    if len(data) > MAX_FILE_SIZE:
        raise SectionPOError(_("The file is too large for a PO file of a section."))
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        handle.write(data)
    try:
        return polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        raise SectionPOError(_("This is not a valid PO file.")) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)


def section_of_file(po):
    """The section root and target locale a file names in its header, or SectionPOError."""
    key, language = po.metadata.get(SECTION_HEADER), po.metadata.get("Language")
    source_language = po.metadata.get(SOURCE_LANGUAGE_HEADER)
    root = Page.objects.filter(translation_key=key or None, locale__language_code=source_language)
    locale = Locale.objects.filter(language_code=language).first()
    if not key or root.first() is None:
        raise SectionPOError(_("This PO file was not exported for a section of this site."))
    if locale is None:
        raise SectionPOError(_("This site has no language '%(code)s'.") % {"code": language})
    return root.first(), locale


def check_file_belongs(po, section):
    root, locale = section_of_file(po)
    if root.id != section.root.id:
        raise SectionPOError(
            _("This PO file belongs to another section: '%(title)s'.") % {"title": root.title}
        )
    if locale.id != section.locale.id:
        raise SectionPOError(
            _("This PO file is for %(file)s, not for %(chosen)s.")
            % {"file": locale.get_display_name(), "chosen": section.locale.get_display_name()}
        )


@transaction.atomic
def import_po(po, section, user):
    """Hand each entry to its translation's import_po; nothing is saved to the pages."""
    check_file_belongs(po, section)
    groups, ignored = route_entries(po, section)
    results = []
    for part in section.pages:
        originals = groups.get(str(part.translation.uuid), [])
        updated, warnings = import_translation(part.translation, originals, user)
        ignored.extend(ignored_entry(originals[w.index], w) for w in warnings)
        results.append(PageResult(part, updated))
    return ImportReport(pages=results, ignored=ignored)


def route_entries(po, section):
    """Entries grouped by translation uuid, and the entries that belong to no translation here."""
    known = section.by_uuid()
    groups, ignored = defaultdict(list), []
    for entry in po:
        uuid, _separator, _context = (entry.msgctxt or "").partition(CONTEXT_SEPARATOR)
        if uuid not in known:
            ignored.append(IgnoredEntry(entry.msgctxt or "", entry.msgid, _("not in this section")))
        elif "fuzzy" in entry.flags:
            ignored.append(IgnoredEntry(entry.msgctxt, entry.msgid, _("marked as fuzzy")))
        else:
            groups[uuid].append(entry)
    return groups, ignored


def import_translation(translation, entries, user):
    """Import entries (section msgctxt) into one translation: (strings changed, warnings)."""
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    for entry in entries:
        po.append(page_entry(entry))
    before = translated_strings(translation)
    warnings = translation.import_po(po, user=user, translation_type="manual", tool_name=TOOL_NAME)
    after = translated_strings(translation)
    changed = sum(1 for pk, data in after.items() if before.get(pk) != data)
    return changed, warnings


def page_entry(entry):
    return polib.POEntry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgctxt=entry.msgctxt.partition(CONTEXT_SEPARATOR)[2],
        obsolete=entry.obsolete,
    )


def translated_strings(translation):
    return dict(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("id", "data")
    )


IGNORE_REASONS = {
    UnknownString: _("the source text is unknown"),
    UnknownContext: _("the place in the page is unknown"),
    StringNotUsedInContext: _("the source text is not used there"),
}


def ignored_entry(entry, warning):
    reason = IGNORE_REASONS.get(type(warning), _("not imported"))
    return IgnoredEntry(entry.msgctxt, entry.msgid, reason)
