import datetime
from unittest import mock

from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase

from editions.models import EditionPage
from tests.factories import make_edition, make_edition_index, make_home
from tests.queries import assert_flat_query_count


def visiting_on(day):
    return mock.patch.object(timezone, "localdate", return_value=day)


class CurrentEditionTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        index = make_edition_index(cls.home)
        cls.e2025 = make_edition(index, 2025, start=(12, 8), end=(12, 12))
        cls.e2026 = make_edition(index, 2026, start=(12, 7), end=(12, 11))

    def current(self, day):
        return EditionPage.current_for_locale(Locale.get_default(), today=day)

    def test_in_november_the_coming_edition(self):
        self.assertEqual(self.current(datetime.date(2026, 11, 25)), self.e2026)

    def test_during_the_week_the_running_edition(self):
        for day in (datetime.date(2026, 12, 7), datetime.date(2026, 12, 11)):
            self.assertEqual(self.current(day), self.e2026)
            self.assertEqual(self.e2026.status(day), "running")

    def test_day_after_the_week_with_no_next_edition_shows_the_last_one(self):
        self.assertEqual(self.current(datetime.date(2026, 12, 12)), self.e2026)
        self.assertEqual(self.e2026.status(datetime.date(2026, 12, 12)), "past")

    def test_in_january_before_the_next_edition_is_planned(self):
        self.assertEqual(self.current(datetime.date(2027, 1, 3)), self.e2026)

    def test_in_january_after_the_next_edition_is_planned(self):
        make_edition(self.e2026.get_parent(), 2027, start=(12, 6), end=(12, 10))
        self.assertEqual(self.current(datetime.date(2027, 1, 3)).year, 2027)

    def test_between_editions_the_next_not_the_last(self):
        self.assertEqual(self.current(datetime.date(2026, 1, 15)), self.e2026)

    def test_unpublished_edition_is_never_current(self):
        self.e2026.unpublish()
        self.assertEqual(self.current(datetime.date(2026, 11, 25)), self.e2025)

    def test_days_until_start(self):
        self.assertEqual(self.e2026.days_until_start(datetime.date(2026, 11, 25)), 12)
        self.assertEqual(self.e2026.days_until_start(datetime.date(2026, 12, 9)), 0)


class HomePageRenderTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = make_edition_index(cls.home)
        make_edition(cls.index, 2025, start=(12, 8), end=(12, 12))
        make_edition(cls.index, 2026, start=(12, 7), end=(12, 11))

    def test_root_redirects_to_dutch_home(self):
        response = self.client.get("/", headers={"accept-language": "nl"})
        self.assertRedirects(response, "/nl/", fetch_redirect_response=False)

    def test_upcoming_edition_with_countdown(self):
        with visiting_on(datetime.date(2026, 11, 25)):
            response = self.client.get("/nl/")
        self.assertContains(response, "Week van de Verbinding 2026")
        self.assertContains(response, "7 december")
        self.assertContains(response, "#WeekvandeVerbinding2026")
        self.assertContains(response, "12 dagen")

    def test_during_the_week_no_countdown(self):
        with visiting_on(datetime.date(2026, 12, 8)):
            response = self.client.get("/nl/")
        self.assertContains(response, "Week van de Verbinding 2026")
        self.assertNotContains(response, 'class="countdown"')

    def test_menu_is_built_from_the_page_tree(self):
        response = self.client.get("/nl/")
        self.assertContains(response, 'href="/nl/edities/"')

    def test_query_count_does_not_grow_with_editions(self):
        years = iter(range(2030, 2040))

        def add_editions(count):
            for _ in range(count):
                make_edition(self.index, next(years))

        assert_flat_query_count(self, add_editions, lambda: self.client.get("/nl/"), n=1)

    def test_unknown_page_gives_a_helpful_404(self):
        response = self.client.get("/nl/bestaat-niet/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Zoek", status_code=404)
