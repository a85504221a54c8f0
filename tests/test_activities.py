import datetime

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from activities.models import ActivityPage
from core.provinces import Province
from core.target_groups import TargetGroup
from editions.models import EditionIndexPage, EditionPage
from home.models import HomePage
from teams.models import TeamIndexPage, TeamPage
from tests.factories import (
    activity_fields,
    add_live_activities,
    amsterdam_time,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    make_user,
)
from tests.queries import assert_flat_query_count
from tests.two_factor import log_in

UTC = datetime.UTC


def validation_errors(edition, **fields):
    """The field errors of an activity added to `edition`, as the admin form would see them."""
    page = ActivityPage(**activity_fields("Proef", edition, **fields))
    page.edition_for_validation = edition
    try:
        page.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


class PageTreeRulesTest(WagtailPageTestCase):
    def test_activity_lives_only_under_an_edition(self):
        self.assertAllowedParentPageTypes(ActivityPage, {EditionPage})
        self.assertAllowedSubpageTypes(ActivityPage, set())
        self.assertAllowedSubpageTypes(EditionPage, {ActivityPage})
        self.assertCanNotCreateAt(HomePage, ActivityPage)
        self.assertCanNotCreateAt(EditionIndexPage, ActivityPage)

    def test_teams_live_under_one_team_index_under_home(self):
        self.assertAllowedParentPageTypes(TeamIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TeamIndexPage, {TeamPage})
        self.assertAllowedParentPageTypes(TeamPage, {TeamIndexPage})
        self.assertAllowedSubpageTypes(TeamPage, set())
        home = make_home()
        self.assertTrue(TeamIndexPage.can_create_at(home))
        make_team_index(home)
        self.assertFalse(TeamIndexPage.can_create_at(home))


class ScheduleValidationTest(TestCase):
    """The edition of 2026 runs from Monday 7 to Friday 11 December, Amsterdam time (UTC+1)."""

    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(
            make_edition_index(make_home()), 2026, start=(12, 7), end=(12, 11)
        )

    def errors_for(self, starts_at, ends_at, **fields):
        return validation_errors(self.edition, starts_at=starts_at, ends_at=ends_at, **fields)

    def test_from_midnight_on_the_first_day_is_inside(self):
        self.assertEqual(
            self.errors_for(amsterdam_time(2026, 12, 7, 0), amsterdam_time(2026, 12, 7, 1)), {}
        )

    def test_late_evening_on_the_last_day_is_inside(self):
        errors = self.errors_for(
            amsterdam_time(2026, 12, 11, 23, 30), amsterdam_time(2026, 12, 11, 23, 59)
        )
        self.assertEqual(errors, {})

    def test_ending_at_midnight_after_the_last_day_is_inside(self):
        errors = self.errors_for(amsterdam_time(2026, 12, 11, 22), amsterdam_time(2026, 12, 12, 0))
        self.assertEqual(errors, {})

    def test_half_past_midnight_after_the_last_day_is_outside_although_utc_says_last_day(self):
        starts_at = amsterdam_time(2026, 12, 12, 0, 30)
        self.assertEqual(starts_at.astimezone(UTC).date(), datetime.date(2026, 12, 11))
        errors = self.errors_for(starts_at, amsterdam_time(2026, 12, 12, 1, 30))
        self.assertIn("starts_at", errors)
        self.assertIn("ends_at", errors)

    def test_evening_before_the_first_day_is_outside(self):
        errors = self.errors_for(
            amsterdam_time(2026, 12, 6, 23, 30), amsterdam_time(2026, 12, 7, 0, 30)
        )
        self.assertIn("starts_at", errors)
        self.assertNotIn("ends_at", errors)

    def test_half_past_midnight_local_on_the_first_day_is_inside_although_utc_says_day_before(self):
        starts_at = datetime.datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
        errors = self.errors_for(starts_at, starts_at + datetime.timedelta(hours=1))
        self.assertEqual(errors, {})

    def test_half_past_eleven_utc_on_the_last_day_is_outside(self):
        starts_at = datetime.datetime(2026, 12, 11, 23, 30, tzinfo=UTC)
        errors = self.errors_for(starts_at, starts_at + datetime.timedelta(minutes=20))
        self.assertIn("starts_at", errors)

    def test_related_event_may_fall_outside_the_week(self):
        starts_at = amsterdam_time(2026, 12, 19, 14)
        self.assertIn("starts_at", self.errors_for(starts_at, amsterdam_time(2026, 12, 19, 16)))
        errors = self.errors_for(starts_at, amsterdam_time(2026, 12, 19, 16), related_event=True)
        self.assertEqual(errors, {})

    def test_end_must_come_after_start_even_for_related_events(self):
        moment = amsterdam_time(2026, 12, 8, 14)
        self.assertIn("ends_at", self.errors_for(moment, moment))
        errors = self.errors_for(moment, moment - datetime.timedelta(hours=1), related_event=True)
        self.assertIn("ends_at", errors)


