"""Addresses below a page are in the page's language: /en/.../activities/, /nl/.../activiteiten/.
The Dutch segments keep answering on English pages, and filter addresses from before a rename
keep answering too, each with a permanent redirect."""

from urllib.parse import parse_qs, urlsplit

from django.test import TestCase

from tests.factories import make_activity, make_edition, make_edition_index, make_home
from tests.factories_ideas import make_idea_index
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


class OldFilterParametersTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.ideas = make_idea_index(home)
        cls.edition = make_edition(make_edition_index(home), 2026)

    def assert_redirects_to_query(self, address, path, query):
        response = self.client.get(address)
        self.assertEqual(response.status_code, 301)
        location = urlsplit(response["Location"])
        self.assertEqual((location.path, parse_qs(location.query)), (path, query))

    def test_the_toolkit_filter_on_organisers_was_called_audience(self):
        self.assert_redirects_to_query(
            f"{self.ideas.url}?audience=onderwijs&cost=free&page=2",
            self.ideas.url,
            {"organiser": ["onderwijs"], "cost": ["free"], "page": ["2"]},
        )

    def test_the_target_group_families_is_children_and_families(self):
        self.assert_redirects_to_query(
            f"{self.ideas.url}?target_group=families",
            self.ideas.url,
            {"target_group": ["children"]},
        )
        response = self.client.get(f"{self.ideas.url}?target_group=children")
        self.assertEqual(response.status_code, 200)

    def test_the_activity_filter_on_target_groups_was_called_audience(self):
        for export in EXPORTS:
            with self.subTest(export=export):
                address = f"{self.edition.url}activiteiten/{export}"
                self.assert_redirects_to_query(
                    f"{address}?audience=elderly&province=utrecht",
                    address,
                    {"target_group": ["elderly"], "province": ["utrecht"]},
                )
