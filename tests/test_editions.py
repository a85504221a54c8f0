import datetime

from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from activities.models import ActivityPage
from editions.models import EditionIndexPage, EditionPage
from home.models import HomePage
from tests import admin_actions as act
from tests.factories import (
    add_partners,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_user,
)
from tests.queries import assert_flat_query_count
from tests.two_factor import log_in


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_lives_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_edition_index_only_under_home(self):
        self.assertAllowedParentPageTypes(EditionIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EditionIndexPage, {EditionPage})

    def test_edition_only_under_edition_index_and_holds_activities(self):
        self.assertAllowedParentPageTypes(EditionPage, {EditionIndexPage})
        self.assertAllowedSubpageTypes(EditionPage, {ActivityPage})
        self.assertCanNotCreateAt(HomePage, EditionPage)

    def test_one_edition_index_per_home(self):
        home = make_home()
        self.assertTrue(EditionIndexPage.can_create_at(home))
        make_edition_index(home)
        self.assertFalse(EditionIndexPage.can_create_at(home))


class EditionValidationTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_edition_index(make_home())
        cls.edition_2025 = make_edition(cls.index, 2025, start=(12, 8), end=(12, 12))

    def build(self, year, start, end):
        return EditionPage(
            title=f"Editie {year}",
            slug=f"editie-{year}",
            year=year,
            start_date=start,
            end_date=end,
            locale=self.index.locale,
        )

    def test_valid_edition_passes(self):
        self.build(2026, datetime.date(2026, 12, 7), datetime.date(2026, 12, 11)).clean()

    def test_end_before_start_is_rejected(self):
        edition = self.build(2026, datetime.date(2026, 12, 11), datetime.date(2026, 12, 7))
        with self.assertRaises(ValidationError) as raised:
            edition.clean()
        self.assertIn("end_date", raised.exception.message_dict)

    def test_one_day_edition_is_allowed(self):
        day = datetime.date(2026, 12, 7)
        self.build(2026, day, day).clean()

    def test_dates_must_fall_in_the_year(self):
        edition = self.build(2026, datetime.date(2026, 12, 28), datetime.date(2027, 1, 2))
        with self.assertRaises(ValidationError) as raised:
            edition.clean()
        self.assertIn("end_date", raised.exception.message_dict)
        self.assertNotIn("start_date", raised.exception.message_dict)

    def test_second_edition_for_the_same_year_is_rejected(self):
        duplicate = self.build(2025, datetime.date(2025, 12, 1), datetime.date(2025, 12, 5))
        with self.assertRaises(ValidationError) as raised:
            duplicate.clean()
        self.assertIn("year", raised.exception.message_dict)

    def test_saving_an_existing_edition_again_is_fine(self):
        edition = EditionPage.objects.get(pk=self.edition_2025.pk)
        edition.theme = "Samen doen"
        edition.clean()

    def test_edition_is_served_at_its_dutch_url(self):
        self.assertEqual(self.edition_2025.url, "/nl/edities/2025/")
        self.assertPageIsRenderable(self.edition_2025)
        self.assertEqual(self.client.get("/nl/edities/2025/").status_code, 200)


class EditionPageRenderTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_edition_index(make_home())
        cls.edition = make_edition(cls.index, 2025, start=(12, 8), end=(12, 12))

    def test_shows_dates_theme_hashtag_in_dutch(self):
        response = self.client.get(self.edition.url)
        self.assertContains(response, "8 december")
        self.assertContains(response, "12 december 2025")
        self.assertContains(response, "Simpel met Impact")
        self.assertContains(response, "#WeekvandeVerbinding2025")

    def test_lists_partners_in_editor_order(self):
        add_partners(self.edition, 3)
        response = self.client.get(self.edition.url)
        content = response.content.decode()
        positions = [content.index(f"Partner {n}") for n in range(3)]
        self.assertEqual(positions, sorted(positions))

    def test_query_count_does_not_grow_with_partners(self):
        response = assert_flat_query_count(
            self,
            lambda count: add_partners(self.edition, count),
            lambda: self.client.get(self.edition.url),
        )
        self.assertContains(response, '<li class="partner">', count=30)

    def test_index_lists_editions_newest_first(self):
        make_edition(self.index, 2023, start=(12, 11), end=(12, 16))
        response = self.client.get(self.index.url)
        content = response.content.decode()
        self.assertLess(
            content.index("Week van de Verbinding 2025"),
            content.index("Week van de Verbinding 2023"),
        )


class UnusableDatesInTheAdminTest(WagtailPageTestCase):
    """Dates the site cannot work with (Python's dates end at the years 1 and 9999) are refused
    on their field in the page editor, Wagtail's scheduled publishing included."""

    UNSUPPORTED = "Vul een datum in tussen de jaren 2000 en 2100."

    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)
        cls.activity = make_activity(cls.edition)
        cls.superuser = make_user("admin", superuser=True)

    def refused_fields(self, page, **changes):
        data = act.cached_form_data(self, act.edit_url(page), **changes, **{"action-publish": "1"})
        log_in(self.client, self.superuser)
        response = self.client.post(act.edit_url(page), data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        return {field for field, messages in errors.items() if self.UNSUPPORTED in messages}

    def test_edition_dates_and_scheduled_publishing(self):
        far = {
            "start_date": "9999-12-01",
            "end_date": "9999-12-31",
            "go_live_at": "0001-01-01 00:00",
        }
        self.assertEqual(self.refused_fields(self.edition, **far), set(far))
        self.assertEqual(EditionPage.objects.get(pk=self.edition.pk).end_date.year, 2026)

    def test_a_related_event_in_the_year_one(self):
        starts = {"starts_at": "0001-01-01 00:00", "related_event": "on"}
        self.assertEqual(self.refused_fields(self.activity, **starts), {"starts_at"})
        self.assertEqual(ActivityPage.objects.get(pk=self.activity.pk).starts_at.year, 2026)
