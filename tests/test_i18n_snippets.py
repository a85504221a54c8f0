"""Themes, organisers and partners go through the review workflow, translated or not, through the
admin's real views (Wagtail's snippet views, wagtail-localize's and ours). Anonymous visitors see
live snippets only, with their published text; live aliases keep what they served until approval."""

from django.contrib.admin.utils import quote
from django.contrib.auth.models import Permission
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from editions.models import EditionPartner, Partner
from ideas.models import Theme
from moderation.roles import EDITORS, MODERATORS, TRANSLATORS
from tests.factories import make_edition, make_edition_index, make_home, make_user
from tests.factories_ideas import make_idea, make_idea_index, make_theme
from tests.translation_helpers import locale, translate_page, translate_strings, translation_of
from tests.two_factor import log_in

DUTCH_THEME = "Buurt en wijk"
ENGLISH_THEME = "Neighbourhood"
PARTNER = "Buurtfonds Oost"
NOTHING_FOUND = "<h2>Nothing found</h2>"


def snippet_url(instance, view, *args):
    return reverse(
        type(instance).snippet_viewset.get_url_name(view), args=[quote(instance.pk), *args]
    )


def review_url(instance):
    meta = instance._meta
    return reverse(
        "localization_submit_snippet_for_review",
        args=[meta.app_label, meta.model_name, quote(instance.pk)],
    )


def partner_form(partner, **changes):
    data = {
        "name": partner.name,
        "kind": partner.kind,
        "website": partner.website,
        "logo": "",
        "description": partner.description,
    }
    return data | changes


