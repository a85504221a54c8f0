"""The translation editor as each role sees it, through the admin's real views: the project's
footer (submit for review first, only what the person may do, confirmation pages that say what
visitors will see), the read-only original, "Translate this page" and the untranslated texts.
"""

import re

from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation
from wagtail_localize.operations import translate_object

from editions.models import Partner
from localization.editor_actions import CONFIRMED
from tests.test_i18n_actions import (
    ADMINISTRATOR,
    ANONYMOUS,
    EDITOR,
    EDITS_ENGLISH,
    LIVE_DUTCH,
    LIVE_ENGLISH,
    MODERATOR,
    ROLES,
    TEAM_EDITOR,
    TRANSLATOR,
    ActionsFixture,
    edit_url,
)
from tests.translation_helpers import locale, translation_of

FOOTER = re.compile(r"<footer[^>]*data-localization-footer.*?</footer>", re.S)
ACTION_NAME = re.compile(r'data-action-name="([a-z_]+)"')
# What each role may do from the translation editor of the live English edition, besides
# submitting it for review (the main action) and previewing it.
LIVE_ACTIONS = {
    EDITOR: {"stop"},
    TRANSLATOR: {"stop"},
    TEAM_EDITOR: {"stop"},
    MODERATOR: {"lock", "publish", "unpublish", "convert_to_alias", "delete", "stop"},
    ADMINISTRATOR: {"lock", "publish", "unpublish", "convert_to_alias", "delete", "stop"},
}
DRAFT_ACTIONS = {
    EDITOR: {"stop"},
    TRANSLATOR: {"stop"},
    TEAM_EDITOR: {"stop"},
    MODERATOR: {"lock", "publish", "convert_to_alias", "delete", "stop"},
    ADMINISTRATOR: {"lock", "publish", "convert_to_alias", "delete", "stop"},
}


