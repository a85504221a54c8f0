"""Finding activities near a place: the where filter of the overview and its exports, nearest
first with the distance, activities not located yet, online ones on request, and the map that
says how many of the listed activities it cannot show."""

import csv
import io
import json
from pathlib import Path
from unittest import mock

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import override_settings
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from core.provinces import Province
from places.maps import OUTLINE_PATH
from tests.factories import ONLINE, make_activity, make_edition, make_edition_index, make_home
from tests.maps import markers_shown

UTRECHT = {"city": "Utrecht", "province": Province.UTRECHT}
# Distances from the point of postcode 3511 (Utrecht, 52.09083 N 5.12222 E), worked out by hand
# with the spherical law of cosines (R = 6371.0088 km).
BY_THE_DOM, ZEIST, AMERSFOORT, AMSTERDAM = 0.056, 7.498, 19.652, 35.248


def placed(latitude, longitude, postcode, **fields):
    return {"latitude": latitude, "longitude": longitude, "postcode": postcode, **fields}


class NearbyFixture(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)
        make_activity(
            cls.edition,
            "Wandelen in Amersfoort",
            **placed("52.15611", "5.38972", "3811 AG", city="Amersfoort", province="utrecht"),
        )
        make_activity(
            cls.edition, "Koffie bij de Dom", **placed("52.09073", "5.12142", "3512 JE", **UTRECHT)
        )
        make_activity(
            cls.edition,
            "Markt in Amsterdam",
            **placed("52.37403", "4.88969", "1012 JS", city="Amsterdam", province="noord-holland"),
        )
        make_activity(
            cls.edition, "Soep in Zeist", **placed("52.08917", "5.23194", "3701 AB", city="Zeist")
        )
        # Sent in a moment ago: its address has not been looked up yet.
        cls.unlocated = make_activity(
            cls.edition,
            "Nog zonder plek",
            postcode="3511 CK",
            street_address="Lijnmarkt 5",
            **UTRECHT,
        )
        make_activity(cls.edition, "Online praten", **ONLINE)

    def url(self, suffix=""):
        return f"{self.edition.url}activiteiten/{suffix}"

    def listed(self, **params):
        response = self.client.get(self.url(), params)
        self.assertEqual(response.status_code, 200)
        return [(a.title, getattr(a, "distance_km", None)) for a in response.context["activities"]]

    def titles(self, **params):
        return [title for title, _km in self.listed(**params)]


