"""Addresses below a page are in the page's language: /en/.../activities/, /nl/.../activiteiten/.
The Dutch segments keep answering on English pages, with a permanent redirect."""

from django.test import TestCase

from tests.factories import make_activity
from tests.test_i18n import english
from tests.translation_helpers import make_bilingual_site

EXPORTS = ("", "ics/", "json/", "csv/")


class TranslatedSegmentsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_bilingual_site(cls, translate=english)
        make_activity(cls.edition)

    def test_english_pages_answer_on_english_segments(self):
        for export in EXPORTS:
            with self.subTest(export=export):
                response = self.client.get(f"{self.edition_en.url}activities/{export}")
                self.assertEqual(response.status_code, 200)

    def test_dutch_pages_keep_their_dutch_segments(self):
        for export in EXPORTS:
            with self.subTest(export=export):
                response = self.client.get(f"{self.edition.url}activiteiten/{export}")
                self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get(f"{self.edition.url}activities/").status_code, 404)

    def test_dutch_segments_on_english_pages_redirect_with_the_filters(self):
        for export in EXPORTS:
            with self.subTest(export=export):
                response = self.client.get(
                    f"{self.edition_en.url}activiteiten/{export}?province=utrecht&utm_source=x"
                )
                self.assertRedirects(
                    response,
                    f"{self.edition_en.url}activities/{export}?province=utrecht",
                    status_code=301,
                    fetch_redirect_response=False,
                )

    def test_links_on_english_pages_use_english_segments(self):
        for address in (self.edition_en.url, f"{self.edition_en.url}activities/"):
            with self.subTest(address=address):
                content = self.client.get(address).content.decode()
                self.assertIn(f'href="{self.edition_en.url}activities/', content)
                self.assertNotIn("activiteiten/", content)
        dutch = self.client.get(self.edition.url).content.decode()
        self.assertIn(f'href="{self.edition.url}activiteiten/"', dutch)
