"""PO export and import for a whole section, through the admin view and the two commands.

The admin speaks Dutch (the site's language), so messages are checked in Dutch.

The section is the Dutch editions overview with its editions: three pages are translated into
English (overview, 2026, 2024), 2025 is not. The home page (outside the section) and a German
translation (another locale) must never end up in an English section file.
"""

import tempfile
from collections import Counter
from io import StringIO
from pathlib import Path

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation

from localization import section_po
from tests.factories import make_edition
from tests.test_i18n_workflow import ENGLISH_INTRO, TranslationFixture
from tests.translation_helpers import locale, translate_page, translation_of, user_in
from tests.two_factor import log_in

THREE_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]
NEW_INTRO = "Gather a team, from the section file."
NEW_2024_TITLE = "Week of Connection 2024"


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
class SectionPOFixture(TranslationFixture):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.edition_2024 = make_edition(cls.index, 2024, introduction="De eerste editie.")
        cls.edition_2024_en = translate_page(cls.edition_2024)
        for page in (cls.home, cls.index, cls.edition):
            translate_page(page, "de", translate=lambda text: f"[DE] {text}")
        # The roles give translators every non-Dutch tree; this team translates into English only.
        GroupPagePermission.objects.filter(
            group__name="Translators", page=cls.home.get_translation(locale("de"))
        ).delete()
        cls.dutch_editor = user_in("Dutch editors", ["add_page", "change_page"], [cls.home])
        cls.section_pages = [cls.index, cls.edition, cls.edition_2024]

    def section_url(self, page=None):
        return reverse("localization_section_po", args=[(page or self.index_en).id])

    def download(self, code="en"):
        log_in(self.client, self.translator)
        response = self.client.get(self.section_url(), {"locale": code})
        self.assertEqual(response["Content-Type"], "text/x-gettext-translation; charset=utf-8")
        return polib.pofile(response.content.decode())

    def upload(self, po, code="en", user=None):
        log_in(self.client, user or self.translator)
        data = po if isinstance(po, bytes) else str(po).encode()
        upload = SimpleUploadedFile("section.po", data, "text/x-gettext-translation")
        return self.post(self.section_url(), {"locale": code, "file": upload})

    def english_strings(self):
        rows = StringTranslation.objects.filter(locale=locale("en"))
        return {row.id: (row.data, row.updated_at) for row in rows}

    def entry(self, po, page, text):
        uuid = str(translation_of(page, "en").uuid)
        return next(e for e in po if e.msgid == text and e.msgctxt.startswith(uuid))


class SectionExportTest(SectionPOFixture):
    def test_file_holds_every_segment_of_the_section_once_and_nothing_else(self):
        po = self.download()
        expected = Counter()
        for page in self.section_pages:
            translation = translation_of(page, "en")
            for segment in StringSegment.objects.filter(source=translation.source):
                expected[(f"{translation.uuid}:{segment.context.path}", segment.string.data)] += 1
        exported = Counter((e.msgctxt, e.msgid) for e in po if not e.obsolete)
        self.assertEqual(exported, expected)
        self.assertEqual(set(expected.values()), {1})
        self.assertFalse([e for e in po if e.msgstr.startswith("[DE]")])
        self.assertEqual(po.metadata["Language"], "en")
        self.assertEqual(po.metadata[section_po.SECTION_HEADER], str(self.index.translation_key))

    def test_entries_carry_the_english_text_and_the_page_they_belong_to(self):
        po = self.download()
        entry = self.entry(po, self.edition, "Begin een InspiratieTeam.")
        self.assertEqual(entry.msgstr, ENGLISH_INTRO)
        self.assertIn(self.edition_en.title, entry.comment)
        self.assertEqual(entry.occurrences, [(self.edition_en.url_path, "")])
        self.assertIn(self.edition_2024_en.title, po.header)
        self.assertIn("Week van de Verbinding 2025", po.header)

    def test_admin_page_lists_the_section_and_the_pages_left_out(self):
        log_in(self.client, self.translator)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.index_en.id]))
        self.assertContains(edit, self.section_url())
        response = self.client.get(self.section_url())
        self.assertContains(response, "English: 3 pagina's in het bestand")
        self.assertContains(response, self.untranslated.title)
        self.assertContains(response, '<option value="en" selected>English</option>', html=True)
        self.assertNotContains(response, '<option value="de"')

    def test_the_dutch_page_leads_to_the_same_section(self):
        from_english = self.download()
        response = self.client.get(self.section_url(self.index), {"locale": "en"})
        from_dutch = polib.pofile(response.content.decode())
        self.assertEqual([e.msgctxt for e in from_dutch], [e.msgctxt for e in from_english])


