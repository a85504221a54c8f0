"""Every action wagtail-localize adds to the admin, tried as every role through the real views.

localization/ACTIONS.md is the register: each action, who may use it, what it can change for
visitors and the test below that shows it. The tests ask what an anonymous visitor gets at the
English page's address afterwards: whether it is served, and with which text.
"""

import re
from importlib import import_module
from pathlib import Path

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase, override_settings
from django.urls import get_resolver, reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
)

from editions.models import Partner
from localization.wagtail_hooks import CONVERT_TO_ALIAS_MENU_ITEM
from moderation.roles import EDITORS, MODERATORS, TRANSLATORS
from moderation.teams import grant_team_editor
from tests.admin_actions import page_form_data
from tests.factories import make_edition, make_edition_index, make_home, make_user
from tests.translation_helpers import (
    locale,
    make_bilingual_site,
    translate_page,
    translation_of,
)
from tests.two_factor import log_in

ANONYMOUS, EDITOR, TRANSLATOR, TEAM_EDITOR, MODERATOR, ADMINISTRATOR = (
    "anonymous",
    "editor",
    "translator",
    "team editor",
    "moderator",
    "administrator",
)
ROLES = (ANONYMOUS, EDITOR, TRANSLATOR, TEAM_EDITOR, MODERATOR, ADMINISTRATOR)
PUBLISHERS = (MODERATOR, ADMINISTRATOR)
NOT_PUBLISHERS = (ANONYMOUS, EDITOR, TRANSLATOR, TEAM_EDITOR)
EDITS_ENGLISH = (EDITOR, TRANSLATOR, TEAM_EDITOR, MODERATOR, ADMINISTRATOR)

LIVE_DUTCH, LIVE_ENGLISH = "Begin een InspiratieTeam.", "Start an inspiration team."
DRAFT_DUTCH, DRAFT_ENGLISH = "Een nieuwe editie.", "A new edition."
WITHDRAWN_DUTCH, WITHDRAWN_ENGLISH = "Een editie uit het archief.", "An edition from the archive."
ENGLISH = {LIVE_DUTCH: LIVE_ENGLISH, DRAFT_DUTCH: DRAFT_ENGLISH, WITHDRAWN_DUTCH: WITHDRAWN_ENGLISH}
UNREVIEWED = "Unreviewed wording."
CONVERT_MENU_ITEM = f'name="{CONVERT_TO_ALIAS_MENU_ITEM}"'
NEW_DUTCH = "Nieuwe Nederlandse tekst die nog niemand vertaalde."
DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
REGISTER = Path(__file__).resolve().parent.parent / "localization" / "ACTIONS.md"


def stop_synchronising(source, code):
    Translation.objects.filter(pk=translation_of(source, code).pk).update(enabled=False)


def english(text):
    return ENGLISH.get(text, f"[EN] {text}")


def role_users(english_section):
    team_editor = make_user("team-editor")
    grant_team_editor(team_editor, english_section)
    return {
        ANONYMOUS: None,
        EDITOR: make_user("editor", EDITORS),
        TRANSLATOR: make_user("translator", TRANSLATORS),
        TEAM_EDITOR: team_editor,
        MODERATOR: make_user("moderator", MODERATORS),
        ADMINISTRATOR: make_user("administrator", superuser=True),
    }


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.id])


class RoleTestCase(TestCase):
    """Requests as each role, and what an anonymous visitor gets afterwards."""

    def request(self, role, method, url, data=None, **extra):
        """A request as `role`, running what the view defers to the end of its transaction."""
        self.client.logout()
        if self.users[role] is not None:
            log_in(self.client, self.users[role])
        with self.captureOnCommitCallbacks(execute=True):
            return getattr(self.client, method)(url, data or {}, **extra)

    def assert_refused(self, role, response):
        """The admin sends anonymous visitors to the login page and answers a PermissionDenied
        with a redirect to the dashboard (its JSON APIs with 403)."""
        if response.status_code == 403:
            return
        expected = reverse("wagtailadmin_login" if role == ANONYMOUS else "wagtailadmin_home")
        self.assertEqual(response.status_code, 302, role)
        self.assertEqual(response.url.split("?")[0], expected, role)

    def visitor_sees(self, page):
        response = Client().get(Page.objects.get(pk=page.pk).url)
        return response.status_code, response.content.decode()

    def assert_serves(self, page, text):
        status, content = self.visitor_sees(page)
        self.assertEqual(status, 200)
        self.assertIn(text, content)
        self.assertNotIn(UNREVIEWED, content)

    def assert_offline(self, page):
        self.assertEqual(self.visitor_sees(page)[0], 404)

    def public_state(self, page):
        """What decides what visitors get: live or not, alias or not, the live revision and the
        text in the page row, and the answer at the page's address."""
        page = Page.objects.get(pk=page.pk).specific
        return (
            page.live,
            page.alias_of_id,
            page.live_revision_id,
            page.introduction,
            self.visitor_sees(page)[0],
        )


