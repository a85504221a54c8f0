"""Translations obey the review workflow, through the admin's real views (wagtail-localize's and ours).

The three gaps of /work/shared/NOTES-localize-workflow.md each have a test class below that performs
the attack and shows it closed.
"""

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment

from editions.models import Partner
from tests.factories import make_edition
from tests.translation_helpers import (
    locale,
    make_bilingual_site,
    review_workflow,
    translation_of,
    user_in,
)
from tests.two_factor import log_in

ENGLISH_INTRO = "Start an inspiration team."
PUBLISH_CHECKBOX = '<input type="checkbox" name="publish_translations"'
NEW_DUTCH_INTRO = "Nieuwe Nederlandse tekst die nog niemand vertaalde."


class TranslationFixture(TestCase):
    @classmethod
    def setUpTestData(cls):
        english = {"Begin een InspiratieTeam.": ENGLISH_INTRO}
        make_bilingual_site(cls, translate=lambda text: english.get(text, f"[EN] {text}"))
        cls.untranslated = make_edition(cls.index, 2025, introduction="De derde editie.")
        cls.workflow = review_workflow()
        root = Page.get_first_root_node()
        cls.moderator = user_in(
            "Moderators",
            ["add_page", "change_page", "publish_page"],
            [root],
            permissions=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
        )
        cls.editor = user_in(
            "Editors",
            ["add_page", "change_page"],
            [root],
            permissions=("wagtailadmin.access_admin", "wagtail_localize.submit_translation"),
        )
        cls.translator = user_in(
            "Translators", ["change_page"], [cls.home.get_translation(locale("en"))]
        )

    def post(self, url, data=None):
        """POST like a browser, running what the view defers to the end of its transaction."""
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data or {})

    def assert_refused(self, response):
        """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
        self.assertEqual((response.status_code, response.url), (302, reverse("wagtailadmin_home")))

    def visitor_sees(self, page):
        page.refresh_from_db()
        response = Client().get(page.url)
        return response.status_code, response.content.decode()

    def change_dutch_introduction(self):
        self.edition.introduction = NEW_DUTCH_INTRO
        self.edition.save_revision().publish()

    def sync_url(self, page):
        return reverse(
            "wagtail_localize:update_translations", args=[translation_of(page, "en").source_id]
        )

    def string_url(self, page, text):
        translation = translation_of(page, "en")
        segment = StringSegment.objects.get(source=translation.source, string__data=text)
        return reverse(
            "wagtail_localize:edit_string_translation", args=[translation.id, segment.id]
        )

    def put_string(self, page, text, value):
        return self.client.put(
            self.string_url(page, text),
            data=f"value={value}",
            content_type="application/x-www-form-urlencoded",
        )

    def approve(self, page):
        page.refresh_from_db()
        task_state = page.current_workflow_task_state
        log_in(self.client, self.moderator)
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]
        )
        return self.post(url, {"comment": ""})

    def submit_for_review(self, page):
        return self.post(reverse("localization_submit_for_review", args=[page.id]))


class TranslatorRoleTest(TranslationFixture):
    def test_translator_edits_strings_in_the_translation_editor(self):
        log_in(self.client, self.translator)
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.edition_en.id]))
        self.assertEqual(editor.status_code, 200)
        self.assertContains(editor, "js-translation-editor")
        self.assertContains(
            editor, reverse("localization_submit_for_review", args=[self.edition_en.id])
        )
        response = self.put_string(self.edition, "Begin een InspiratieTeam.", "Form a team.")
        self.assertIn(response.status_code, (200, 201))

    def test_translator_cannot_publish_from_the_translation_editor(self):
        log_in(self.client, self.translator)
        self.put_string(self.edition, "Begin een InspiratieTeam.", "Unreviewed text.")
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.edition_en.id])
        self.assert_refused(self.post(edit_url, {"action": "publish"}))
        status, content = self.visitor_sees(self.edition_en)
        self.assertEqual(status, 200)
        self.assertIn(ENGLISH_INTRO, content)
        self.assertNotIn("Unreviewed text.", content)

    def test_translator_cannot_start_or_sync_translations(self):
        log_in(self.client, self.translator)
        submit = reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.id])
        self.assert_refused(self.client.get(submit))
        self.assert_refused(self.client.get(self.sync_url(self.edition)))


class SubmitTranslationForReviewTest(TranslationFixture):
    """Gap 1: a synced translation could not be submitted for moderation from the admin."""

    def test_wagtails_own_submit_action_is_ignored_on_synced_translations(self):
        log_in(self.client, self.translator)
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.edition_en.id])
        self.post(edit_url, {"action-submit": "1"})
        self.edition_en.refresh_from_db()
        self.assertFalse(self.edition_en.workflow_in_progress)

    def test_translator_finds_the_action_on_the_page_listing(self):
        log_in(self.client, self.translator)
        parent = self.edition_en.get_parent()
        response = self.client.get(reverse("wagtailadmin_explore", args=[parent.id]))
        self.assertContains(
            response, reverse("localization_submit_for_review", args=[self.edition_en.id])
        )

    def test_submitted_translation_is_live_only_after_approval(self):
        log_in(self.client, self.translator)
        self.put_string(self.edition, "Begin een InspiratieTeam.", "Reviewed wording.")
        confirm = self.client.get(
            reverse("localization_submit_for_review", args=[self.edition_en.id])
        )
        self.assertContains(confirm, self.workflow.name)
        response = self.submit_for_review(self.edition_en)
        self.assertEqual(response.status_code, 302)
        self.edition_en.refresh_from_db()
        self.assertTrue(self.edition_en.workflow_in_progress)
        self.assertNotIn("Reviewed wording.", self.visitor_sees(self.edition_en)[1])

        self.assertEqual(self.approve(self.edition_en).status_code, 302)
        self.edition_en.refresh_from_db()
        self.assertFalse(self.edition_en.workflow_in_progress)
        self.assertIn("Reviewed wording.", self.visitor_sees(self.edition_en)[1])

    def test_a_new_draft_translation_goes_live_through_review(self):
        log_in(self.client, self.moderator)
        submit = reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.id])
        self.post(submit, {"locales": [locale("en").id]})
        draft = self.untranslated.get_translation(locale("en"))
        self.assertFalse(draft.live)

        log_in(self.client, self.translator)
        self.put_string(self.untranslated, "De derde editie.", "The third edition.")
        self.submit_for_review(draft)
        draft.refresh_from_db()
        self.assertFalse(draft.live)
        self.approve(draft)
        draft.refresh_from_db()
        self.assertTrue(draft.live)
        self.assertIn("The third edition.", self.visitor_sees(draft)[1])

    def test_nobody_without_edit_rights_can_submit(self):
        log_in(self.client, self.translator)
        dutch = reverse("localization_submit_for_review", args=[self.edition.id])
        self.assert_refused(self.post(dutch))
        self.assertFalse(Page.objects.get(id=self.edition.id).workflow_in_progress)


class PublishWithoutReviewTest(TranslationFixture):
    """Gap 2: an editor holding submit_translation could create or publish English pages."""

    def test_submitting_a_live_page_for_translation_creates_a_draft(self):
        log_in(self.client, self.editor)
        submit = reverse("wagtail_localize:submit_page_translation", args=[self.untranslated.id])
        response = self.post(submit, {"locales": [locale("en").id]})
        self.assertEqual(response.status_code, 302)
        english = self.untranslated.get_translation(locale("en"))
        self.assertFalse(english.live)
        self.assertEqual(self.visitor_sees(english)[0], 404)

    def test_sync_does_not_publish_for_editors(self):
        self.change_dutch_introduction()
        live_revision = self.edition_en.live_revision_id
        log_in(self.client, self.editor)
        response = self.post(self.sync_url(self.edition), {"publish_translations": "on"})
        self.assertEqual(response.status_code, 302)
        self.edition_en.refresh_from_db()
        self.assertEqual(self.edition_en.live_revision_id, live_revision)
        content = self.visitor_sees(self.edition_en)[1]
        self.assertIn(ENGLISH_INTRO, content)
        self.assertNotIn(NEW_DUTCH_INTRO, content)

    def test_sync_form_offers_publishing_only_to_publishers(self):
        log_in(self.client, self.editor)
        self.assertNotContains(self.client.get(self.sync_url(self.edition)), PUBLISH_CHECKBOX)

    def test_sync_does_not_cancel_a_review_in_progress(self):
        log_in(self.client, self.translator)
        self.submit_for_review(self.edition_en)
        self.change_dutch_introduction()
        log_in(self.client, self.editor)
        self.post(self.sync_url(self.edition), {"publish_translations": "on"})
        self.edition_en.refresh_from_db()
        self.assertTrue(self.edition_en.workflow_in_progress)

    def test_editor_cannot_publish_from_the_translation_editor(self):
        self.change_dutch_introduction()
        log_in(self.client, self.editor)
        self.post(self.sync_url(self.edition), {})
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.edition_en.id])
        self.assert_refused(self.post(edit_url, {"action": "publish"}))
        self.assertNotIn(NEW_DUTCH_INTRO, self.visitor_sees(self.edition_en)[1])

    def test_moderators_may_still_publish_a_sync(self):
        self.change_dutch_introduction()
        log_in(self.client, self.moderator)
        self.assertContains(self.client.get(self.sync_url(self.edition)), PUBLISH_CHECKBOX)
        self.post(self.sync_url(self.edition), {"publish_translations": "on"})
        self.assertIn(NEW_DUTCH_INTRO, self.visitor_sees(self.edition_en)[1])


class DraftTextStaysPrivateTest(TranslationFixture):
    """Gap 3: saving a draft of a live translation wrote the draft into the page visitors see."""

    def test_draft_save_of_a_live_translation_is_a_revision_only(self):
        log_in(self.client, self.translator)
        self.put_string(self.edition, "Begin een InspiratieTeam.", "Draft wording.")
        translation_of(self.edition, "en").save_target(publish=False)
        self.edition_en.refresh_from_db()
        self.assertTrue(self.edition_en.has_unpublished_changes)
        latest = self.edition_en.get_latest_revision_as_object()
        self.assertEqual(latest.introduction, "Draft wording.")
        content = self.visitor_sees(self.edition_en)[1]
        self.assertIn(ENGLISH_INTRO, content)
        self.assertNotIn("Draft wording.", content)

    def test_draft_submitted_for_review_stays_private_until_approved(self):
        log_in(self.client, self.translator)
        self.put_string(self.edition, "Begin een InspiratieTeam.", "Draft wording.")
        self.submit_for_review(self.edition_en)
        self.assertNotIn("Draft wording.", self.visitor_sees(self.edition_en)[1])
        self.assertEqual(
            Page.objects.get(id=self.edition_en.id).specific.introduction, ENGLISH_INTRO
        )

    def test_untranslated_strings_do_not_reach_visitors_through_a_resync(self):
        self.change_dutch_introduction()
        log_in(self.client, self.editor)
        self.post(self.sync_url(self.edition), {})
        translation_of(self.edition, "en").save_target(publish=False)
        self.assertNotIn(NEW_DUTCH_INTRO, self.visitor_sees(self.edition_en)[1])


class TranslationToolsTest(TranslationFixture):
    """PO files out and in, snippets, and the out-of-date overview, through wagtail-localize's views."""

    def test_po_file_round_trip_for_a_page(self):
        translation = translation_of(self.edition, "en")
        log_in(self.client, self.translator)
        download = self.client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.id])
        )
        self.assertEqual(download.status_code, 200)
        po = polib.pofile(download.content.decode())
        entry = po.find("Begin een InspiratieTeam.")
        self.assertEqual(entry.msgstr, ENGLISH_INTRO)
        entry.msgstr = "Gather a team, from a PO file."
        upload = SimpleUploadedFile("2026-en.po", str(po).encode(), "text/x-gettext-translation")
        self.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.id]),
            {"file": upload, "next": "/admin/"},
        )
        self.assertNotIn("from a PO file", self.visitor_sees(self.edition_en)[1])
        self.submit_for_review(self.edition_en)
        self.approve(self.edition_en)
        self.assertIn("Gather a team, from a PO file.", self.visitor_sees(self.edition_en)[1])

    def test_snippets_are_translated_through_wagtail_localize(self):
        partner = Partner.objects.create(
            name="Buurtfonds", description="Sponsort buurtactiviteiten."
        )
        log_in(self.client, self.moderator)
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["editions", "partner", partner.pk],
        )
        self.assertEqual(self.post(url, {"locales": [locale("en").id]}).status_code, 302)
        english = partner.get_translation(locale("en"))
        self.assertEqual(english.description, "Sponsort buurtactiviteiten.")
        self.assertTrue(translation_of(partner, "en").enabled)

    def test_translations_report_shows_what_is_out_of_date(self):
        _total, translated_before = translation_of(self.edition, "en").get_progress()
        self.change_dutch_introduction()
        log_in(self.client, self.moderator)
        self.post(self.sync_url(self.edition), {})
        total, translated = translation_of(self.edition, "en").get_progress()
        self.assertEqual(translated, translated_before - 1)
        report = self.client.get(reverse("wagtail_localize:translations_report_results"))
        self.assertContains(report, self.edition.title)
        self.assertContains(report, translation_of(self.edition, "en").get_status_display())
        self.assertLess(translated, total)