class EditorFixture(ActionsFixture):
    """ActionsFixture, with every user's admin in English."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for user in cls.users.values():
            if user is not None:
                profile = UserProfile.get_for_user(user)
                profile.preferred_language = "en"
                profile.save()
        cls.sources = {
            cls.edition_en.pk: cls.edition,
            cls.draft_en.pk: cls.draft_source,
            cls.withdrawn_en.pk: cls.withdrawn_source,
        }

    def confirm(self, page, action):
        translation = translation_of(self.sources[page.pk], "en")
        return reverse("localization_confirm_translation_action", args=[translation.id, action])

    def footer(self, role, page, url=None):
        response = self.request(role, "get", url or edit_url(page))
        self.assertContains(response, "js-translation-editor")
        footers = FOOTER.findall(response.content.decode())
        self.assertEqual(len(footers), 1, "one footer of the project's own")
        return footers[0]


class FooterTest(EditorFixture):
    def test_submit_for_review_is_the_main_action(self):
        review = reverse("localization_submit_for_review", args=[self.draft_en.id])
        for role in EDITS_ENGLISH:
            with self.subTest(role):
                footer = self.footer(role, self.draft_en)
                self.assertEqual(ACTION_NAME.findall(footer)[0], "submit")
                self.assertIn(review, footer)

    def test_the_menu_holds_only_what_the_role_may_do(self):
        for page, expected in ((self.edition_en, LIVE_ACTIONS), (self.draft_en, DRAFT_ACTIONS)):
            for role in EDITS_ENGLISH:
                with self.subTest(page=page.title, role=role):
                    footer = self.footer(role, page)
                    offered = set(ACTION_NAME.findall(footer)) - {"submit", "preview"}
                    self.assertEqual(offered, expected[role])
                    for action in CONFIRMED:
                        # Each action that visitors could notice opens its confirmation page.
                        self.assertEqual(
                            self.confirm(page, action) in footer, action in expected[role]
                        )

    def test_a_snippet_translation_offers_what_the_role_may_do(self):
        partner = Partner.objects.create(name="Buurtfonds", description="Sponsort de buurt.")
        translate_object(partner, [locale("en")])
        english = partner.get_translation(locale("en"))
        url = reverse(Partner.snippet_viewset.get_url_name("edit"), args=[english.pk])
        expected = {
            TRANSLATOR: {"stop"},
            EDITOR: {"stop"},
            MODERATOR: {"publish", "delete", "stop"},
        }
        for role, actions in expected.items():
            with self.subTest(role):
                names = ACTION_NAME.findall(self.footer(role, None, url))
                self.assertEqual(names[0], "submit")
                self.assertEqual(set(names[1:]), actions)

    def test_wagtail_localizes_own_footer_is_hidden(self):
        response = self.request(TRANSLATOR, "get", edit_url(self.edition_en))
        self.assertContains(response, "localization/translation-editor.css")

    def test_the_english_only_heading_is_given_in_dutch_for_a_dutch_admin(self):
        profile = UserProfile.get_for_user(self.users[TRANSLATOR])
        profile.preferred_language = "nl"
        profile.save()
        response = self.request(TRANSLATOR, "get", edit_url(self.edition_en))
        self.assertContains(response, 'id="localization-editor-texts"')
        self.assertContains(response, "Vertaling van Nederlands naar Engels")
        self.assertContains(response, "Nederlands to Engels translation")  # what it replaces
        self.assertContains(response, "localization/translation-editor.js")
        self.assertContains(response, "Ter beoordeling indienen")

    def test_a_translation_in_review_says_so_instead(self):
        self.request(
            TRANSLATOR, "post", reverse("localization_submit_for_review", args=[self.draft_en.id])
        )
        footer = self.footer(TRANSLATOR, self.draft_en)
        self.assertEqual(ACTION_NAME.findall(footer)[0], "in_review")
        self.assertNotIn(reverse("localization_submit_for_review", args=[self.draft_en.id]), footer)


class ConfirmationTest(EditorFixture):
    def test_every_role_on_every_confirmation_page(self):
        for page, expected in ((self.edition_en, LIVE_ACTIONS), (self.draft_en, DRAFT_ACTIONS)):
            for role in ROLES:
                for action in CONFIRMED:
                    with self.subTest(page=page.title, role=role, action=action):
                        response = self.request(role, "get", self.confirm(page, action))
                        if role != ANONYMOUS and action in expected[role]:
                            self.assertEqual(response.status_code, 200)
                        else:
                            self.assert_refused(role, response)

    def consequences(self, role, page, action):
        response = self.request(role, "get", self.confirm(page, action))
        self.assertEqual(response.status_code, 200)
        return " ".join(str(sentence) for sentence in response.context["consequences"])

    def test_each_page_says_what_visitors_will_see(self):
        live_url = self.edition_en.full_url
        self.assertIn("page not found", self.consequences(MODERATOR, self.edition_en, "delete"))
        self.assertIn(live_url, self.consequences(MODERATOR, self.edition_en, "delete"))
        self.assertIn("no change", self.consequences(MODERATOR, self.draft_en, "delete"))
        self.assertIn("goes offline", self.consequences(MODERATOR, self.edition_en, "unpublish"))
        alias = self.consequences(MODERATOR, self.edition_en, "convert_to_alias")
        self.assertIn("published Dutch page, in Dutch", alias)
        draft_alias = self.consequences(ADMINISTRATOR, self.draft_en, "convert_to_alias")
        self.assertIn("goes live at once", draft_alias)
        withdrawn = self.consequences(MODERATOR, self.withdrawn_en, "convert_to_alias")
        self.assertIn("goes offline", withdrawn)
        self.assertIn(
            "without a moderator's review", self.consequences(MODERATOR, self.edition_en, "publish")
        )
        self.assertIn("no change", self.consequences(TRANSLATOR, self.edition_en, "stop"))

    def test_confirming_posts_to_the_real_action(self):
        response = self.request(MODERATOR, "get", self.confirm(self.edition_en, "unpublish"))
        unpublish = reverse("wagtailadmin_pages:unpublish", args=[self.edition_en.id])
        self.assertContains(response, f'action="{unpublish}"')
        self.assert_serves(self.edition_en, LIVE_ENGLISH)  # asking changed nothing
        self.request(MODERATOR, "post", unpublish, {"next": edit_url(self.edition_en)})
        self.assert_offline(self.edition_en)

    def test_the_publish_page_lists_what_still_shows_dutch(self):
        StringTranslation.objects.filter(translation_of__data=LIVE_DUTCH).delete()
        response = self.request(MODERATOR, "get", self.confirm(self.edition_en, "publish"))
        untranslated = {item.text: item.where for item in response.context["untranslated"]}
        self.assertIn("Introduction", untranslated[LIVE_DUTCH])
        self.assertContains(response, LIVE_DUTCH)
        self.assertContains(response, 'name="action" value="publish"')