class SnippetFixture(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.ideas = make_idea_index(cls.home)
        cls.theme = make_theme(DUTCH_THEME, slug="buurt")
        cls.idea = make_idea(cls.ideas, "Koffie met de buren", themes=[cls.theme])
        cls.index = make_edition_index(cls.home)
        cls.edition = make_edition(cls.index, 2026, introduction="Begin een InspiratieTeam.")
        cls.partner = Partner.objects.create(name=PARTNER, description="Sponsort de buurt.")
        EditionPartner.objects.create(page=cls.edition, partner=cls.partner)
        cls.edition.save_revision().publish()
        cls.home_en = translate_page(cls.home)
        cls.ideas_en = translate_page(cls.ideas)
        cls.index_en = translate_page(cls.index)
        cls.editor = make_user("editor", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)
        cls.translator = make_user("translator", TRANSLATORS)

    def post(self, user, url, data=None):
        """POST as `user` like a browser, running what the view defers to the end of its
        transaction."""
        log_in(self.client, user)
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data or {})

    def visitor_sees(self, page):
        page.refresh_from_db()
        response = Client().get(page.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def approve(self, snippet):
        snippet.refresh_from_db()
        task_state = snippet.current_workflow_task_state
        url = snippet_url(snippet, "workflow_action", "approve", task_state.id)
        return self.post(self.moderator, url, {"comment": ""})

    def assert_refused(self, response):
        """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
        self.assertEqual((response.status_code, response.url), (302, reverse("wagtailadmin_home")))


class TranslatedThemeTest(SnippetFixture):
    """A translator's English theme reaches visitors only after a moderator approved it."""

    def start_english_theme(self):
        url = reverse(
            "wagtail_localize:submit_snippet_translation", args=["ideas", "theme", self.theme.pk]
        )
        self.post(self.moderator, url, {"locales": [locale("en").id]})
        self.idea_en = translate_page(self.idea)
        return self.theme.get_translation(locale("en"))

    def translate_name(self, value):
        translation = translation_of(self.theme, "en")
        segment = StringSegment.objects.get(source=translation.source, string__data=DUTCH_THEME)
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
        log_in(self.client, self.translator)
        return self.client.put(
            url, data=f"value={value}", content_type="application/x-www-form-urlencoded"
        )

    def test_new_translation_is_a_draft_until_approved(self):
        english = self.start_english_theme()
        self.assertFalse(english.live)
        self.assertEqual(list(self.idea_en.themes.all()), [english])
        self.assertIn(self.translate_name(ENGLISH_THEME).status_code, (200, 201))

        self.post(self.translator, review_url(english))
        english.refresh_from_db()
        self.assertTrue(english.workflow_in_progress)
        self.assertFalse(english.live)
        for page in (self.ideas_en, self.idea_en):
            content = self.visitor_sees(page)
            self.assertNotIn(ENGLISH_THEME, content)
            self.assertNotIn(DUTCH_THEME, content)
        self.assertContains(Client().get("/en/search/", {"query": "wijk"}), NOTHING_FOUND)

        self.approve(english)
        english.refresh_from_db()
        self.assertTrue(english.live)
        self.assertFalse(english.workflow_in_progress)
        self.assertIn(ENGLISH_THEME, self.visitor_sees(self.ideas_en))
        self.assertIn(ENGLISH_THEME, self.visitor_sees(self.idea_en))
        filtered = Client().get(self.ideas_en.url, {"theme": english.slug})
        self.assertContains(filtered, "Koffie met de buren")
        self.idea_en.save_revision().publish()
        found = Client().get("/en/search/", {"query": ENGLISH_THEME})
        self.assertNotContains(found, NOTHING_FOUND)
        self.assertContains(found, self.idea_en.url)

    def test_translator_finds_the_submit_action_in_the_translation_editor(self):
        english = self.start_english_theme()
        log_in(self.client, self.translator)
        editor = self.client.get(snippet_url(english, "edit"))
        self.assertContains(editor, "js-translation-editor")
        self.assertContains(editor, review_url(english))
        listing = self.client.get(reverse(Theme.snippet_viewset.get_url_name("list")))
        self.assertContains(listing, review_url(english))

    def test_translator_cannot_publish_from_the_translation_editor(self):
        english = self.start_english_theme()
        self.translate_name("Unreviewed")
        self.assert_refused(
            self.post(self.translator, snippet_url(english, "edit"), {"action": "publish"})
        )
        english.refresh_from_db()
        self.assertFalse(english.live)
        self.assertNotIn("Unreviewed", self.visitor_sees(self.ideas_en))

    def test_submitting_twice_or_without_change_rights_is_refused(self):
        english = self.start_english_theme()
        outsider = make_user("outsider")
        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.assert_refused(self.post(outsider, review_url(english)))
        self.assertFalse(Theme.objects.get(pk=english.pk).workflow_in_progress)
        self.post(self.translator, review_url(english))
        self.assert_refused(self.post(self.translator, review_url(english)))

    def test_draft_of_a_live_translation_is_a_revision_only(self):
        english = self.start_english_theme()
        self.translate_name(ENGLISH_THEME)
        self.post(self.translator, review_url(english))
        self.approve(english)
        self.translate_name("Draft wording")
        translation_of(self.theme, "en").save_target(publish=False)
        english.refresh_from_db()
        self.assertEqual((english.live, english.name), (True, ENGLISH_THEME))
        self.assertTrue(english.has_unpublished_changes)
        self.assertEqual(english.get_latest_revision_as_object().name, "Draft wording")
        self.assertNotIn("Draft wording", self.visitor_sees(self.ideas_en))


class SnippetSyncTest(SnippetFixture):
    """ "Update translations" publishes a snippet's translation only for those who may publish it."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        submit = Permission.objects.get(codename="submit_translation")
        cls.editor.user_permissions.add(submit)
        translation_source, _ = TranslationSource.get_or_create_from_instance(cls.partner)
        Translation.objects.create(source=translation_source, target_locale=locale("en"))
        translate_strings(cls.partner, "en", lambda text: f"EN {text}")
        with cls.captureOnCommitCallbacks(execute=True):
            translation_of(cls.partner, "en").save_target(publish=True)
        cls.partner_en = cls.partner.get_translation(locale("en"))

    def rename_dutch_partner(self):
        self.post(
            self.moderator,
            snippet_url(self.partner, "edit"),
            partner_form(self.partner, name="Buurtfonds West", **{"action-publish": "1"}),
        )
        self.partner.refresh_from_db()
        self.assertEqual(self.partner.name, "Buurtfonds West")

    def sync(self, user):
        source = TranslationSource.objects.get_for_instance(self.partner)
        url = reverse("wagtail_localize:update_translations", args=[source.id])
        return self.post(user, url, {"publish_translations": "on"})

    def english_partner(self):
        return Partner.objects.get(pk=self.partner_en.pk)

    def test_sync_does_not_publish_for_editors(self):
        live_revision = self.partner_en.live_revision_id
        self.rename_dutch_partner()
        log_in(self.client, self.editor)
        source = TranslationSource.objects.get_for_instance(self.partner)
        form = self.client.get(reverse("wagtail_localize:update_translations", args=[source.id]))
        self.assertNotContains(form, '<input type="checkbox" name="publish_translations"')
        self.assertEqual(self.sync(self.editor).status_code, 302)
        english = self.english_partner()
        self.assertEqual((english.name, english.live), (f"EN {PARTNER}", True))
        self.assertEqual(english.live_revision_id, live_revision)

    def test_moderators_publish_a_sync(self):
        self.rename_dutch_partner()
        self.sync(self.moderator)
        english = self.english_partner()
        self.assertEqual((english.name, english.live), ("Buurtfonds West", True))


class PartnerDraftTest(SnippetFixture):
    """Editors change live partners as drafts; only moderators publish."""

    def edit(self, user, **changes):
        return self.post(
            user, snippet_url(self.partner, "edit"), partner_form(self.partner, **changes)
        )

    def test_editor_saves_a_draft_visitors_do_not_see(self):
        self.edit(self.editor, name="Nieuwe naam")
        partner = Partner.objects.get(pk=self.partner.pk)
        self.assertEqual((partner.name, partner.live), (PARTNER, True))
        self.assertTrue(partner.has_unpublished_changes)
        self.assertEqual(partner.get_latest_revision_as_object().name, "Nieuwe naam")
        content = self.visitor_sees(self.edition)
        self.assertIn(PARTNER, content)
        self.assertNotIn("Nieuwe naam", content)

    def test_forged_publish_by_an_editor_only_saves_a_draft(self):
        self.edit(self.editor, name="Vervalst", **{"action-publish": "1"})
        self.assertEqual(Partner.objects.get(pk=self.partner.pk).name, PARTNER)
        self.assertNotIn("Vervalst", self.visitor_sees(self.edition))

    def test_editor_submits_and_a_moderator_approves(self):
        self.edit(self.editor, name="Goedgekeurd", **{"action-submit": "1"})
        partner = Partner.objects.get(pk=self.partner.pk)
        self.assertTrue(partner.workflow_in_progress)
        self.assertNotIn("Goedgekeurd", self.visitor_sees(self.edition))
        self.approve(partner)
        self.assertIn("Goedgekeurd", self.visitor_sees(self.edition))

    def test_moderator_publishes(self):
        self.edit(self.moderator, name="Direct gepubliceerd", **{"action-publish": "1"})
        self.assertIn("Direct gepubliceerd", self.visitor_sees(self.edition))

    def test_a_partner_added_by_an_editor_is_a_draft_and_hidden(self):
        add_url = reverse(Partner.snippet_viewset.get_url_name("add"))
        self.post(self.editor, add_url, partner_form(self.partner, name="Nog niet live"))
        added = Partner.objects.get(name="Nog niet live")
        self.assertFalse(added.live)
        EditionPartner.objects.create(page=self.edition, partner=added)
        self.assertNotIn("Nog niet live", self.visitor_sees(self.edition))


class LiveAliasTest(SnippetFixture):
    """A live alias made by locale synchronisation keeps serving the approved source content when
    a translation of it is saved as a draft, until a moderator approves the translation."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.alias = cls.edition.copy_for_translation(
            locale("en"), alias=True
        )  # as "Synchronise" does

    def translate_behind_the_alias(self):
        source, _ = TranslationSource.get_or_create_from_instance(self.edition)
        Translation.objects.create(source=source, target_locale=locale("en"))
        translate_strings(self.edition, "en", lambda text: f"Unreviewed {text}")
        with self.captureOnCommitCallbacks(execute=True):
            translation_of(self.edition, "en").save_target(publish=False)

    def test_draft_translation_does_not_replace_what_the_alias_served(self):
        self.assertIn("Begin een InspiratieTeam.", self.visitor_sees(self.alias))
        self.translate_behind_the_alias()
        page = Page.objects.get(pk=self.alias.pk).specific
        self.assertTrue(page.live)
        self.assertIsNone(page.alias_of_id)
        self.assertEqual(page.introduction, "Begin een InspiratieTeam.")
        self.assertEqual(
            page.get_latest_revision_as_object().introduction,
            "Unreviewed Begin een InspiratieTeam.",
        )
        content = self.visitor_sees(page)
        self.assertIn("Begin een InspiratieTeam.", content)
        self.assertNotIn("Unreviewed", content)

    def test_the_translation_goes_live_through_review(self):
        self.translate_behind_the_alias()
        page = Page.objects.get(pk=self.alias.pk).specific
        self.post(self.translator, reverse("localization_submit_for_review", args=[page.id]))
        page.refresh_from_db()
        self.assertTrue(page.workflow_in_progress)
        self.assertNotIn("Unreviewed", self.visitor_sees(page))
        task_state = page.current_workflow_task_state
        url = reverse(
            "wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]
        )
        self.post(self.moderator, url, {"comment": ""})
        self.assertIn("Unreviewed Begin een InspiratieTeam.", self.visitor_sees(page))