class SectionImportTest(SectionPOFixture):
    def test_import_changes_strings_and_nothing_visitors_see_until_approved(self):
        po = self.download()
        self.entry(po, self.edition, "Begin een InspiratieTeam.").msgstr = NEW_INTRO
        self.entry(po, self.edition_2024, self.edition_2024.title).msgstr = NEW_2024_TITLE
        revisions = Revision.objects.count()

        response = self.upload(po)

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.report_counts(response),
            {
                self.index_en.title: 0,
                self.edition_en.title: 1,
                self.edition_2024_en.title: 1,
            },
        )
        review_url = reverse("localization_submit_for_review", args=[self.edition_en.id])
        self.assertContains(response, review_url)
        intro = self.entry(po, self.edition, "Begin een InspiratieTeam.")
        self.assertTrue(StringTranslation.objects.filter(data=NEW_INTRO).exists())
        self.assertEqual(
            StringTranslation.objects.get(data=NEW_INTRO).context.path,
            intro.msgctxt.partition(":")[2],
        )
        self.assertEqual(Revision.objects.count(), revisions)
        self.assertNotIn(NEW_INTRO, self.visitor_sees(self.edition_en)[1])

        self.submit_for_review(self.edition_en)
        self.assertNotIn(NEW_INTRO, self.visitor_sees(self.edition_en)[1])
        self.approve(self.edition_en)
        self.assertIn(NEW_INTRO, self.visitor_sees(self.edition_en)[1])

    def report_counts(self, response):
        rows = response.context["report"]
        return {row["page"].title: row["updated"] for row in rows}

    def test_round_trip_of_an_unchanged_file_changes_nothing(self):
        before = self.english_strings()
        response = self.upload(self.download())
        self.assertEqual(set(self.report_counts(response).values()), {0})
        self.assertEqual(self.english_strings(), before)

    def test_unknown_and_fuzzy_entries_are_reported_and_ignored(self):
        po = self.download()
        fuzzy = self.entry(po, self.edition, "Begin een InspiratieTeam.")
        fuzzy.msgstr, fuzzy.flags = "Fuzzy guess.", ["fuzzy"]
        po.append(polib.POEntry(msgctxt="elsewhere:title", msgid="Vreemd", msgstr="Strange"))
        response = self.upload(po)
        ignored = {(e.msgid, str(e.reason)) for e in response.context["ignored"]}
        self.assertEqual(
            ignored,
            {
                ("Begin een InspiratieTeam.", "gemarkeerd als onzeker (fuzzy)"),
                ("Vreemd", "hoort niet bij dit onderdeel"),
            },
        )
        self.assertFalse(StringTranslation.objects.filter(data__in=["Fuzzy guess.", "Strange"]))

    def assert_rejected(self, po, message):
        before = self.english_strings()
        response = self.upload(po)
        self.assertContains(response, message)
        self.assertIsNone(response.context["report"])
        self.assertEqual(self.english_strings(), before)

    def test_a_file_for_another_language_is_rejected(self):
        german = section_po.build_section(self.index, locale("de"))
        po = section_po.export_po(german)
        for entry in po:
            entry.msgstr = "Überschrieben"
        self.assert_rejected(po, "Dit PO-bestand is voor Deutsch, niet voor English.")

    def test_a_file_of_another_section_is_rejected(self):
        po = section_po.export_po(section_po.build_section(self.edition, locale("en")))
        for entry in po:
            entry.msgstr = "Overwritten"
        self.assert_rejected(po, "Dit PO-bestand hoort bij een ander onderdeel")

    def test_garbage_is_rejected(self):
        self.assert_rejected(b"\x89PNG\r\n\x1a\n\x00\xff garbage", "Dit is geen geldig PO-bestand.")
        not_po = b"Dit is geen PO-bestand.\nmsgid zonder aanhalingstekens\n"
        self.assert_rejected(not_po, "Dit is geen geldig PO-bestand.")

    def test_a_po_file_without_section_header_is_rejected(self):
        po = translation_of(self.edition, "en").export_po()
        self.assert_rejected(
            po, "Dit PO-bestand is niet geëxporteerd voor een onderdeel van deze site."
        )


class SectionPermissionTest(SectionPOFixture):
    def test_dutch_editor_is_refused(self):
        log_in(self.client, self.dutch_editor)
        self.assert_refused(self.client.get(self.section_url(self.index)))
        self.assert_refused(self.client.get(self.section_url(self.index), {"locale": "en"}))
        before = self.english_strings()
        po = section_po.export_po(section_po.build_section(self.index, locale("en")))
        self.entry(po, self.edition, "Begin een InspiratieTeam.").msgstr = NEW_INTRO
        self.assert_refused(self.upload(po, user=self.dutch_editor))
        self.assertEqual(self.english_strings(), before)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.index.id]))
        self.assertNotContains(edit, self.section_url(self.index))

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.client.get(self.section_url(), {"locale": "en"})
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response.url.startswith(reverse("wagtailadmin_login")))

    def test_translator_cannot_export_a_language_they_may_not_change(self):
        log_in(self.client, self.translator)
        self.assert_refused(self.client.get(self.section_url(), {"locale": "de"}))


class SectionCommandsTest(SectionPOFixture):
    def test_export_and_import_commands(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "editions-en.po"
            errors = StringIO()
            call_command(
                "export_section_po", str(self.index_en.id), "en", "-o", str(path), stderr=errors
            )
            self.assertIn("Week van de Verbinding 2025", errors.getvalue())
            po = polib.pofile(str(path))
            self.entry(po, self.edition, "Begin een InspiratieTeam.").msgstr = NEW_INTRO
            po.save(str(path))
            output = StringIO()
            call_command("import_section_po", str(path), "--user", "translators", stdout=output)
            with self.assertRaisesMessage(CommandError, "may not change"):
                call_command("import_section_po", str(path), "--user", "dutch editors")
        self.assertIn(f"1 changed  {self.edition_en.title}", output.getvalue())
        self.assertTrue(StringTranslation.objects.filter(data=NEW_INTRO).exists())
        self.assertNotIn(NEW_INTRO, self.visitor_sees(self.edition_en)[1])
        english = Page.objects.get(id=self.edition_en.id).specific
        self.assertEqual(english.introduction, ENGLISH_INTRO)