class ActionsFixture(RoleTestCase):
    """Three English translations of Dutch editions: a live one with approved English text, a
    draft one, and a live one whose Dutch source a moderator took offline."""

    @classmethod
    def setUpTestData(cls):
        make_bilingual_site(cls, translate=english)
        cls.draft_source = make_edition(cls.index, 2025, introduction=DRAFT_DUTCH)
        cls.draft_en = translate_page(cls.draft_source, publish=False, translate=english)
        cls.withdrawn_source = make_edition(cls.index, 2024, introduction=WITHDRAWN_DUTCH)
        cls.withdrawn_en = translate_page(cls.withdrawn_source, translate=english)
        cls.withdrawn_source.unpublish()
        cls.users = role_users(cls.index_en)

    def assert_visitors_see_the_approved_pages(self):
        self.assert_serves(self.edition_en, LIVE_ENGLISH)
        self.assert_offline(self.draft_en)
        self.assert_serves(self.withdrawn_en, WITHDRAWN_ENGLISH)


class ConvertToAliasTest(ActionsFixture):
    """wagtail-localize's "Convert to alias page" copies the Dutch page and its live status into
    the translation: publishing-level, so only for those who may publish the English page."""

    def convert(self, role, page, method="post"):
        url = reverse("wagtail_localize:convert_to_alias", args=[page.id])
        return self.request(role, method, url)

    def assert_refused_everyone_but_publishers(self, page):
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.convert(role, page, method="get"))
                self.assert_refused(role, self.convert(role, page))
                self.assertIsNone(Page.objects.get(pk=page.pk).alias_of_id)

    def test_a_draft_translation_stays_draft(self):
        self.assert_refused_everyone_but_publishers(self.draft_en)
        self.assertFalse(Page.objects.get(pk=self.draft_en.pk).live)
        self.assert_offline(self.draft_en)

    def test_a_live_translation_keeps_its_approved_english_text(self):
        self.assert_refused_everyone_but_publishers(self.edition_en)
        self.assert_serves(self.edition_en, LIVE_ENGLISH)
        self.assertNotIn(LIVE_DUTCH, self.visitor_sees(self.edition_en)[1])

    def test_a_translation_whose_source_was_unpublished_stays_live(self):
        self.assert_refused_everyone_but_publishers(self.withdrawn_en)
        self.assert_serves(self.withdrawn_en, WITHDRAWN_ENGLISH)

    def test_publishers_convert(self):
        self.convert(MODERATOR, self.edition_en)
        self.assertEqual(Page.objects.get(pk=self.edition_en.pk).alias_of_id, self.edition.id)
        self.assert_serves(self.edition_en, LIVE_DUTCH)
        self.convert(ADMINISTRATOR, self.withdrawn_en)
        self.assert_offline(self.withdrawn_en)

    def test_the_translation_editor_offers_it_only_to_publishers(self):
        url = reverse("wagtail_localize:convert_to_alias", args=[self.edition_en.id])
        editor = edit_url(self.edition_en)
        for role in EDITS_ENGLISH:
            with self.subTest(role):
                response = self.request(role, "get", editor)
                self.assertContains(response, "js-translation-editor")
                self.assertEqual(url in response.content.decode(), role in PUBLISHERS)

    def test_the_edit_menu_offers_it_only_to_publishers(self):
        stop_synchronising(self.edition, "en")
        editor = edit_url(self.edition_en)
        for role in EDITS_ENGLISH:
            with self.subTest(role):
                response = self.request(role, "get", editor)
                self.assertContains(response, 'id="page-edit-form"')
                shown = CONVERT_MENU_ITEM in response.content.decode()
                self.assertEqual(shown, role in PUBLISHERS)

    def test_the_edit_menus_forged_button_is_refused(self):
        stop_synchronising(self.edition, "en")
        editor = edit_url(self.edition_en)
        for role in (EDITOR, TRANSLATOR, TEAM_EDITOR):
            with self.subTest(role):
                forged = {"localize-convert-to-alias": "1"}
                response = self.request(role, "post", editor, forged, follow=True)
                self.assertEqual(response.redirect_chain[-1][0], reverse("wagtailadmin_home"))
        self.assert_serves(self.edition_en, LIVE_ENGLISH)


