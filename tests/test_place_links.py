"""Place pages are reachable from the activity overview (the place searched around) and from
the site search (a query that names a place), in the visitor's language."""

from tests.factories import make_activity
from tests.test_figures import UTRECHT, FiguresFixture


class PlaceLinksTest(FiguresFixture):
    def promotions(self, language, query):
        response = self.client.get(f"/{language}/search/", {"query": query})
        return [(p.title, p.url) for p in response.context["outcome"].promotions]

    def test_search_finds_the_place_page(self):
        expected = (
            "Week van de Verbinding 2026 in Utrecht",
            f"{self.edition.url}plaatsen/utrecht/",
        )
        self.assertEqual(self.promotions("nl", "Utrecht"), [expected])
        self.assertEqual(self.promotions("nl", "koffie utrecht"), [expected])
        response = self.client.get("/nl/search/", {"query": "utrecht"})
        self.assertContains(response, f'href="{self.edition.url}plaatsen/utrecht/"')
        self.assertContains(response, "2 activiteiten")

    def test_no_place_page_no_result(self):
        self.assertEqual(self.promotions("nl", "Groningen"), [])  # only in 2025
        self.assertEqual(self.promotions("nl", "Nergensdorp"), [])

    def test_search_in_english_finds_the_english_place_page(self):
        self.assertEqual(self.promotions("en", "Utrecht"), [])  # no English activity there
        make_activity(self.english_edition, "Walk in Utrecht", **UTRECHT, slug="walk")
        url = f"{self.english_edition.url}places/utrecht/"
        self.assertEqual([u for _title, u in self.promotions("en", "Utrecht")], [url])

    def test_overview_links_the_place_searched_around(self):
        overview = f"{self.edition.url}activiteiten/"
        response = self.client.get(overview, {"place": "utrecht"})
        self.assertContains(response, f'href="{self.edition.url}plaatsen/utrecht/"')
        response = self.client.get(overview, {"place": "Groningen"})
        self.assertNotContains(response, "plaatsen/groningen/")
