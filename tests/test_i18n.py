"""The public site in two (or more) languages: URLs, language choice, switcher, hreflang, formats."""

import datetime
import re

from django.template import Context, Template
from django.test import TestCase, override_settings
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator

from core.apps import create_content_locales
from tests.factories import make_edition, make_edition_index, make_home
from tests.translation_helpers import locale, make_bilingual_site, translate_page
from wvdv.settings.base import machine_translator_from_env

ENGLISH = {
    "Week van de Verbinding 2026": "Week of Connection 2026",
    "Edities": "Editions",
    "Begin een InspiratieTeam.": "Start an inspiration team.",
}


def english(text):
    return ENGLISH.get(text, f"[EN] {text}")


def switcher_links(content):
    """{language code: href} of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S)
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav.group(0)) if nav else []
    return {code: href for href, code in links}


def alternates(content):
    return set(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content))


class BilingualSiteTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_bilingual_site(cls, translate=english)
        cls.untranslated = make_edition(cls.index, 2023, start=(12, 11), end=(12, 16))

    def get(self, page, **headers):
        response = self.client.get(page.url, **headers)
        self.assertEqual(response.status_code, 200, page.url)
        return response.content.decode()

    def test_urls_carry_the_language(self):
        self.assertEqual(self.edition.url, "/nl/edities/2026/")
        self.assertTrue(self.edition_en.url.startswith("/en/"))

    def test_root_follows_the_browser_language_with_dutch_as_fallback(self):
        for accept, target in [("en-GB,en;q=0.9", "/en/"), ("fr,de;q=0.5", "/nl/"), ("", "/nl/")]:
            with self.subTest(accept=accept):
                response = self.client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
                self.assertRedirects(response, target, fetch_redirect_response=False)

    def test_lang_attribute_matches_the_page(self):
        self.assertIn('<html lang="nl">', self.get(self.edition))
        self.assertIn('<html lang="en">', self.get(self.edition_en))

    def test_switcher_links_to_the_same_page_both_ways(self):
        self.assertEqual(switcher_links(self.get(self.edition)), {"en": self.edition_en.url})
        self.assertEqual(switcher_links(self.get(self.edition_en)), {"nl": self.edition.url})

    def test_switcher_on_an_untranslated_page_leads_to_the_english_home(self):
        content = self.get(self.untranslated)
        self.assertEqual(switcher_links(content), {"en": self.home_en.url})
        self.assertNotIn('hreflang="en"', "".join(re.findall(r"<link[^>]+>", content)))

    def test_hreflang_pairs_are_symmetric(self):
        for dutch, english_page in [(self.home, self.home_en), (self.edition, self.edition_en)]:
            with self.subTest(page=dutch.url):
                from_dutch = alternates(self.get(dutch))
                self.assertEqual(from_dutch, alternates(self.get(english_page)))
                self.assertEqual(
                    from_dutch,
                    {
                        ("nl", f"http://testserver{dutch.url}"),
                        ("en", f"http://testserver{english_page.url}"),
                        ("x-default", f"http://testserver{dutch.url}"),
                    },
                )

    def test_english_address_of_an_untranslated_page_is_not_found(self):
        self.assertEqual(self.client.get("/en/edities/2023/").status_code, 404)

    def test_dates_are_written_per_language(self):
        self.assertIn("11 december 2026", self.get(self.edition))
        self.assertIn("maandag 7 december", self.get(self.edition))
        self.assertIn("11 December 2026", self.get(self.edition_en))
        self.assertIn("Monday 7 December", self.get(self.edition_en))
        self.assertIn("16 december 2023", self.get(self.untranslated))


class MissingLanguageTreeTest(TestCase):
    """Without a live English home, /en/ used to serve the Dutch home under an English address."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = make_edition_index(cls.home)

    def test_english_address_redirects_to_the_dutch_page_with_an_english_notice(self):
        response = self.client.get("/en/edities/")
        self.assertRedirects(
            response, "/nl/edities/?untranslated=en", fetch_redirect_response=False
        )
        content = self.client.get(response.url).content.decode()
        self.assertIn('<html lang="nl">', content)
        self.assertIn(
            '<p class="container language-notice" role="status" lang="en">'
            "This page is not available in English. You are reading the Dutch version.</p>",
            content,
        )

    def test_a_draft_english_home_is_not_served(self):
        translate_page(self.home, publish=False)
        response = self.client.get("/en/")
        self.assertRedirects(response, "/nl/?untranslated=en", fetch_redirect_response=False)

    def test_no_notice_without_reason(self):
        content = self.client.get("/nl/edities/?untranslated=xx").content.decode()
        self.assertNotIn("language-notice", content)


