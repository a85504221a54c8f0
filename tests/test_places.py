"""Dutch places offline and online: the postcode table, reading what a visitor types under
"Where", distances, and the geocoders (the table, and PDOK answered by a recorded reply)."""

import io
import json
from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase, override_settings

from places.distance import haversine_km
from places.geocoders import (
    ADDRESS,
    POSTCODE_AREA,
    PdokGeocoder,
    PostcodeTableGeocoder,
    configured_geocoder,
)
from places.postcodes import TABLE_PATH, Point, postcode_table
from places.where import parse_where

UTRECHT = Point(52.09083, 5.12222)
# A reply in the form PDOK's Locatieserver gives to q="3511AB 12"&fq=type:adres&rows=1
# &fl=centroide_ll,postcode,type (fields as in its API documentation; tests never use the network)
PDOK_ANSWER = Path(__file__).parent / "data" / "pdok_3511AB_12.json"


class PostcodeTableTest(SimpleTestCase):
    def test_every_four_digit_postcode_with_a_point_in_the_netherlands(self):
        table = postcode_table()
        self.assertEqual(len(table), 4072)
        for area in table.values():
            self.assertRegex(area.postcode, r"^[1-9][0-9]{3}$")
            self.assertTrue(50.7 < area.point.latitude < 53.6, area)
            self.assertTrue(3.3 < area.point.longitude < 7.3, area)
            self.assertTrue(area.place and area.province, area)
        self.assertEqual((table["3511"].place, table["3511"].point), ("Utrecht", UTRECHT))

    def test_the_file_names_its_sources_and_licence(self):
        header = TABLE_PATH.read_text(encoding="utf-8")[:1000]
        for words in ("Open Database License", "GeoNames", "CC BY 4.0", "build_postcode_table"):
            self.assertIn(words, header)


class WhereParsingTest(SimpleTestCase):
    def test_every_form_of_a_postcode(self):
        for text in ("3511 AB", "3511AB", "3511ab", "  3511   ab ", "3511 aB"):
            with self.subTest(text=text):
                where = parse_where(text)
                self.assertEqual((where.label, where.postcode_prefix), ("3511 AB", "3511"))
                self.assertEqual(where.point, UTRECHT)
                self.assertFalse(where.is_area)
        four = parse_where("3511")
        self.assertEqual((four.label, four.point, four.postcode_prefix), ("3511", UTRECHT, "3511"))

    def test_a_four_digit_number_the_table_lacks_uses_its_neighbour(self):
        where = parse_where("3500")  # PO boxes of Utrecht: no area of their own
        self.assertEqual((where.point, where.postcode_prefix), (UTRECHT, "3500"))

    def test_two_digits_are_an_area_around_its_middle(self):
        where = parse_where("35")
        self.assertTrue(where.is_area)
        self.assertEqual(where.postcode_prefix, "35")
        self.assertLess(haversine_km(where.point, UTRECHT), 25)

    def test_place_names_in_any_spelling(self):
        for text, expected in (
            ("Utrecht", UTRECHT),
            ("UTRECHT", UTRECHT),
            ("Den Haag", parse_where("'s-Gravenhage").point),
            ("den bosch", parse_where("’s-Hertogenbosch").point),
        ):
            with self.subTest(text=text):
                self.assertEqual(parse_where(text).point, expected)
                self.assertIsNotNone(expected)
        unknown = parse_where("Atlantis")
        self.assertEqual((unknown.point, unknown.place_name), (None, "Atlantis"))

    def test_wrong_postcodes_are_ignored(self):
        for text in (
            "",
            "  ",
            "0123",
            "0123 AB",
            "12345",
            "3511 A",
            "3511 ABC",
            "3",
            "351",
            "3511-AB",
        ):
            with self.subTest(text=text):
                self.assertIsNone(parse_where(text))


class DistanceTest(SimpleTestCase):
    def test_haversine_against_distances_worked_out_by_hand(self):
        # Spherical law of cosines with R = 6371.0088 km, worked out separately.
        for point, km in (
            (Point(52.08917, 5.23194), 7.498),  # Zeist
            (Point(52.15611, 5.38972), 19.652),  # Amersfoort
            (Point(52.37403, 4.88969), 35.248),  # Amsterdam
        ):
            with self.subTest(point=point):
                self.assertAlmostEqual(haversine_km(UTRECHT, point), km, delta=0.001)


def recorded_answer():
    return io.BytesIO(PDOK_ANSWER.read_bytes())


class GeocoderTest(SimpleTestCase):
    def test_the_table_gives_the_place_of_the_postcode(self):
        location = PostcodeTableGeocoder().locate("3511 AB", "12")
        self.assertEqual((location.point, location.precision), (UTRECHT, POSTCODE_AREA))
        self.assertIsNone(PostcodeTableGeocoder().locate("3500 AA", "1"))
        self.assertIsNone(PostcodeTableGeocoder().locate("not a postcode"))

    def test_the_table_is_the_default(self):
        self.assertIsInstance(configured_geocoder(), PostcodeTableGeocoder)
        with override_settings(PLACES_GEOCODER="pdok"):
            self.assertIsInstance(configured_geocoder(), PdokGeocoder)

    def test_pdok_finds_the_address_itself(self):
        with mock.patch("places.geocoders.urlopen", return_value=recorded_answer()) as asked:
            location = PdokGeocoder().locate("3511 AB", "12")
        self.assertEqual(location.precision, ADDRESS)
        self.assertEqual(location.point, Point(52.09245, 5.11853))
        request, timeout = asked.call_args.args[0], asked.call_args.kwargs["timeout"]
        self.assertTrue(request.full_url.startswith("https://api.pdok.nl/bzk/locatieserver/"))
        self.assertIn("q=3511AB+12", request.full_url)
        self.assertIn("fq=type%3Aadres", request.full_url)
        self.assertEqual(timeout, 3)

    def test_pdok_away_or_slow_falls_back_to_the_table(self):
        for failure in (TimeoutError("timed out"), OSError("Network is unreachable")):
            with self.subTest(failure=failure):
                with mock.patch("places.geocoders.urlopen", side_effect=failure):
                    with self.assertLogs("places.geocoders", "WARNING"):
                        location = PdokGeocoder().locate("3511 AB", "12")
                self.assertEqual((location.point, location.precision), (UTRECHT, POSTCODE_AREA))

    def test_pdok_answers_for_another_postcode_or_nothing_then_the_table(self):
        other = json.loads(PDOK_ANSWER.read_text())
        other["response"]["docs"][0]["postcode"] = "3512AA"
        for answer in (other, {"response": {"numFound": 0, "docs": []}}, {"unexpected": 1}):
            with self.subTest(answer=answer):
                reply = io.BytesIO(json.dumps(answer).encode())
                with mock.patch("places.geocoders.urlopen", return_value=reply):
                    location = PdokGeocoder().locate("3511 AB", "12")
                self.assertEqual(location.precision, POSTCODE_AREA)

    def test_nothing_found_anywhere_is_none(self):
        with mock.patch("places.geocoders.urlopen", side_effect=OSError("offline")):
            with self.assertLogs("places.geocoders", "WARNING"):
                self.assertIsNone(PdokGeocoder().locate("3500 AA", "1"))