class TranslatedEditionPartnersTest(SnippetFixture):
    """An English edition shows each partner's live English translation, else the Dutch one."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.other = Partner.objects.create(name="Bakkerij De Hoek")
        EditionPartner.objects.create(page=cls.edition, partner=cls.other, sort_order=1)
        cls.edition.save_revision().publish()
        cls.edition_en = translate_page(cls.edition)
        cls.partner_en = cls.partner.copy_for_translation(locale("en"))
        cls.partner_en.name = "Neighbourhood Fund East"
        cls.partner_en.save()

    def partner_names(self, page):
        content = self.visitor_sees(page)
        names = (PARTNER, "Neighbourhood Fund East", "Bakkerij De Hoek")
        return [name for name in names if name in content]

    def test_english_page_shows_the_live_english_partner_and_keeps_untranslated_ones(self):
        self.assertEqual(
            self.partner_names(self.edition_en), ["Neighbourhood Fund East", "Bakkerij De Hoek"]
        )
        self.assertEqual(self.partner_names(self.edition), [PARTNER, "Bakkerij De Hoek"])

    def test_a_draft_english_partner_is_not_shown(self):
        Partner.objects.filter(pk=self.partner_en.pk).update(live=False)
        self.assertEqual(self.partner_names(self.edition_en), [PARTNER, "Bakkerij De Hoek"])
