"""The week in numbers (figures/): every figure against hand-counted activities, of which
drafts, restricted pages, other-language pages and private teams must not count."""

import csv
import datetime
import io
import json

from django.test import TestCase, override_settings
from wagtail.models import Locale, PageViewRestriction

from activities.models import ActivityPage
from core.provinces import Province
from core.target_groups import TargetGroup
from figures.kept import edition_comparison
from figures.stats import figures_of
from tests.factories import (
    ONLINE,
    add_live_activities,
    amsterdam_time,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    translate,
)
from tests.queries import assert_flat_query_count

Kind = ActivityPage.Kind


def on_day(day, month=12, year=2026):
    return {
        "starts_at": amsterdam_time(year, month, day, 14),
        "ends_at": amsterdam_time(year, month, day, 16),
    }


UTRECHT = {"postcode": "3531 CK", "city": "Utrecht", "province": Province.UTRECHT}


class FiguresFixture(TestCase):
    """2026 (7 to 11 December): six public activities, and four that must not count."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        index = make_edition_index(home)
        cls.earlier = make_edition(index, 2025, start=(12, 8), end=(12, 12))
        cls.edition = make_edition(index, 2026)
        teams = make_team_index(home)
        team = make_team(teams, "Buurtteam De Brug")
        private_team = make_team(teams, "Besloten team")
        PageViewRestriction.objects.create(page=private_team, restriction_type="login")
        make_activity(cls.edition, "Koffie in Zwolle", team=team)  # 7 Dec, Overijssel
        make_activity(
            cls.edition,
            "Maaltijd in Utrecht",
            **on_day(8),
            **UTRECHT,
            latitude="52.09083",
            longitude="5.12222",
            kind=Kind.MEAL,
            target_group=TargetGroup.ELDERLY,
            team=team,
        )
        make_activity(
            cls.edition,
            "Soep in Utrecht",
            **on_day(8),
            **UTRECHT,
            kind=Kind.MEAL,
            target_group=TargetGroup.NEIGHBOURS,
            team=private_team,
        )
        make_activity(cls.edition, "Online avond", **on_day(9), **ONLINE, kind=Kind.WORKSHOP)
        make_activity(
            cls.edition,
            "Wandelen in Amersfoort",
            **on_day(10),
            postcode="3811 AA",
            city="Amersfoort",
            province=Province.UTRECHT,
            kind=Kind.SPORT,
            target_group=TargetGroup.YOUTH,
        )
        make_activity(
            cls.edition,
            "Kerstkoor in Zwolle",
            **on_day(20),
            related_event=True,
            kind=Kind.MUSIC,
        )
        # Not counted: a draft, a restricted activity, an English one.
        make_activity(cls.edition, "Concept in Utrecht", live=False, **UTRECHT)
        hidden = make_activity(cls.edition, "Besloten in Utrecht", **UTRECHT)
        PageViewRestriction.objects.create(
            page=hidden, restriction_type="password", password="geheim"
        )
        english = Locale.objects.get_or_create(language_code="en")[0]
        cls.english_edition = translate(cls.edition, english)
        dutch = make_activity(cls.edition, "Eerst Nederlands", **on_day(11))
        cls.english_activity = translate(dutch, english, title="English only")
        dutch.delete()  # only the English one is left
        cls.edition.refresh_from_db()
        # 2025: two activities
        make_activity(
            cls.earlier,
            "Groningen 2025",
            **on_day(8, year=2025),
            postcode="9711 AA",
            city="Groningen",
            province=Province.GRONINGEN,
        )
        make_activity(
            cls.earlier, "Utrecht 2025", **on_day(9, year=2025), **UTRECHT, kind=Kind.MEAL
        )


class FiguresTest(FiguresFixture):
    def figures(self):
        earlier, current = figures_of([self.earlier, self.edition])
        return earlier, current

    def test_totals_count_public_activities_only(self):
        _earlier, figures = self.figures()
        self.assertEqual(figures.activities, 6)
        self.assertEqual(figures.online, 1)
        self.assertEqual(figures.teams, 1)  # the private team does not count
        self.assertEqual(figures.places, 3)  # Zwolle, Utrecht, Amersfoort
        self.assertEqual(figures.provinces, 2)

    def test_per_day_per_province_per_kind_per_target_group(self):
        _earlier, figures = self.figures()
        self.assertEqual([count for _day, count in figures.days()], [1, 2, 1, 1, 0])
        self.assertEqual(figures.outside_week(), 1)
        self.assertEqual(
            {k: v for k, v in figures.per_province.items() if v},
            {Province.OVERIJSSEL: 2, Province.UTRECHT: 3},
        )
        self.assertEqual(
            {k: v for k, v in figures.per_kind.items() if v},
            {Kind.MEETING: 1, Kind.MEAL: 2, Kind.WORKSHOP: 1, Kind.SPORT: 1, Kind.MUSIC: 1},
        )
        self.assertEqual(
            {k: v for k, v in figures.per_target_group.items() if v},
            {
                TargetGroup.EVERYONE: 3,
                TargetGroup.ELDERLY: 1,
                TargetGroup.NEIGHBOURS: 1,
                TargetGroup.YOUTH: 1,
            },
        )

    def test_earlier_edition_counted_apart(self):
        earlier, _figures = self.figures()
        self.assertEqual(earlier.activities, 2)
        self.assertEqual(earlier.per_province[Province.GRONINGEN], 1)
        self.assertEqual(earlier.per_kind[Kind.MEAL], 1)
        self.assertEqual(earlier.places, 2)

    def test_english_edition_counts_its_own_activities(self):
        (figures,) = figures_of([self.english_edition])
        self.assertEqual(figures.activities, 1)
        self.assertEqual(figures.per_day[datetime.date(2026, 12, 11)], 1)

    def test_page_shows_charts_with_tables_and_earlier_editions(self):
        response = self.client.get(f"{self.edition.url}cijfers/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertEqual(html.count('role="img"'), 6)  # 5 bar charts and the map
        self.assertIn('<title id="chart-province-title">', html)
        self.assertIn('<th scope="row">Utrecht</th><td>3</td>', html)
        self.assertIn('<th scope="col">2025</th><th scope="col">2026</th>', html)
        self.assertIn('data-province="utrecht"', html)
        self.assertNotIn(
            "http://",
            html.split("<svg", 1)[1].split("</svg>")[0].replace("http://www.w3.org/2000/svg", ""),
        )

    def test_edition_page_links_to_figures(self):
        response = self.client.get(self.edition.url)
        self.assertContains(response, f'href="{self.edition.url}cijfers/"')

    def test_json(self):
        data = json.loads(self.client.get(f"{self.edition.url}cijfers/json/").content)
        self.assertEqual(data["activities"], 6)
        self.assertEqual(data["per_province"]["utrecht"], 3)
        self.assertEqual(data["per_day"]["2026-12-08"], 2)
        self.assertEqual([e["year"] for e in data["earlier_editions"]], [2025])
        self.assertEqual(data["earlier_editions"][0]["activities"], 2)

    def test_csv_is_formula_safe(self):
        self.edition.title = '=HYPERLINK("x")'
        self.edition.save_revision().publish()
        response = self.client.get(f"{self.edition.url}cijfers/csv/")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertEqual(rows[0], ["year", "edition", "figure", "key", "count"])
        self.assertIn(["2026", '\'=HYPERLINK("x")', "activities", "", "6"], rows)
        self.assertIn(["2026", '\'=HYPERLINK("x")', "per_province", "utrecht", "3"], rows)
        self.assertIn(["2025", "Week van de Verbinding 2025", "activities", "", "2"], rows)


class FiguresCacheTest(FiguresFixture):
    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_kept_until_an_activity_is_published(self):
        self.assertEqual(edition_comparison(self.edition)[-1].activities, 6)
        add_live_activities(self.edition, 2)  # in bulk, no signal: the cache still answers
        self.assertEqual(edition_comparison(self.edition)[-1].activities, 6)
        with self.captureOnCommitCallbacks(execute=True):
            make_activity(self.edition, "Nieuw gepubliceerd")
        self.assertEqual(edition_comparison(self.edition)[-1].activities, 9)


def fresh(page):
    page.refresh_from_db()  # numchild, which the next bulk insertion reads
    return page


class FiguresQueryCountTest(TestCase):
    def assert_flat(self, segment):
        home = make_home()
        edition = make_edition(make_edition_index(home), 2026)
        url = f"{edition.url}{segment}"
        assert_flat_query_count(
            self,
            lambda count: add_live_activities(fresh(edition), count),
            lambda: self.assertEqual(self.client.get(url).status_code, 200),
        )

    def test_figures_page(self):
        self.assert_flat("cijfers/")

    def test_place_page(self):
        self.assert_flat("plaatsen/zwolle/")  # add_live_activities puts them all in Zwolle


class PlacePagesTest(FiguresFixture):
    def test_place_index_lists_places_with_public_activities(self):
        response = self.client.get(f"{self.edition.url}plaatsen/")
        self.assertContains(response, f'href="{self.edition.url}plaatsen/utrecht/"')
        self.assertContains(response, f'href="{self.edition.url}plaatsen/zwolle/"')
        self.assertContains(response, f'href="{self.edition.url}plaatsen/amersfoort/"')
        self.assertNotContains(response, "plaatsen/groningen/")  # only in 2025

    def test_place_page_with_activities(self):
        response = self.client.get(f"{self.edition.url}plaatsen/utrecht/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Week van de Verbinding in Utrecht")
        self.assertContains(response, "Maaltijd in Utrecht")
        self.assertContains(response, "Soep in Utrecht")
        self.assertNotContains(response, "Concept in Utrecht")
        self.assertNotContains(response, "Besloten in Utrecht")
        self.assertNotContains(response, "Wandelen in Amersfoort")
        self.assertEqual(response.context["figures"].activities, 2)
        self.assertEqual(response.context["figures"].per_day[datetime.date(2026, 12, 8)], 2)
        self.assertContains(response, f'href="{self.edition.url}plaatsen/utrecht/ics/"')
        self.assertContains(response, 'class="figures-map__place"')

    def test_place_without_activities_is_not_found(self):
        self.assertEqual(self.client.get(f"{self.edition.url}plaatsen/groningen/").status_code, 404)
        self.assertEqual(self.client.get(f"{self.edition.url}plaatsen/nergens/").status_code, 404)

    def test_place_calendar(self):
        response = self.client.get(f"{self.edition.url}plaatsen/utrecht/ics/")
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        body = response.content.decode()
        self.assertEqual(body.count("BEGIN:VEVENT"), 2)

    def test_english_place_page(self):
        english = self.english_edition
        make_activity(english, "Walk in Utrecht", **UTRECHT, slug="walk-utrecht")
        response = self.client.get(f"{english.url}places/utrecht/")
        self.assertContains(response, "Walk in Utrecht")
        self.assertNotContains(response, "Maaltijd in Utrecht")

    def test_reachable_from_the_overview(self):
        response = self.client.get(f"{self.edition.url}activiteiten/")
        self.assertContains(response, f'href="{self.edition.url}plaatsen/"')