class SummerTimeEditionTest(TestCase):
    """An edition around the end of summer time: 25 October 2026 has 25 hours in Amsterdam."""

    @classmethod
    def setUpTestData(cls):
        index = make_edition_index(make_home())
        cls.edition = make_edition(index, 2026, start=(10, 24), end=(10, 25), slug="herfst")

    def errors_for(self, starts_at, ends_at, **fields):
        return validation_errors(self.edition, starts_at=starts_at, ends_at=ends_at, **fields)

    def test_first_midnight_is_in_summer_time(self):
        # 00:15 local on 24 October is 22:15 UTC on the 23rd (UTC+2).
        starts_at = datetime.datetime(2026, 10, 23, 22, 15, tzinfo=UTC)
        self.assertEqual(self.errors_for(starts_at, starts_at + datetime.timedelta(hours=1)), {})
        too_early = datetime.datetime(2026, 10, 23, 21, 45, tzinfo=UTC)
        self.assertIn("starts_at", self.errors_for(too_early, starts_at))

    def test_last_evening_is_in_winter_time(self):
        # 23:30 local on 25 October is 22:30 UTC (UTC+1);
        # 00:30 local on the 26th is 23:30 UTC on the 25th.
        inside = datetime.datetime(2026, 10, 25, 22, 30, tzinfo=UTC)
        self.assertEqual(self.errors_for(inside, inside + datetime.timedelta(minutes=20)), {})
        outside = datetime.datetime(2026, 10, 25, 23, 30, tzinfo=UTC)
        self.assertIn(
            "starts_at", self.errors_for(outside, outside + datetime.timedelta(minutes=20))
        )


class PlaceValidationTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)

    def clean(self, **fields):
        page = ActivityPage(**activity_fields("Proef", self.edition, **fields))
        page.edition_for_validation = self.edition
        page.clean()
        return page

    def assert_rejected(self, field, **fields):
        with self.assertRaises(ValidationError) as raised:
            self.clean(**fields)
        self.assertIn(field, raised.exception.message_dict)

    def test_postcodes_are_normalised(self):
        for given in ("1234 AB", "1234ab", " 1234 ab ", "9999ZZ"):
            with self.subTest(given=given):
                self.assertEqual(self.clean(postcode=given).postcode[:4], given.strip()[:4])
        self.assertEqual(self.clean(postcode="8012dh").postcode, "8012 DH")

    def test_invalid_postcodes_are_rejected(self):
        for given in (
            "0123 AB",
            "123 AB",
            "12345 AB",
            "1234 A",
            "1234-AB",
            "1234 SS",
            "ABCD 12",
            "1234 ÄB",
        ):
            with self.subTest(given=given):
                self.assert_rejected("postcode", postcode=given)

    def test_address_is_required_unless_online(self):
        empty = {"street_address": "", "postcode": "", "city": "", "province": ""}
        with self.assertRaises(ValidationError) as raised:
            self.clean(**empty)
        self.assertEqual(
            set(raised.exception.message_dict), {"street_address", "postcode", "city", "province"}
        )
        self.clean(is_online=True, location_name="", **empty)

    def test_online_activity_with_a_bad_postcode_is_still_rejected(self):
        self.assert_rejected("postcode", is_online=True, postcode="12")

    def test_paid_activity_needs_a_price(self):
        self.assert_rejected("price", cost=ActivityPage.Cost.PAID, price=" ")
        self.clean(cost=ActivityPage.Cost.PAID, price="€ 5 inclusief koffie")


