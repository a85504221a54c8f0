import csv
import io
import re

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.template import Context, Template
from django.test import RequestFactory, TestCase, override_settings
from django.utils import translation
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from activities.models import ActivityPage
from activities.nearby import NEAREST_FIRST_PROBES_KM
from activities.opendata import OPEN_DATA_FIELDS
from activities.overview import OVERVIEW_PAGE_SIZE
from core.provinces import Province
from core.target_groups import TargetGroup
from tests.factories import (
    add_live_activities,
    amsterdam_time,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
)
from tests.maps import markers_shown
from tests.queries import assert_flat_query_count

# Script elements that hold data, never run: the map's markers, the page's JSON-LD.
DATA_BLOCK_TYPES = ("application/json", "application/ld+json")
PRIVATE_WORDS = ("email", "phone", "submitter", "owner", "contact")
TEAM_ADDRESS = "geheim-team@example.org"


class OverviewFixture(WagtailPageTestCase):
    """Five published activities that differ in every filter, one draft, one other edition."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        index = make_edition_index(home)
        cls.edition = make_edition(index, 2026)
        other_edition = make_edition(index, 2025, start=(12, 8), end=(12, 12))
        team = make_team(make_team_index(home), contact_email=TEAM_ADDRESS)
        cls.zwolle = make_activity(cls.edition, "Koffie in Zwolle", team=team)
        cls.utrecht = make_activity(
            cls.edition,
            "Maaltijd in Utrecht",
            **on_day(8),
            postcode="3531 CK",
            city="Utrecht",
            province=Province.UTRECHT,
            kind=ActivityPage.Kind.MEAL,
            target_group=TargetGroup.ELDERLY,
            cost=ActivityPage.Cost.PAID,
            price="€ 5",
            latitude="52.09083",
            longitude="5.12222",
        )
        cls.online = make_activity(
            cls.edition,
            "Online verhalenavond",
            **on_day(9),
            is_online=True,
            location_name="",
            street_address="",
            postcode="",
            city="",
            province="",
            kind=ActivityPage.Kind.WORKSHOP,
        )
        cls.zwolle_meal = make_activity(
            cls.edition,
            "Soep in Zwolle-Zuid",
            **on_day(8, hour=19),
            postcode="8011 AB",
            kind=ActivityPage.Kind.MEAL,
            target_group=TargetGroup.NEIGHBOURS,
        )
        cls.amsterdam = make_activity(
            cls.edition,
            "Bloemen in Amsterdam",
            **on_day(11),
            postcode="1094 HJ",
            city="Amsterdam",
            province=Province.NOORD_HOLLAND,
            kind=ActivityPage.Kind.SMALL_GESTURE,
        )
        make_activity(cls.edition, "Nog niet gepubliceerd", live=False)
        make_activity(other_edition, "Vorig jaar in Zwolle")

    def overview_url(self, suffix=""):
        return f"{self.edition.url}activiteiten/{suffix}"

    def listed(self, **params):
        response = self.client.get(self.overview_url(), params)
        self.assertEqual(response.status_code, 200)
        return {activity.title for activity in response.context["activities"]}


def on_day(day, hour=14):
    return {
        "starts_at": amsterdam_time(2026, 12, day, hour),
        "ends_at": amsterdam_time(2026, 12, day, hour + 2),
    }


ALL_TITLES = {
    "Koffie in Zwolle",
    "Maaltijd in Utrecht",
    "Online verhalenavond",
    "Soep in Zwolle-Zuid",
    "Bloemen in Amsterdam",
}


class OverviewFilterTest(OverviewFixture):
    def test_without_filters_all_published_activities_of_this_edition_in_date_order(self):
        response = self.client.get(self.overview_url())
        titles = [activity.title for activity in response.context["activities"]]
        self.assertEqual(
            titles,
            [
                "Koffie in Zwolle",
                "Maaltijd in Utrecht",
                "Soep in Zwolle-Zuid",
                "Online verhalenavond",
                "Bloemen in Amsterdam",
            ],
        )
        self.assertContains(response, "5 activiteiten")

    def test_latest_first(self):
        response = self.client.get(self.overview_url(), {"sort": "latest"})
        titles = [activity.title for activity in response.context["activities"]]
        self.assertEqual(titles[0], "Bloemen in Amsterdam")
        self.assertEqual(titles[-1], "Koffie in Zwolle")

    def test_each_filter_alone(self):
        cases = [
            ({"province": "overijssel"}, {"Koffie in Zwolle", "Soep in Zwolle-Zuid"}),
            ({"place": "zwolle"}, {"Koffie in Zwolle", "Soep in Zwolle-Zuid"}),
            ({"place": "  Utrecht "}, {"Maaltijd in Utrecht"}),
            ({"place": "80"}, {"Koffie in Zwolle", "Soep in Zwolle-Zuid"}),
            ({"place": "35"}, {"Maaltijd in Utrecht"}),
            ({"day": "2026-12-08"}, {"Maaltijd in Utrecht", "Soep in Zwolle-Zuid"}),
            ({"kind": "meal"}, {"Maaltijd in Utrecht", "Soep in Zwolle-Zuid"}),
            ({"target_group": "elderly"}, {"Maaltijd in Utrecht"}),
            ({"free": "on"}, ALL_TITLES - {"Maaltijd in Utrecht"}),
            ({"online": "yes"}, {"Online verhalenavond"}),
            ({"online": "no"}, ALL_TITLES - {"Online verhalenavond"}),
        ]
        for params, expected in cases:
            with self.subTest(params=params):
                self.assertEqual(self.listed(**params), expected)

    def test_filters_combine(self):
        self.assertEqual(self.listed(place="zwolle", kind="meal"), {"Soep in Zwolle-Zuid"})
        self.assertEqual(self.listed(day="2026-12-08", free="on"), {"Soep in Zwolle-Zuid"})
        self.assertEqual(
            self.listed(province="overijssel", day="2026-12-08", target_group="neighbours"),
            {"Soep in Zwolle-Zuid"},
        )
        self.assertEqual(self.listed(province="utrecht", free="on"), set())

    def test_no_match_says_so(self):
        response = self.client.get(self.overview_url(), {"province": "zeeland"})
        self.assertContains(response, "Geen activiteit")

    def test_day_filter_offers_the_days_of_the_week(self):
        response = self.client.get(self.overview_url())
        self.assertContains(response, '<option value="2026-12-07">maandag 7 december</option>')
        self.assertContains(response, '<option value="2026-12-11">vrijdag 11 december</option>')
        self.assertNotContains(response, 'value="2026-12-12"')

    def test_form_keeps_the_chosen_filters(self):
        response = self.client.get(self.overview_url(), {"kind": "meal", "province": "nope"})
        self.assertContains(response, '<option value="meal" selected>')
        self.assertEqual(response.context["filter_query"], "kind=meal")

    def test_bad_values_are_dropped_and_never_raise(self):
        bad_values = [
            {"province": "atlantis", "kind": "<script>alert(1)</script>"},
            {"day": "2026-13-45", "sort": "sideways", "online": "maybe"},
            {"day": "9" * 400, "page": "9" * 400, "place": "x" * 5000},
            {"page": "-1", "target_group": "1e309"},
            {"place": "Zwolle\x00", "day": "\x00"},
            {"place": "Ærøskøbing 東京 🚲", "province": "Fryslân"},
            {"province[]": "utrecht", "kind[]": "meal"},
        ]
        for params in bad_values:
            with self.subTest(params=params):
                response = self.client.get(self.overview_url(), params)
                self.assertEqual(response.status_code, 200)
                for suffix in ("ics/", "json/", "csv/"):
                    export = self.client.get(self.overview_url(suffix), params)
                    self.assertEqual(export.status_code, 200)
        self.assertEqual(self.listed(province="atlantis", kind="meal"), self.listed(kind="meal"))

    def test_a_repeated_parameter_uses_one_value_and_does_not_raise(self):
        response = self.client.get(self.overview_url() + "?province=utrecht&province=overijssel")
        self.assertEqual(response.status_code, 200)
        titles = {activity.title for activity in response.context["activities"]}
        self.assertEqual(titles, {"Koffie in Zwolle", "Soep in Zwolle-Zuid"})

    def test_every_activity_has_an_add_to_calendar_link(self):
        response = self.client.get(self.overview_url())
        self.assertEqual(response.content.decode().count("Zet in je agenda"), 5)
        self.assertContains(response, f'href="{self.zwolle.url}ics/"')

    def test_map_view_fetches_its_markers_and_runs_no_inline_script(self):
        response = self.client.get(self.overview_url(), {"view": "map", "province": "utrecht"})
        content = response.content.decode()
        map_url = f"{self.edition.url}activiteiten/map/?province=utrecht"
        self.assertEqual(response.context["map_markers_url"], map_url)
        self.assertIn(f'data-markers-url="{map_url}"', content)
        self.assertNotIn("52.09083", content)
        self.assertIn("/static/vendor/leaflet/leaflet.js", content)
        self.assertIn("/static/activities/map.js", content)
        scripts = re.findall(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", content, re.S)
        for attrs, body in scripts:
            data_block = any(f'type="{kind}"' in attrs for kind in DATA_BLOCK_TYPES)
            self.assertTrue(data_block or not body.strip(), attrs)
        self.assertNotRegex(content, r"\son[a-z]+=")
        markers = markers_shown(self.client, response)
        self.assertEqual([(m["url"], m["lat"]) for m in markers], [(self.utrecht.url, 52.09083)])

    def test_map_uses_the_configured_tile_server_or_says_it_has_none(self):
        params = {"view": "map"}
        response = self.client.get(self.overview_url(), params)
        self.assertContains(response, 'data-tile-url=""')
        self.assertContains(response, "De kaart toont de provincies van Nederland")
        tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
        with self.settings(ACTIVITY_MAP_TILE_URL=tiles, ACTIVITY_MAP_ATTRIBUTION="© Voorbeeld"):
            response = self.client.get(self.overview_url(), params)
        self.assertContains(response, f'data-tile-url="{tiles}"')
        self.assertContains(response, 'data-attribution="© Voorbeeld"')
        self.assertNotContains(response, "De kaart toont de provincies van Nederland")

    def test_coordinates_come_in_pairs(self):
        self.zwolle.latitude = "52.51250"
        with self.assertRaises(ValidationError) as raised:
            self.zwolle.full_clean()
        self.assertIn("longitude", raised.exception.message_dict)

    def test_list_view_loads_no_map(self):
        response = self.client.get(self.overview_url())
        self.assertNotContains(response, "leaflet.js")
        self.assertNotContains(response, "data-markers-url")

    def test_interface_is_in_dutch(self):
        response = self.client.get(self.overview_url())
        self.assertContains(response, "<h1>Alle activiteiten</h1>", html=True)
        self.assertContains(response, "Alleen gratis")


class CalendarExportTest(OverviewFixture):
    def parse(self, response):
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/calendar"))
        self.assertIn("attachment;", response["Content-Disposition"])
        return Calendar.from_ical(response.content)

    def uids_in_list(self, params):
        content = self.client.get(self.overview_url(), params).content.decode()
        return set(re.findall(r'data-calendar-uid="([^"]+)"', content))

    def uids_in_feed(self, params):
        calendar = self.parse(self.client.get(self.overview_url("ics/"), params))
        return {str(event["UID"]) for event in calendar.walk("VEVENT")}

    def test_feed_holds_exactly_the_filtered_activities(self):
        for params in (
            {},
            {"province": "overijssel"},
            {"day": "2026-12-08", "free": "on"},
            {"online": "yes"},
            {"province": "zeeland"},
        ):
            with self.subTest(params=params):
                in_list = self.uids_in_list(params)
                self.assertEqual(self.uids_in_feed(params), in_list)
                self.assertEqual(len(in_list), len(self.listed(**params)))

    def test_feed_validates_with_amsterdam_times_and_stable_uids(self):
        calendar = self.parse(self.client.get(self.overview_url("ics/")))
        self.assertEqual(calendar["VERSION"], "2.0")
        self.assertEqual(
            [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")], ["Europe/Amsterdam"]
        )
        event = next(e for e in calendar.walk("VEVENT") if e["SUMMARY"] == "Koffie in Zwolle")
        self.assertEqual(event["DTSTART"].params["TZID"], "Europe/Amsterdam")
        self.assertEqual(event.decoded("DTSTART"), amsterdam_time(2026, 12, 7, 14))
        self.assertEqual(event.decoded("DTEND"), amsterdam_time(2026, 12, 7, 16))
        self.assertEqual(str(event["UID"]), self.zwolle.calendar_uid())
        self.assertIn("Assendorperstraat 12", event["LOCATION"])
        self.assertTrue(str(event["URL"]).endswith(self.zwolle.url))
        self.assertNotIn(TEAM_ADDRESS, response_text(self.client.get(self.overview_url("ics/"))))

    def test_uid_survives_an_edit(self):
        before = self.zwolle.calendar_uid()
        self.zwolle.title = "Koffie en koek in Zwolle"
        self.zwolle.save_revision().publish()
        self.assertEqual(self.uids_in_feed({"place": "zwolle", "kind": "meeting"}), {before})

    def test_download_of_one_activity(self):
        calendar = self.parse(self.client.get(f"{self.online.url}ics/"))
        events = calendar.walk("VEVENT")
        self.assertEqual([str(event["UID"]) for event in events], [self.online.calendar_uid()])
        self.assertEqual(events[0]["LOCATION"], "Online")
        self.assertNotIn("GEO", events[0])

    def test_activity_page_links_to_its_download(self):
        response = self.client.get(self.utrecht.url)
        self.assertContains(response, f'href="{self.utrecht.url}ics/"')


def response_text(response):
    return response.content.decode()


class OpenDataTest(OverviewFixture):
    def json(self, **params):
        response = self.client.get(self.overview_url("json/"), params)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def csv_rows(self, **params):
        response = self.client.get(self.overview_url("csv/"), params)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/csv"))
        return list(csv.DictReader(io.StringIO(response.content.decode())))

    def test_json_honours_the_filters(self):
        for params in ({}, {"province": "overijssel"}, {"kind": "meal", "free": "on"}):
            with self.subTest(params=params):
                data = self.json(**params)
                titles = {row["title"] for row in data["results"]}
                self.assertEqual(titles, self.listed(**params))
                self.assertEqual(data["count"], len(titles))

    def test_csv_honours_the_filters(self):
        for params in ({}, {"place": "80"}, {"online": "yes"}):
            with self.subTest(params=params):
                titles = {row["title"] for row in self.csv_rows(**params)}
                self.assertEqual(titles, self.listed(**params))

    def test_only_whitelisted_public_fields(self):
        row = next(r for r in self.json()["results"] if r["title"] == "Koffie in Zwolle")
        self.assertEqual(tuple(row), OPEN_DATA_FIELDS)
        self.assertEqual(row["team"], "Buurtteam De Brug")
        self.assertEqual(row["starts_at"], "2026-12-07T14:00:00+01:00")
        csv_header = self.csv_rows()[0].keys()
        self.assertEqual(tuple(csv_header), OPEN_DATA_FIELDS)
        for name in OPEN_DATA_FIELDS:
            for word in PRIVATE_WORDS:
                self.assertNotIn(word, name)
        for suffix in ("json/", "csv/", "ics/"):
            export = self.client.get(self.overview_url(suffix))
            self.assertNotIn(TEAM_ADDRESS, response_text(export))

    def test_coordinates_are_numbers(self):
        row = self.json(province="utrecht")["results"][0]
        self.assertEqual((row["latitude"], row["longitude"]), (52.09083, 5.12222))

    def test_csv_cells_cannot_become_formulas(self):
        self.zwolle.title = "=HYPERLINK(1)"
        self.zwolle.save_revision().publish()
        titles = {row["title"] for row in self.csv_rows(kind="meeting")}
        self.assertEqual(titles, {"'=HYPERLINK(1)"})

    def test_json_paginates_with_links(self):
        data = self.json(page="2")
        self.assertEqual((data["page"], data["pages"], data["next"]), (1, 1, None))


@override_settings(PAGE_CACHE_ENABLED=True)
class OverviewCardCacheTest(OverviewFixture):
    """Each activity's card is rendered once per cache generation and language and reused by
    every filtered list (core_tags.include_card)."""

    def test_another_filtered_list_reuses_the_rendered_card(self):
        self.client.get(self.overview_url())
        # A write without Wagtail's signals does not move the cache on, so the old card shows.
        ActivityPage.objects.filter(pk=self.utrecht.pk).update(title="Stil hernoemd")
        response = self.client.get(self.overview_url(), {"province": "utrecht"})
        self.assertContains(response, "Maaltijd in Utrecht")
        self.assertNotContains(response, "Stil hernoemd")

    def test_a_published_change_shows_in_every_list_at_once(self):
        self.client.get(self.overview_url())
        activity = ActivityPage.objects.get(pk=self.utrecht.pk)
        activity.title = "Maaltijd in de Domstad"
        activity.save_revision().publish()
        response = self.client.get(self.overview_url(), {"province": "utrecht"})
        self.assertContains(response, "Maaltijd in de Domstad")

    def test_each_language_has_its_own_card(self):
        card = Template(
            '{% load core_tags %}{% include_card "activities/includes/activity_item.html" activity %}'
        )
        request = RequestFactory().get("/")
        context = {"activity": self.zwolle, "request": request}
        with translation.override("nl"):
            self.assertIn("Gratis", card.render(Context(context)))
        with translation.override("en"):
            english = card.render(Context(context))
        self.assertIn("Free", english)
        self.assertNotIn("Gratis", english)


class OverviewScaleTest(TestCase):
    """Same queries for 30 and 300 activities; the list is paginated. Larger volumes are for
    `manage.py benchmark_overview`."""

    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)

    def generate(self, count):
        call_command("generate_activities", count, edition=2026, stdout=io.StringIO())

    def assert_flat(self, params, slack=0):
        url = f"{self.edition.url}activiteiten/"
        return assert_flat_query_count(
            self, self.generate, lambda: self.client.get(url, params), n=30, slack=slack
        )

    def test_the_list_makes_as_many_queries_for_30_as_for_300_activities(self):
        response = self.assert_flat({})
        self.assertEqual(response.context["activities"].paginator.count, 300)
        self.assertEqual(len(response.context["activities"]), OVERVIEW_PAGE_SIZE)
        self.assertContains(response, 'rel="next"')

    def test_a_filtered_list_likewise(self):
        self.assert_flat({"free": "on", "online": "no"})

    def test_the_second_page_likewise(self):
        # Unfiltered, so that page 2 exists at both sizes (a missing page shows the last one).
        self.assert_flat({"page": "2"})

    def test_the_map_likewise(self):
        self.assert_flat({"view": "map", "online": "no"})

    def test_a_search_near_a_place_likewise(self):
        self.assert_flat({"place": "3511", "distance": "25", "online_too": "on"})

    def test_any_distance_likewise(self):
        # One query per distance tried before the page is found there: a few, not one per item.
        self.assert_flat(
            {"place": "3511", "distance": "all", "page": "2"}, slack=len(NEAREST_FIRST_PROBES_KM)
        )

    def test_generated_activities_have_coordinates_unless_online(self):
        self.generate(30)
        activities = ActivityPage.objects.child_of(self.edition)
        self.assertFalse(activities.filter(is_online=False, latitude__isnull=True).exists())
        self.assertTrue(activities.filter(latitude__isnull=False).exists())


class EditionCountsTest(OverviewFixture):
    def test_counts_published_activities_teams_places_and_provinces(self):
        response = self.client.get(self.edition.url)
        counts = {"activities": 5, "teams": 1, "places": 3, "provinces": 3}
        self.assertEqual(response.context["activity_counts"], counts)
        self.assertContains(response, "<strong>5</strong> activiteiten", html=True)
        self.assertContains(response, "in <strong>3</strong> plaatsen", html=True)
        self.assertContains(response, f'href="{self.overview_url()}"')

    def test_edition_page_queries_do_not_depend_on_activities(self):
        assert_flat_query_count(
            self,
            lambda count: add_live_activities(self.edition, count),
            lambda: self.client.get(self.edition.url),
        )


class UpcomingActivitiesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        index = make_edition_index(cls.home)
        past = make_edition(index, 2020)
        cls.future = make_edition(index, 2099)
        make_activity(past, "Lang geleden")
        for number, day in enumerate((11, 10, 9, 8, 7, 7, 11)):
            title = f"Later op de {day}e"
            make_activity(cls.future, title, slug=f"later-{number}", **future_day(day))

    def test_home_page_shows_the_next_five_in_date_order(self):
        response = self.client.get("/nl/")
        titles = [activity.title for activity in response.context["upcoming_activities"]]
        self.assertEqual(
            titles,
            [f"Later op de {day}e" for day in (7, 7, 8, 9, 10)],
        )
        self.assertContains(response, "Binnenkort")
        self.assertNotContains(response, "Lang geleden")

    def test_home_page_queries_do_not_depend_on_activities(self):
        assert_flat_query_count(
            self,
            lambda count: add_live_activities(self.future, count, **future_day(9)),
            lambda: self.client.get("/nl/"),
        )


def future_day(day):
    return {
        "starts_at": amsterdam_time(2099, 12, day, 14),
        "ends_at": amsterdam_time(2099, 12, day, 16),
    }
