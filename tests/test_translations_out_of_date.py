"""Translators learn what needs doing: publishing a Dutch page marks its translations out of date,
tells the translators (dashboard panel, email from a background job) and shows the change in the
translation editor and Reports → Translations; the original is readable for translators, and
"Translate this page" ticks the only language left. Through the admin's real views, as every role.
"""

from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from wagtail_localize.models import StringSegment

from localization.out_of_date import is_out_of_date, mark_translations_out_of_date
from tests.admin_actions import page_form_data
from tests.factories import make_edition
from tests.jobs import queued_jobs, run_jobs
from tests.test_i18n_actions import (
    ANONYMOUS,
    EDITOR,
    EDITS_ENGLISH,
    LIVE_DUTCH,
    LIVE_ENGLISH,
    MODERATOR,
    ROLES,
    TEAM_EDITOR,
    TRANSLATOR,
    edit_url,
)
from tests.test_translation_editor import EditorFixture
from tests.translation_helpers import translation_of

NEW_DUTCH = "Begin deze winter een InspiratieTeam in je eigen straat."


class OutOfDateFixture(EditorFixture):
    def publish_dutch(self, **changes):
        """A moderator changes the Dutch edition and publishes it in the admin."""
        url = edit_url(self.edition)
        data = page_form_data(self.client, url, self.users["administrator"], **changes)
        data["action-publish"] = "action-publish"
        response = self.request(MODERATOR, "post", url, data)
        self.assertEqual(response.status_code, 302)
        self.edition.refresh_from_db()
        self.assertEqual(self.edition.introduction, changes.get("introduction", LIVE_DUTCH))

    def translation(self):
        return translation_of(self.edition, "en")


class PublishingTheOriginalTest(OutOfDateFixture):
    def test_publishing_changed_dutch_text_marks_the_translation_out_of_date(self):
        self.assertFalse(is_out_of_date(self.translation()))
        self.publish_dutch(introduction=NEW_DUTCH)
        self.assertEqual(len(queued_jobs(mark_translations_out_of_date)), 1)
        run_jobs()
        self.assertTrue(is_out_of_date(self.translation()))
        segments = StringSegment.objects.filter(source=self.translation().source)
        self.assertTrue(segments.filter(string__data=NEW_DUTCH).exists())
        # Visitors still get the approved English page.
        self.assert_serves(self.edition_en, LIVE_ENGLISH)

    def test_translators_of_the_page_are_emailed(self):
        other_translator = self.users[TRANSLATOR].__class__.objects.create_user(
            "inactive-translator", "gone@example.org", "pw", is_active=False
        )
        other_translator.groups.add(*self.users[TRANSLATOR].groups.all())
        self.publish_dutch(introduction=NEW_DUTCH)
        with self.captureOnCommitCallbacks(execute=True):
            run_jobs()
        run_jobs()  # the emails the first job queued
        self.assertEqual([message.to for message in mail.outbox], [["translator@example.org"]])
        message = mail.outbox[0]
        self.assertIn(self.edition_en.get_admin_display_title(), message.subject)
        self.assertIn(f"http://testserver{edit_url(self.edition_en)}", message.body)

    def test_publishing_without_a_text_change_changes_nothing(self):
        self.publish_dutch()
        with self.captureOnCommitCallbacks(execute=True):
            run_jobs()
        run_jobs()
        self.assertFalse(is_out_of_date(self.translation()))
        self.assertEqual(mail.outbox, [])

    def test_submitting_the_translation_for_review_clears_it(self):
        self.publish_dutch(introduction=NEW_DUTCH)
        run_jobs()
        review = reverse("localization_submit_for_review", args=[self.edition_en.id])
        self.request(TRANSLATOR, "post", review)
        self.assertFalse(is_out_of_date(self.translation()))