class AdminFormValidationTest(WagtailPageTestCase):
    """The admin checks a new activity against the edition it is being added to."""

    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)

    def setUp(self):
        log_in(self.client, make_user("admin", superuser=True))

    def post_new_activity(self, day):
        url = f"/admin/pages/add/activities/activitypage/{self.edition.pk}/"
        data = {
            "title": "Liftkoffie",
            "slug": "liftkoffie",
            "starts_at": f"2026-12-{day:02d} 14:00",
            "ends_at": f"2026-12-{day:02d} 16:00",
            "location_name": "Flat Middellaan",
            "street_address": "Middellaan 1",
            "postcode": "4835 AB",
            "city": "Breda",
            "province": Province.NOORD_BRABANT,
            "kind": ActivityPage.Kind.MEAL,
            "target_group": TargetGroup.NEIGHBOURS,
            "cost": ActivityPage.Cost.FREE,
        }
        return self.client.post(url, data)

    def test_outside_the_week_is_refused(self):
        response = self.post_new_activity(20)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(ActivityPage.objects.exists())

    def test_inside_the_week_is_saved(self):
        response = self.post_new_activity(8)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(ActivityPage.objects.get().postcode, "4835 AB")


class ActivityPageRenderTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.edition = make_edition(make_edition_index(home), 2026, start=(12, 7), end=(12, 12))
        cls.team = make_team(make_team_index(home), "Buurtteam Zandweerd", place="Deventer")
        cls.activity = make_activity(
            cls.edition,
            "Koffie op de bakfiets",
            team=cls.team,
            starts_at=amsterdam_time(2026, 12, 12, 14),
            ends_at=amsterdam_time(2026, 12, 12, 16),
            wheelchair_accessible=True,
            hearing_loop=True,
            accessibility_notes="Geleidehonden zijn welkom.",
            registration_required=True,
            capacity=12,
        )

    def test_renders_every_fact_in_dutch(self):
        self.assertPageIsRenderable(self.activity)
        response = self.client.get(self.activity.url)
        self.assertContains(response, "zaterdag 12 december 2026, 14:00–16:00")
        self.assertContains(response, "Assendorperstraat 12")
        self.assertContains(response, "8012 DH Zwolle")
        self.assertContains(response, "Rolstoeltoegankelijk")
        self.assertContains(response, "Ringleiding")
        self.assertContains(response, "Geleidehonden zijn welkom.")
        self.assertContains(response, "12 plaatsen")
        self.assertContains(response, f'href="{self.team.url}"')

    def test_renders_the_date_in_english(self):
        with translation.override("en"):
            self.assertEqual(self.activity.period(), "Saturday 12 December 2026, 14:00–16:00")

    def test_activity_spanning_midnight_names_both_days(self):
        activity = ActivityPage(
            starts_at=amsterdam_time(2026, 12, 11, 22), ends_at=amsterdam_time(2026, 12, 12, 1)
        )
        self.assertEqual(
            activity.period(),
            "vrijdag 11 december 2026, 22:00 tot zaterdag 12 december 2026, 01:00",
        )

    def test_online_activity_shows_no_address(self):
        online = make_activity(
            self.edition,
            "Online verhalenavond",
            is_online=True,
            location_name="",
            street_address="",
            postcode="",
            city="",
            province="",
        )
        response = self.client.get(online.url)
        self.assertContains(response, "Online")
        self.assertNotContains(response, "<address>")


class EditionActivitiesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        index = make_edition_index(home)
        cls.edition = make_edition(index, 2026)
        cls.other_edition = make_edition(index, 2025, start=(12, 8), end=(12, 12))
        cls.team = make_team(make_team_index(home))
        make_activity(
            cls.edition,
            "Tweede",
            team=cls.team,
            starts_at=amsterdam_time(2026, 12, 9, 10),
            ends_at=amsterdam_time(2026, 12, 9, 11),
        )
        make_activity(
            cls.edition,
            "Eerste",
            starts_at=amsterdam_time(2026, 12, 8, 10),
            ends_at=amsterdam_time(2026, 12, 8, 11),
        )
        make_activity(cls.edition, "Concept", live=False)
        make_activity(cls.other_edition, "Vorig jaar")

    def test_public_activities_of_the_edition_in_start_order_with_their_teams(self):
        activities = list(ActivityPage.objects.public_of_edition(self.edition))
        self.assertEqual([a.title for a in activities], ["Eerste", "Tweede"])
        self.assertEqual([activity.team for activity in activities], [None, self.team])

    def test_no_query_per_activity_or_team(self):
        """The view restrictions and the activities, the view restrictions and the teams."""

        def teams_of_the_activities():
            return [
                activity.team for activity in ActivityPage.objects.public_of_edition(self.edition)
            ]

        teams = assert_flat_query_count(
            self,
            lambda count: add_live_activities(self.edition, count, team=self.team),
            teams_of_the_activities,
            upper_bound=6,
        )
        self.assertEqual(teams.count(self.team), 31)


@override_settings(LANGUAGE_CODE="nl")
class GenerateActivitiesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_edition_index(make_home())
        cls.edition = make_edition(index, 2026)
        make_edition(index, 2025, start=(12, 8), end=(12, 12))
        make_activity(cls.edition, "Bestaand")

    def generate(self, *args):
        call_command("generate_activities", *args, stdout=open("/dev/null", "w"))

    def test_creates_n_live_valid_activities_in_the_chosen_edition(self):
        self.generate("25", "--edition", "2026")
        generated = (
            ActivityPage.objects.child_of(self.edition)
            .live()
            .filter(slug__startswith="gegenereerd-")
        )
        self.assertEqual(generated.count(), 25)
        self.edition.refresh_from_db()
        self.assertEqual(self.edition.numchild, 26)
        for activity in generated[:5]:
            activity.clean()
            self.assertEqual(self.client.get(activity.url).status_code, 200)
        self.assertEqual(ActivityPage.objects.public_of_edition(self.edition).count(), 26)

    def test_is_additive_and_keeps_the_tree_valid(self):
        self.generate("3", "--edition", "2026")
        self.generate("4", "--edition", "2026")
        self.assertEqual(ActivityPage.objects.child_of(self.edition).count(), 8)
        self.assertEqual(len(set(ActivityPage.objects.values_list("slug", flat=True))), 8)
        from wagtail.models import Page

        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_defaults_to_the_newest_edition(self):
        self.generate("2")
        self.assertEqual(ActivityPage.objects.child_of(self.edition).count(), 3)


class ChoiceLabelTest(TestCase):
    """get_<field>_display() (core.models.BasePage) gives the stored choice's label in the
    active language, and the raw value when it is not one of the choices."""

    def test_label_in_the_active_language_and_unknown_values_as_they_are(self):
        activity = ActivityPage(kind=ActivityPage.Kind.WORKSHOP, province=Province.UTRECHT)
        with translation.override("en"):
            self.assertEqual(activity.get_kind_display(), "Workshop or dialogue session")
        with translation.override("nl"):
            self.assertEqual(activity.get_kind_display(), "Workshop of dialoogsessie")
            self.assertEqual(activity.get_province_display(), "Utrecht")
        activity.kind = "retired-kind"
        self.assertEqual(activity.get_kind_display(), "retired-kind")