class UpdateTranslationsTest(ActionsFixture):
    """Sync translated pages publishes only for those who may publish every translation
    (localization.views.ReviewedUpdateTranslationsView); without "publish" it changes no page."""

    def sync(self, role, **data):
        source = translation_of(self.edition, "en").source
        url = reverse("wagtail_localize:update_translations", args=[source.id])
        return self.request(role, "post", url, data)

    def change_dutch_introduction(self):
        self.edition.introduction = NEW_DUTCH
        self.edition.save_revision().publish()

    def test_only_publishers_publish_a_sync(self):
        self.change_dutch_introduction()
        before = self.public_state(self.edition_en)
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.sync(role, publish_translations="on"))
                self.assertEqual(self.public_state(self.edition_en), before)
        self.assert_serves(self.edition_en, LIVE_ENGLISH)
        self.sync(MODERATOR, publish_translations="on")
        self.assert_serves(self.edition_en, NEW_DUTCH)

    @override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
    def test_a_sync_with_machine_translation_changes_no_page(self):
        self.change_dutch_introduction()
        before = self.public_state(self.edition_en)
        for role in PUBLISHERS:
            with self.subTest(role):
                self.assertEqual(self.sync(role, use_machine_translation="on").status_code, 302)
                self.assertEqual(self.public_state(self.edition_en), before)
        machine = StringTranslation.objects.get(translation_of__data=NEW_DUTCH)
        self.assertEqual(machine.translation_type, StringTranslation.TRANSLATION_TYPE_MACHINE)
        self.assert_visitors_see_the_approved_pages()


class SynchronisingTest(ActionsFixture):
    """Stopping and restarting a synced translation switch a flag; no page changes."""

    def translation(self):
        return translation_of(self.edition, "en")

    def stop(self, role):
        url = reverse("wagtail_localize:stop_translation", args=[self.translation().id])
        return self.request(role, "post", url, {"next": edit_url(self.edition_en)})

    def restart(self, role):
        restart = {"localize-restart-translation": "1"}
        return self.request(role, "post", edit_url(self.edition_en), restart)

    def test_stopping_and_restarting_change_nothing_visitors_see(self):
        before = self.public_state(self.edition_en)
        for role in EDITS_ENGLISH:
            with self.subTest(role):
                self.stop(role)
                self.assertFalse(self.translation().enabled)
                self.restart(role)
                self.assertTrue(self.translation().enabled)
                self.assertEqual(self.public_state(self.edition_en), before)
        self.assert_serves(self.edition_en, LIVE_ENGLISH)

    def test_anonymous_visitors_can_do_neither(self):
        self.assert_refused(ANONYMOUS, self.stop(ANONYMOUS))
        self.assertTrue(self.translation().enabled)
        stop_synchronising(self.edition, "en")
        self.assert_refused(ANONYMOUS, self.restart(ANONYMOUS))
        self.assertFalse(self.translation().enabled)

    def test_after_stopping_wagtails_own_editor_publishes_only_for_publishers(self):
        stop_synchronising(self.edition, "en")
        url = edit_url(self.edition_en)
        publish = {"introduction": UNREVIEWED, "action-publish": "1"}
        data = page_form_data(self.client, url, self.users[ADMINISTRATOR], **publish)
        before = self.public_state(self.edition_en)
        for role in (EDITOR, TRANSLATOR, TEAM_EDITOR):
            with self.subTest(role):
                self.request(role, "post", url, data)
                self.assertEqual(self.public_state(self.edition_en), before)
                latest = Page.objects.get(pk=self.edition_en.pk).get_latest_revision_as_object()
                self.assertEqual(latest.introduction, UNREVIEWED)
        self.assert_serves(self.edition_en, LIVE_ENGLISH)