class WhereFilterTest(NearbyFixture):
    def test_nearest_first_with_distances_as_worked_out_by_hand(self):
        listed = self.listed(place="3511", distance="all")
        self.assertEqual(
            [title for title, _km in listed],
            [
                "Koffie bij de Dom",
                "Soep in Zeist",
                "Wandelen in Amersfoort",
                "Markt in Amsterdam",
                "Nog zonder plek",  # no coordinates yet: matched by its postcode, listed last
            ],
        )
        distances = [km for _title, km in listed]
        by_hand_distances = (BY_THE_DOM, ZEIST, AMERSFOORT, AMSTERDAM)
        for found, by_hand in zip(distances[:4], by_hand_distances, strict=True):
            self.assertAlmostEqual(found, by_hand, delta=0.01)
        self.assertIsNone(distances[-1])

    def test_every_form_of_the_postcode_finds_the_same(self):
        expected = ["Koffie bij de Dom", "Soep in Zeist", "Nog zonder plek"]
        for place in ("3511", "3511 AB", "3511AB", "3511ab", "Utrecht", "utrecht"):
            with self.subTest(place=place):
                self.assertEqual(self.titles(place=place), expected)

    def test_the_distance_decides(self):
        within_5 = self.titles(place="3511", distance="5")
        self.assertEqual(within_5, ["Koffie bij de Dom", "Nog zonder plek"])
        self.assertEqual(
            self.titles(place="3511", distance="25"),
            ["Koffie bij de Dom", "Soep in Zeist", "Wandelen in Amersfoort", "Nog zonder plek"],
        )

    def test_the_issue_postcode_3500_finds_utrecht(self):
        """ "Activiteiten bij 3500" found nothing: 3500 is a PO box number without an area."""
        self.assertEqual(self.titles(place="3500")[:2], ["Koffie bij de Dom", "Soep in Zeist"])

    def test_a_postcode_area_lists_its_postcodes_nearest_its_middle_first(self):
        titles = self.titles(place="35")
        self.assertEqual(set(titles), {"Koffie bij de Dom", "Nog zonder plek"})
        self.assertEqual(titles[-1], "Nog zonder plek")

    def test_online_activities_only_when_asked(self):
        self.assertNotIn("Online praten", self.titles(place="3511"))
        titles = self.titles(place="3511", online_too="on")
        self.assertEqual(titles[-1], "Online praten")
        self.assertIn("Soep in Zeist", titles)

    def test_distance_shown_on_each_card_in_dutch(self):
        response = self.client.get(self.url(), {"place": "3511 AB"})
        self.assertContains(response, "op 7,5 km")
        self.assertContains(response, "op 0,1 km")
        self.assertContains(response, "Afstanden vanaf 3511 AB.")
        self.assertContains(response, '<option value="" selected>Dichtstbij eerst</option>')

    def test_soonest_first_on_request(self):
        titles = self.titles(place="3511", sort="soonest")
        self.assertEqual(set(titles), {"Koffie bij de Dom", "Soep in Zeist", "Nog zonder plek"})
        self.assertEqual(self.titles(place="3511", sort="latest"), titles[::-1])

    def test_unknown_place_or_wrong_postcode_says_so(self):
        unknown = self.client.get(self.url(), {"place": "Atlantis"})
        self.assertEqual(list(unknown.context["activities"]), [])
        self.assertContains(unknown, "We weten niet waar “Atlantis” ligt")
        wrong = self.client.get(self.url(), {"place": "12345"})
        self.assertEqual(wrong.context["activities"].paginator.count, 6)  # ignored
        self.assertContains(wrong, "geen postcode of plaats die we kennen")

    def test_bad_distances_are_ignored(self):
        for distance in ("7", "-5", "1e309", "all'--", "<b>"):
            with self.subTest(distance=distance):
                self.assertEqual(
                    self.titles(place="3511", distance=distance), self.titles(place="3511")
                )


class WherePagingTest(NearbyFixture):
    """The list near a place counts its matches in the query that finds the page
    (core.pagination.WindowCountPaginator): the same count and pages as before."""

    def page(self, **params):
        return self.client.get(self.url(), params).context["activities"]

    def test_pages_and_count_of_a_search_near_a_place(self):
        near = {"place": "3511", "distance": "25"}
        with mock.patch("activities.overview.OVERVIEW_PAGE_SIZE", 2):
            first, second = self.page(**near), self.page(**near, page="2")
            past_the_end = self.page(**near, page="99")
        self.assertEqual(first.paginator.count, 4)
        self.assertEqual([a.title for a in first], ["Koffie bij de Dom", "Soep in Zeist"])
        self.assertEqual([a.title for a in second], ["Wandelen in Amersfoort", "Nog zonder plek"])
        self.assertEqual((past_the_end.number, past_the_end.paginator.count), (2, 4))
        self.assertEqual([a.title for a in past_the_end], [a.title for a in second])

    def test_nothing_near_a_place(self):
        empty = self.page(place="9999", distance="5")
        self.assertEqual((empty.paginator.count, list(empty)), (0, []))

    def test_the_highest_postcode_area_and_postcode(self):
        # Not located yet: found by its postcode alone.
        make_activity(
            self.edition,
            "Aan de grens",
            postcode="9999 XA",
            street_address="Grensweg 1",
            city="Grens",
            province=Province.GRONINGEN,
        )
        for place in ("99", "9999"):
            with self.subTest(place=place):
                self.assertEqual([a.title for a in self.page(place=place)], ["Aan de grens"])