THREE_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]


@override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES)
class ThirdLanguageTest(TestCase):
    """Adding a language is a settings change plus translations."""

    def test_german_tree_and_urls(self):
        home = make_home()
        index = make_edition_index(home)
        edition = make_edition(index, 2026, introduction="Begin een InspiratieTeam.")
        create_content_locales(sender=None)
        for page in (home, index, edition):
            translate_page(page, "de", translate=lambda text: f"[DE] {text}")
        german_home = home.get_translation(Locale.objects.get(language_code="de"))
        self.assertEqual(
            [page.specific.url for page in german_home.get_descendants(inclusive=True)],
            ["/de/", "/de/edities/", "/de/edities/2026/"],
        )
        response = self.client.get("/de/edities/2026/")
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        self.assertIn('<html lang="de">', content)
        self.assertIn("[DE] Begin een InspiratieTeam.", content)
        self.assertIn("7 Dezember", content)
        self.assertEqual(switcher_links(content), {"nl": "/nl/edities/2026/"})
        self.assertIn(
            ("de", "http://testserver/de/edities/2026/"),
            alternates(self.client.get("/nl/edities/2026/").content.decode()),
        )
        self.assertRedirects(
            self.client.get("/", HTTP_ACCEPT_LANGUAGE="de"), "/de/", fetch_redirect_response=False
        )


class LocaleFormatsTest(TestCase):
    TEMPLATE = Template('{{ moment|date:"j F Y H:i" }} | {{ amount|floatformat:"2g" }}')

    def render(self, language, moment):
        with translation.override(language):
            return self.TEMPLATE.render(Context({"moment": moment, "amount": 1234.5}))

    def test_dates_times_and_numbers_in_dutch_and_english_in_amsterdam_time(self):
        winter = datetime.datetime(2023, 12, 11, 9, 30, tzinfo=datetime.UTC)
        summer = datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.UTC)
        self.assertEqual(self.render("nl", winter), "11 december 2023 10:30 | 1.234,50")
        self.assertEqual(self.render("en", winter), "11 December 2023 10:30 | 1,234.50")
        self.assertEqual(self.render("nl", summer), "1 juli 2026 11:30 | 1.234,50")


class MachineTranslationTest(TestCase):
    def test_off_by_default(self):
        self.assertIsNone(get_machine_translator())

    def test_deepl_from_the_environment(self):
        config = machine_translator_from_env(
            {"DEEPL_API_KEY": "secret:fx", "DEEPL_FORMALITY": "prefer_less"}
        )
        self.assertEqual(config["OPTIONS"], {"AUTH_KEY": "secret:fx", "FORMALITY": "prefer_less"})
        with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=config):
            translator = get_machine_translator()
        self.assertEqual(type(translator).__name__, "DeepLTranslator")
        self.assertIn("api-free.deepl.com", translator.get_api_endpoint())
        self.assertTrue(translator.can_translate(locale("nl"), locale("en")))

    def test_empty_key_keeps_it_off(self):
        self.assertIsNone(machine_translator_from_env({"DEEPL_API_KEY": " "}))