class DeleteTranslationTest(ActionsFixture):
    """The translation editor's "Delete" is Wagtail's own delete view: deleting a live page takes
    it offline, so it needs publish rights."""

    def delete(self, role, page):
        return self.request(role, "post", reverse("wagtailadmin_pages:delete", args=[page.id]))

    def test_only_publishers_delete_a_live_translation(self):
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.delete(role, self.edition_en))
                self.assert_serves(self.edition_en, LIVE_ENGLISH)
        self.delete(MODERATOR, self.edition_en)
        self.assertFalse(Page.objects.filter(pk=self.edition_en.pk).exists())

    def test_deleting_a_draft_translation_changes_nothing_visitors_see(self):
        address = self.draft_en.url
        self.delete(TRANSLATOR, self.draft_en)
        self.assertFalse(Page.objects.filter(pk=self.draft_en.pk).exists())
        self.assertEqual(Client().get(address).status_code, 404)
        self.assert_serves(self.edition_en, LIVE_ENGLISH)

    def test_deleting_an_offline_dutch_source_leaves_its_english_page_live(self):
        self.delete(EDITOR, self.withdrawn_source)
        self.assertFalse(Page.objects.filter(pk=self.withdrawn_source.pk).exists())
        self.assert_serves(self.withdrawn_en, WITHDRAWN_ENGLISH)

    def test_only_moderators_delete_a_live_snippet_translation(self):
        partner = Partner.objects.create(name="Buurtfonds", description="Sponsort de buurt.")
        english_partner = partner.copy_for_translation(locale("en"))
        english_partner.save()
        english_partner.save_revision().publish()
        url = reverse(Partner.snippet_viewset.get_url_name("delete"), args=[english_partner.pk])
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.request(role, "post", url))
                self.assertTrue(Partner.objects.get(pk=english_partner.pk).live)
        self.request(MODERATOR, "post", url)
        self.assertFalse(Partner.objects.filter(pk=english_partner.pk).exists())


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DUMMY_TRANSLATOR)
class TranslationEditorToolsTest(ActionsFixture):
    """Saving a string, uploading a PO file and machine translation change the translation
    memory only; a live translation changes when a moderator approves it."""

    def translation(self, page=None):
        return translation_of(page or self.edition, "en")

    def segment(self, text):
        return StringSegment.objects.get(source=self.translation().source, string__data=text)

    def forget_english(self, text):
        StringTranslation.objects.filter(translation_of__data=text, locale=locale("en")).delete()

    def test_saving_strings_changes_no_page(self):
        url = reverse(
            "wagtail_localize:edit_string_translation",
            args=[self.translation().id, self.segment(LIVE_DUTCH).id],
        )
        form = "application/x-www-form-urlencoded"
        before = self.public_state(self.edition_en)
        for role in ROLES:
            with self.subTest(role):
                response = self.request(role, "put", url, f"value={UNREVIEWED}", content_type=form)
                if role == ANONYMOUS:
                    self.assert_refused(role, response)
                else:
                    self.assertIn(response.status_code, (200, 201))
                self.assertEqual(self.public_state(self.edition_en), before)
        self.assert_serves(self.edition_en, LIVE_ENGLISH)

    def test_uploading_a_po_file_changes_no_page(self):
        translation = self.translation()
        download = reverse("wagtail_localize:download_pofile", args=[translation.id])
        upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
        before = self.public_state(self.edition_en)
        for role in EDITS_ENGLISH:
            with self.subTest(role):
                po = polib.pofile(self.request(role, "get", download).content.decode())
                po.find(LIVE_DUTCH).msgstr = UNREVIEWED
                file = SimpleUploadedFile("en.po", str(po).encode(), "text/x-gettext-translation")
                self.request(
                    role, "post", upload, {"file": file, "next": edit_url(self.edition_en)}
                )
                self.assertEqual(self.public_state(self.edition_en), before)
        self.assertEqual(self.segment(LIVE_DUTCH).string.translations.get().data, UNREVIEWED)
        self.assert_refused(ANONYMOUS, self.request(ANONYMOUS, "get", download))
        self.assert_serves(self.edition_en, LIVE_ENGLISH)

    def test_machine_translation_changes_no_page(self):
        before = {page.pk: self.public_state(page) for page in (self.edition_en, self.draft_en)}
        for role in ROLES:
            for source, page in (
                (self.edition, self.edition_en),
                (self.draft_source, self.draft_en),
            ):
                with self.subTest(role, page=page.title):
                    self.forget_english(source.introduction)
                    url = reverse(
                        "wagtail_localize:machine_translate", args=[self.translation(source).id]
                    )
                    response = self.request(role, "post", url, {"next": edit_url(page)})
                    machine = StringTranslation.objects.filter(
                        translation_of__data=source.introduction, locale=locale("en")
                    )
                    if role == ANONYMOUS:
                        self.assert_refused(role, response)
                    else:
                        self.assertTrue(machine.exists())
                    self.assertEqual(self.public_state(page), before[page.pk])
        self.assert_visitors_see_the_approved_pages()