class WhereInExportsTest(NearbyFixture):
    params = {"place": "3511", "distance": "25"}
    expected = ["Koffie bij de Dom", "Soep in Zeist", "Wandelen in Amersfoort", "Nog zonder plek"]

    def test_json_csv_and_calendar_hold_the_same_in_the_same_order(self):
        self.assertEqual(self.titles(**self.params), self.expected)
        data = self.client.get(self.url("json/"), self.params).json()
        self.assertEqual([row["title"] for row in data["results"]], self.expected)
        rows = csv.DictReader(
            io.StringIO(self.client.get(self.url("csv/"), self.params).content.decode())
        )
        self.assertEqual([row["title"] for row in rows], self.expected)
        calendar = Calendar.from_ical(self.client.get(self.url("ics/"), self.params).content)
        self.assertEqual([str(e["SUMMARY"]) for e in calendar.walk("VEVENT")], self.expected)

    def test_the_export_links_keep_the_where_filter(self):
        response = self.client.get(self.url(), {**self.params, "online_too": "on"})
        self.assertContains(
            response, "activiteiten/json/?place=3511&amp;distance=25&amp;online_too=True"
        )

    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_the_page_cache_keeps_the_where_parameters(self):
        cache.clear()
        near = self.client.get(self.url(), {"place": "3511", "distance": "5"})
        wider = self.client.get(self.url(), {"place": "3511", "distance": "25"})
        with_online = self.client.get(
            self.url(), {"place": "3511", "distance": "25", "online_too": "on"}
        )
        counts = [r.context["activities"].paginator.count for r in (near, wider, with_online)]
        self.assertEqual(counts, [2, 4, 5])


class MapCountTest(NearbyFixture):
    def test_the_map_says_how_many_listed_activities_it_cannot_show(self):
        """The issue: with area 35, three activities were listed and two markers shown, silently."""
        make_activity(self.edition, "Ook in 35", **placed("52.1", "5.1", "3581 AA", **UTRECHT))
        response = self.client.get(self.url(), {"place": "35", "view": "map"})
        self.assertEqual(response.context["activities"].paginator.count, 3)
        self.assertEqual(len(markers_shown(self.client, response)), 2)
        self.assertContains(
            response,
            "1 van de 3 activiteiten in de lijst staat niet op de kaart "
            "(0 online, 1 zonder bekende plek).",
        )

    def test_all_on_the_map(self):
        response = self.client.get(
            self.url(), {"place": "3511", "distance": "5", "view": "map", "sort": "soonest"}
        )
        self.assertNotContains(response, "staan op de kaart")
        response = self.client.get(self.url(), {"province": "noord-holland", "view": "map"})
        self.assertContains(response, "De activiteit in de lijst staat op de kaart.")

    def test_the_map_is_centred_on_the_place_and_draws_the_shipped_outline(self):
        response = self.client.get(self.url(), {"place": "3511", "view": "map"})
        self.assertContains(response, 'data-centre-lat="52.090830"')
        self.assertContains(
            response, 'data-outline-url="/static/places/netherlands-provinces.geojson"'
        )
        self.assertContains(response, "/static/places/outline.js")
        outline = json.loads(Path(finders.find(OUTLINE_PATH)).read_text(encoding="utf-8"))
        provinces = {feature["properties"]["province"] for feature in outline["features"]}
        self.assertEqual(provinces, set(Province.values))
        self.assertIn("Natural Earth", outline["source"])


class HomeSearchTest(NearbyFixture):
    def test_the_home_page_searches_the_current_edition_near_a_postcode(self):
        response = self.client.get("/nl/")
        self.assertContains(response, f'action="{self.url()}"')
        self.assertContains(response, 'name="place"')
        self.assertContains(response, "Activiteiten bij jou in de buurt")
