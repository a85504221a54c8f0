"""The demo content ships with English translations that translators can keep working on."""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from editions.models import EditionPage
from home.models import HomePage
from tests.demo import DemoSiteTestCase

MINIMUM_TRANSLATED_IDEAS = 10


class DemoTranslationsTest(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.dutch = Locale.objects.get(language_code="nl")
        cls.english = Locale.objects.get(language_code="en")

    def translated_pairs(self):
        for page in Page.objects.live().filter(locale=self.dutch, depth__gt=1).specific():
            english = page.get_translation_or_none(self.english)
            if english is not None:
                yield page, english.specific

    def test_home_and_current_edition_are_translated(self):
        translated = {type(page) for page, _english in self.translated_pairs()}
        self.assertIn(HomePage, translated)
        edition_en = EditionPage.objects.get(locale=self.english)
        self.assertEqual(edition_en.year, 2026)
        self.assertEqual(edition_en.theme, "Simple with Impact")

    def test_every_translated_page_answers_in_english(self):
        pairs = list(self.translated_pairs())
        self.assertGreaterEqual(len(pairs), 3)
        for dutch, english in pairs:
            with self.subTest(page=dutch.url):
                self.assertTrue(english.live)
                response = self.client.get(english.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, '<html lang="en">')
                self.assertContains(response, f'hreflang="nl" href="http://testserver{dutch.url}"')

    def test_translations_are_wagtail_localize_translations_without_gaps(self):
        for dutch, _english in self.translated_pairs():
            with self.subTest(page=dutch.url):
                source = TranslationSource.objects.get_for_instance(dutch)
                self.assertTrue(
                    Translation.objects.filter(
                        source=source, target_locale=self.english, enabled=True
                    ).exists()
                )
                missing = StringSegment.objects.filter(source=source).annotate_translation(
                    self.english
                )
                self.assertFalse(missing.filter(translation__isnull=True).exists())

    def test_english_home_links_to_english_pages(self):
        home_en = HomePage.objects.get(locale=self.english)
        edition_en = EditionPage.objects.get(locale=self.english)
        content = self.client.get(home_en.url).content.decode()
        self.assertIn(f'class="button button--large" href="{edition_en.url}"', content)
        self.assertNotIn('class="button button--large" href="/nl/', content)

    def test_ideas_are_translated(self):
        pairs = self.translated_pairs()
        ideas = [page for page, _english in pairs if page._meta.app_label == "ideas"]
        self.assertGreaterEqual(len(ideas), MINIMUM_TRANSLATED_IDEAS)

    def test_english_ideas_use_english_themes_and_organisers(self):
        for _dutch, english in self.translated_pairs():
            if english._meta.app_label != "ideas" or not hasattr(english, "themes"):
                continue
            with self.subTest(page=english.url):
                linked = [*english.themes.all(), *english.organisers.all()]
                self.assertTrue(linked)
                self.assertEqual({item.locale_id for item in linked}, {self.english.id})
