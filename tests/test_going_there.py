"""Confidence filters, the way to an activity, its calendar links and the print views."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase
from icalendar import Calendar

from activities.going import calendar_links, route_links
from activities.languages import SpokenLanguagesFormField
from activities.models import ActivityPage
from tests.factories import make_activity, make_edition, make_edition_index, make_home
from tests.factories_ideas import make_idea, make_idea_index, make_theme


class ConfidenceFixture(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2026)
        cls.plain = make_activity(cls.edition, "Gewone koffie")
        cls.quiet = make_activity(
            cls.edition,
            "Rustige koffie",
            low_stimulus=True,
            wheelchair_accessible=True,
            languages="nl en",
        )
        cls.welcome = make_activity(
            cls.edition,
            "Welkom aan de deur",
            met_at_door=True,
            languages="ar nl",
            latitude="52.51667",
            longitude="6.08333",
        )
        cls.overview = cls.edition.url + "activiteiten/"

    def titles(self, **params):
        response = self.client.get(self.overview, params)
        return sorted(activity.title for activity in response.context["activities"])


class ConfidenceFilterTest(ConfidenceFixture):
    def test_each_flag_filters(self):
        self.assertEqual(self.titles(wheelchair_accessible="on"), ["Rustige koffie"])
        self.assertEqual(self.titles(low_stimulus="on"), ["Rustige koffie"])
        self.assertEqual(self.titles(met_at_door="on"), ["Welkom aan de deur"])

    def test_a_language_filters_by_whole_codes(self):
        self.assertEqual(self.titles(language="nl"), ["Rustige koffie", "Welkom aan de deur"])
        self.assertEqual(self.titles(language="ar"), ["Welkom aan de deur"])
        self.assertEqual(self.titles(language="en"), ["Rustige koffie"])
        self.assertEqual(self.titles(language="pl"), [])

    def test_unknown_values_are_ignored(self):
        self.assertEqual(len(self.titles(language="n.*")), 3)
        self.assertEqual(len(self.titles(met_at_door="false")), 3)

    def test_filters_combine(self):
        self.assertEqual(self.titles(language="nl", met_at_door="on"), ["Welkom aan de deur"])

    def test_the_exports_apply_the_filters_and_carry_the_flags(self):
        data = self.client.get(self.overview + "json/", {"language": "en"}).json()
        [row] = data["results"]
        self.assertEqual(row["title"], "Rustige koffie")
        self.assertEqual(row["languages"], ["nl", "en"])
        self.assertIs(row["low_stimulus"], True)
        self.assertIs(row["wheelchair_accessible"], True)
        self.assertIs(row["met_at_door"], False)
        response = self.client.get(self.overview + "csv/", {"met_at_door": "on"})
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual(
            [(r["title"], r["languages"], r["met_at_door"]) for r in rows],
            [("Welkom aan de deur", "nl ar", "True")],
        )

    def test_the_calendar_says_it(self):
        response = self.client.get(self.overview + "ics/", {"met_at_door": "on"})
        [event] = Calendar.from_ical(response.content).walk("VEVENT")
        description = str(event["DESCRIPTION"])
        self.assertIn("Alleen? Welkom: iemand vangt je op bij de deur.", description)
        self.assertIn("Gesproken talen: Nederlands, Arabisch.", description)

    def test_the_activity_page_shows_them(self):
        response = self.client.get(self.welcome.url)
        self.assertContains(response, "Alleen? Welkom: iemand vangt je op bij de deur.")
        self.assertContains(
            response, "<dt>Gesproken talen</dt><dd>Nederlands, Arabisch</dd>", html=True
        )
        response = self.client.get(self.quiet.url)
        self.assertContains(response, "<li>Prikkelarm</li>", html=True)
        self.assertContains(response, "<li>Rolstoeltoegankelijk</li>", html=True)
        self.assertNotContains(self.client.get(self.plain.url), "Gesproken talen")


class PhoneFirstOverviewTest(ConfidenceFixture):
    def test_where_first_the_rest_folded_with_a_count(self):
        html = self.client.get(self.overview, {"language": "nl", "free": "on"}).content.decode()
        where, details = html.index('name="place"'), html.index("<details")
        self.assertLess(where, details)
        self.assertLess(details, html.index('name="province"'))
        self.assertIn('Meer filters <span class="activity-filters__active">(2 actief)</span>', html)

    def test_no_count_without_folded_filters(self):
        response = self.client.get(self.overview, {"place": "Zwolle", "sort": "latest"})
        self.assertNotContains(response, "actief)")

    def test_a_filter_change_brings_the_visitor_to_the_results(self):
        response = self.client.get(self.overview)
        self.assertContains(response, f'action="{self.overview}#results"')
        self.assertContains(response, 'id="results"')
        self.assertContains(response, 'view=map#results"')

    def test_every_filter_has_a_label(self):
        response = self.client.get(self.overview)
        form = response.context["filter_form"]
        for field in form:
            self.assertContains(response, f'for="{field.id_for_label}"')


class GoingThereTest(ConfidenceFixture):
    def test_route_to_the_pin_and_the_map_app(self):
        links = route_links(self.welcome)
        self.assertEqual(
            links["route"], "https://www.openstreetmap.org/directions?route=%3B52.51667%2C6.08333"
        )
        self.assertEqual(
            links["map_app"], "geo:52.51667,6.08333?q=52.51667,6.08333(Buurthuis%20De%20Brug)"
        )

    def test_without_coordinates_the_address_is_searched(self):
        self.plain.latitude = self.plain.longitude = None
        links = route_links(self.plain)
        self.assertEqual(
            parse_qs(urlsplit(links["route"]).query),
            {"query": ["Assendorperstraat 12, 8012 DH Zwolle"]},
        )
        self.assertTrue(links["map_app"].startswith("geo:0,0?q=Assendorperstraat%2012"))

    def test_no_route_online(self):
        self.plain.is_online = True
        self.assertEqual(route_links(self.plain), {})

    def test_calendar_links_in_utc(self):
        links = calendar_links(self.plain, "https://example.org/a/")
        google = parse_qs(urlsplit(links["google"]).query)
        self.assertEqual(google["dates"], ["20261207T130000Z/20261207T150000Z"])
        self.assertEqual(google["text"], ["Gewone koffie"])
        self.assertIn("https://example.org/a/", google["details"][0])
        outlook = parse_qs(urlsplit(links["outlook"]).query)
        self.assertEqual(outlook["startdt"], ["2026-12-07T13:00:00Z"])
        self.assertEqual(outlook["enddt"], ["2026-12-07T15:00:00Z"])
        self.assertEqual(outlook["subject"], ["Gewone koffie"])

    def test_the_activity_page_links_them_next_to_the_ics(self):
        response = self.client.get(self.welcome.url)
        self.assertContains(response, "https://www.openstreetmap.org/directions?route=")
        self.assertContains(response, 'href="geo:52.51667,6.08333')
        self.assertContains(response, "https://calendar.google.com/calendar/render?action=TEMPLATE")
        self.assertContains(response, "https://outlook.live.com/calendar/0/deeplink/compose?")
        self.assertContains(response, f'href="{self.welcome.url}ics/"')
        self.assertContains(response, f'href="{self.welcome.url}print/"')


class PrintViewTest(ConfidenceFixture):
    def assert_print_view(self, response, back_url):
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "data-print-button hidden>Afdrukken</button>", html=False)
        self.assertContains(response, f'<a class="print-toolbar__back" href="{back_url}">')
        self.assertContains(response, "js/print.js")
        self.assertContains(response, "css/print-document.css")
        self.assertNotContains(response, "main-nav")

    def test_an_activity_prints_with_a_button_and_a_way_back(self):
        response = self.client.get(self.welcome.url + "print/")
        self.assert_print_view(response, self.welcome.url)
        self.assertContains(response, "<h1>Welkom aan de deur</h1>", html=True)
        self.assertContains(response, "Alleen? Welkom: iemand vangt je op bij de deur.")

    def test_ideas_print_with_a_button_and_a_way_back(self):
        index = make_idea_index(self.home)
        idea = make_idea(index, "Voetbal", [make_theme("Sport")])
        self.assert_print_view(self.client.get(idea.url + "print/"), idea.url)
        response = self.client.get(index.url + "print/sport/")
        self.assert_print_view(response, index.url + "?theme=sport")


class SpokenLanguagesFieldTest(TestCase):
    def test_checkboxes_read_and_write_the_stored_codes(self):
        field = SpokenLanguagesFormField(required=False)
        self.assertEqual(field.clean(["en", "nl"]), "nl en")
        self.assertEqual(field.prepare_value("en nl"), ["nl", "en"])
        self.assertFalse(field.has_changed("nl en", ["en", "nl"]))
        self.assertTrue(field.has_changed("nl", ["nl", "en"]))

    def test_the_public_form_and_the_admin_offer_checkboxes(self):
        from activities.submission import ActivitySubmissionForm

        for name in ("languages", "met_at_door", "low_stimulus", "wheelchair_accessible"):
            self.assertIn(name, ActivitySubmissionForm.base_fields)
        self.assertIsInstance(
            ActivitySubmissionForm.base_fields["languages"], SpokenLanguagesFormField
        )
        form_class = ActivityPage.get_edit_handler().get_form_class()
        self.assertIsInstance(form_class.base_fields["languages"], SpokenLanguagesFormField)
        for name in ("met_at_door", "low_stimulus"):
            self.assertIn(name, form_class.base_fields)