class WhereTranslatorsSeeItTest(OutOfDateFixture):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.edition.introduction = NEW_DUTCH
        cls.edition.save_revision().publish()
        mark_translations_out_of_date.call(translation_of(cls.edition, "en").source_id)

    def test_the_dashboard_panel_is_for_translators_and_moderators(self):
        for role in (EDITOR, TEAM_EDITOR, MODERATOR, TRANSLATOR):
            with self.subTest(role):
                response = self.request(role, "get", reverse("wagtailadmin_home"))
                shown = "out-of-date-translations-title" in response.content.decode()
                self.assertEqual(shown, role in (TRANSLATOR, MODERATOR))
        response = self.request(TRANSLATOR, "get", reverse("wagtailadmin_home"))
        self.assertContains(response, edit_url(self.edition_en))
        self.assertContains(response, "Out of date")
        total, translated = self.translation().get_progress()
        self.assertContains(response, f"{total - translated} texts")

    def test_the_editor_shows_the_new_dutch_next_to_the_old_english(self):
        response = self.request(TRANSLATOR, "get", edit_url(self.edition_en))
        self.assertContains(response, "localization-changed")
        changed = (
            response.content.decode().split('id="localization-changed"')[1].split("</section>")[0]
        )
        self.assertIn(NEW_DUTCH, changed)
        self.assertIn(LIVE_DUTCH, changed)
        self.assertIn(LIVE_ENGLISH, changed)

    def test_the_report_says_out_of_date(self):
        results = reverse("wagtail_localize:translations_report_results")
        for role in EDITS_ENGLISH:
            with self.subTest(role):
                response = self.request(role, "get", results)
                self.assertContains(response, "Out of date")
        response = self.request(TRANSLATOR, "get", results)
        self.assertContains(response, reverse("localization_source", args=[self.translation().id]))

    def test_the_submit_page_says_which_text_and_where(self):
        review = reverse("localization_submit_for_review", args=[self.edition_en.id])
        response = self.request(TRANSLATOR, "get", review)
        [item] = [item for item in response.context["untranslated"] if item.text == NEW_DUTCH]
        self.assertIn("Introduction", item.where)
        self.assertContains(response, NEW_DUTCH)
        self.assertContains(response, item.where)


class ReadOnlyOriginalTest(OutOfDateFixture):
    def test_translators_open_the_dutch_original_read_only(self):
        translation = self.translation()
        source = reverse("localization_source", args=[translation.id])
        preview = reverse("localization_source_preview", args=[translation.id])
        editor = self.request(TRANSLATOR, "get", edit_url(self.edition_en))
        self.assertContains(editor, f'href="{source}"')
        self.assert_refused(TRANSLATOR, self.request(TRANSLATOR, "get", edit_url(self.edition)))
        for role in ROLES:
            with self.subTest(role):
                for url in (source, preview):
                    response = self.request(role, "get", url)
                    if role == ANONYMOUS:
                        self.assert_refused(role, response)
                    else:
                        self.assertContains(response, LIVE_DUTCH)
        self.assertEqual(self.request(TRANSLATOR, "post", source).status_code, 405)
        self.assertEqual(self.translation().source.get_source_instance().introduction, LIVE_DUTCH)

    def test_someone_who_may_not_edit_the_translation_is_refused(self):
        outsider = self.users[TRANSLATOR].__class__.objects.create_user("outsider", password="pw")
        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.users["outsider"] = outsider
        response = self.request(
            "outsider", "get", reverse("localization_source", args=[self.translation().id])
        )
        self.assert_refused("outsider", response)


class TranslateThisPageTest(OutOfDateFixture):
    def test_the_only_other_language_is_ticked(self):
        untranslated = make_edition(self.index, 2023, introduction="Nog niet vertaald.")
        url = reverse("wagtail_localize:submit_page_translation", args=[untranslated.id])
        for role in ROLES:
            with self.subTest(role):
                response = self.request(role, "get", url)
                if role in (MODERATOR, "administrator"):
                    self.assertEqual(
                        [
                            locale.language_code
                            for locale in response.context["form"].initial["locales"]
                        ],
                        ["en"],
                    )
                    self.assertRegex(
                        response.content.decode(), r'<input[^>]*value="\d+"[^>]*checked'
                    )
                else:
                    self.assert_refused(role, response)