class SubmitForTranslationTest(ActionsFixture):
    """Translate this page needs wagtail-localize's submit_translation permission (moderators
    only, moderation.roles); what it creates is a draft."""

    def submit(self, role, url):
        return self.request(role, "post", url, {"locales": [locale("en").id]})

    def test_only_moderators_start_a_translation_and_it_is_a_draft(self):
        new = make_edition(self.index, 2023, introduction="Een toekomstige editie.")
        url = reverse("wagtail_localize:submit_page_translation", args=[new.id])
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.submit(role, url))
                self.assertFalse(new.has_translation(locale("en")))
        self.submit(MODERATOR, url)
        english_page = new.get_translation(locale("en"))
        self.assertFalse(english_page.live)
        self.assert_offline(english_page)

    def test_only_moderators_start_a_snippet_translation_and_it_is_a_draft(self):
        partner = Partner.objects.create(name="Buurtfonds", description="Sponsort de buurt.")
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["editions", "partner", partner.pk],
        )
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.submit(role, url))
                self.assertFalse(partner.has_translation(locale("en")))
        self.submit(MODERATOR, url)
        self.assertFalse(partner.get_translation(locale("en")).live)


class SubtreeTranslationTest(RoleTestCase):
    """Translate this page with its subtree, on a section whose English index is a live alias
    (locale synchronisation made it): the alias keeps serving what it served, live English pages
    keep their approved text and new English pages are drafts."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = make_edition_index(cls.home)
        cls.edition = make_edition(cls.index, 2026, introduction=LIVE_DUTCH)
        cls.new_edition = make_edition(cls.index, 2025, introduction=DRAFT_DUTCH)
        cls.home_en = translate_page(cls.home, translate=english)
        cls.index_en = cls.index.copy_for_translation(locale("en"), alias=True)
        cls.edition_en = translate_page(cls.edition, translate=english)
        cls.users = role_users(cls.home_en)

    def submit_subtree(self, role):
        url = reverse("wagtail_localize:submit_page_translation", args=[self.index.id])
        data = {"locales": [locale("en").id], "include_subtree": "on"}
        return self.request(role, "post", url, data)

    def test_translating_a_subtree_publishes_nothing(self):
        alias_served = self.visitor_sees(self.index_en)[1]
        for role in NOT_PUBLISHERS:
            with self.subTest(role):
                self.assert_refused(role, self.submit_subtree(role))
        self.submit_subtree(MODERATOR)
        index_en = Page.objects.get(pk=self.index_en.pk)
        self.assertEqual((index_en.live, index_en.alias_of_id), (True, None))
        self.assertEqual(self.visitor_sees(index_en), (200, alias_served))
        self.assert_serves(self.edition_en, LIVE_ENGLISH)
        new_english = self.new_edition.get_translation(locale("en"))
        self.assertFalse(new_english.live)
        self.assert_offline(new_english)


class LocaleAdminTest(ActionsFixture):
    """The locale admin (wagtail_localize.locales) belongs to administrators. Synchronising English
    from Dutch adds live aliases for Dutch pages without an English version and leaves every
    English page as it was."""

    def locale_urls(self):
        without_locale = ("index", "index_results", "add")
        return [
            reverse(
                f"wagtaillocales:{name}", args=[] if name in without_locale else [locale("en").id]
            )
            for name in url_names("wagtaillocales")
        ]

    def sync_english_from_dutch(self, role):
        url = reverse("wagtaillocales:edit", args=[locale("en").id])
        component = f"component-{LocaleSynchronization._meta.db_table}"
        data = {
            "language_code": "en",
            f"{component}-enabled": "on",
            f"{component}-sync_from": locale("nl").id,
        }
        return self.request(role, "post", url, data)

    def test_only_administrators_manage_locales(self):
        for role in ROLES[:-1]:
            for url in self.locale_urls():
                with self.subTest(role, url=url):
                    self.assert_refused(role, self.request(role, "get", url))
                    self.assert_refused(role, self.request(role, "post", url))
            self.assert_refused(role, self.sync_english_from_dutch(role))
        self.assertFalse(LocaleSynchronization.objects.exists())
        self.assertEqual(Locale.objects.count(), 2)

    def test_synchronising_english_leaves_every_english_page_as_it_was(self):
        untranslated = make_edition(self.index, 2023, introduction="Een toekomstige editie.")
        self.sync_english_from_dutch(ADMINISTRATOR)
        self.assertTrue(LocaleSynchronization.objects.filter(locale=locale("en")).exists())
        self.assert_visitors_see_the_approved_pages()
        alias = untranslated.get_translation(locale("en"))
        self.assertEqual(alias.alias_of_id, untranslated.id)
        self.assert_serves(alias, "Een toekomstige editie.")


class EveryAddressTest(ActionsFixture):
    """Every address wagtail-localize adds refuses anonymous visitors, and the register names it."""

    def sample_urls(self):
        translation = translation_of(self.edition, "en")
        segment = StringSegment.objects.filter(source=translation.source).first()
        partner = Partner.objects.create(name="Buurtfonds")
        args = {
            "submit_page_translation": [self.edition.id],
            "submit_snippet_translation": ["editions", "partner", partner.pk],
            "update_translations": [translation.source_id],
            "edit_string_translation": [translation.id, segment.id],
            "edit_override": [translation.id, 1],
            "download_pofile": [translation.id],
            "upload_pofile": [translation.id],
            "machine_translate": [translation.id],
            "preview_translation": [translation.id],
            "stop_translation": [translation.id],
            "convert_to_alias": [self.edition_en.id],
            "snippets_api_listing": ["editions", "partner"],
            "snippets_api_detail": ["editions", "partner", partner.pk],
        }
        return {
            f"wagtail_localize:{name}": reverse(f"wagtail_localize:{name}", args=args.get(name, []))
            for name in url_names("wagtail_localize")
        }

    def test_anonymous_visitors_are_refused_everywhere(self):
        for name, url in self.sample_urls().items():
            for method in ("get", "post"):
                with self.subTest(name, method=method):
                    self.assert_refused(ANONYMOUS, self.request(ANONYMOUS, method, url))

    def test_the_register_names_every_address_and_its_tests(self):
        register = REGISTER.read_text()
        names = [*self.sample_urls(), *(f"wagtaillocales:{n}" for n in url_names("wagtaillocales"))]
        for name in names:
            with self.subTest(name):
                self.assertIn(f"`{name}`", register)
        for module, class_name, test_name in references_in(register):
            with self.subTest(class_name, test=test_name):
                test_class = getattr(import_module(f"tests.{module}"), class_name)
                self.assertTrue(hasattr(test_class, test_name))


def references_in(register):
    """(module, class, test) for each `file.py::Class::test` of the register; `::test` goes on
    with the class named before it."""
    named = []
    for reference in re.findall(r"`(\w*(?:\.py)?::[\w:]+)`", register):
        parts = reference.split("::")
        if parts[0]:
            module, class_name = parts[0].removesuffix(".py"), parts[1]
        named.append((module, class_name, parts[-1] if parts[-1].startswith("test_") else "id"))
    return named


def url_names(namespace):
    _prefix, resolver = get_resolver().namespace_dict[namespace]
    return sorted({key for key in resolver.reverse_dict if isinstance(key, str)})
