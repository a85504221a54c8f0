"""The figures kept in the database (figures/kept.py) are exactly a fresh count after every kind
of change, and the sign-up figures count only confirmed places of public, uncancelled
activities, in any language of the activity."""

import json

from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from figures import stats
from figures.kept import (
    current_version,
    edition_comparison,
    figures_from_data,
    place_data,
    place_figures_from_data,
    recount_figures,
)
from figures.models import KeptFigures
from signups import allocation
from signups.models import SignUp
from signups.organiser import cancel_activity
from tests.factories import (
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    translate,
)
from tests.jobs import jobs_run_after, queued_jobs
from tests.test_figures import UTRECHT, on_day

Status = SignUp.Status


def sign_up(activity, email, people, status=Status.CONFIRMED):
    return SignUp.objects.create(
        activity=activity, name="Naam", email=email, people=people, language="nl", status=status
    )


class SignUpFiguresTest(TestCase):
    """Two activities taking sign-ups count: 6 places offered (the other has no limit), 11 people
    in confirmed sign-ups, one of them through the English page; the waiting list does not
    fit in the place left."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.edition = make_edition(make_edition_index(home), 2026)
        english = Locale.objects.get_or_create(language_code="en")[0]
        cls.english_edition = translate(cls.edition, english)
        limited = make_activity(cls.edition, "Met plekken", signup_on_site=True, capacity=6)
        sign_up(limited, "a@example.org", 2)
        sign_up(limited, "b@example.org", 3)
        sign_up(limited, "c@example.org", 4, Status.UNCONFIRMED)
        sign_up(limited, "d@example.org", 2, Status.WAITING)
        sign_up(limited, "e@example.org", 1, Status.CANCELLED)
        english_page = translate(limited, english, title="With places")
        sign_up(english_page, "f@example.org", 1)
        unlimited = make_activity(cls.edition, "Zonder limiet", signup_on_site=True)
        sign_up(unlimited, "g@example.org", 5)
        draft = make_activity(cls.edition, "Concept", live=False, signup_on_site=True, capacity=20)
        sign_up(draft, "h@example.org", 2)
        cancelled = make_activity(cls.edition, "Afgelast", signup_on_site=True, capacity=8)
        sign_up(cancelled, "i@example.org", 3)
        type(cancelled).objects.filter(pk=cancelled.pk).update(cancelled=True)
        make_activity(cls.edition, "Aanmelden elders", capacity=30)  # not through this site

    def test_counted_by_hand(self):
        (figures,) = stats.figures_of([self.edition])
        self.assertEqual(figures.activities, 3)  # the cancelled one does not count
        self.assertEqual(figures.signup_activities, 2)
        self.assertEqual(figures.places_offered, 6)
        self.assertEqual(figures.signed_up, 11)

    def test_english_edition_counts_the_places_of_its_translation(self):
        (figures,) = stats.figures_of([self.english_edition])
        self.assertEqual((figures.signup_activities, figures.places_offered), (1, 6))
        self.assertEqual(figures.signed_up, 6)

    def test_page_json_and_csv(self):
        base = f"{self.edition.url}cijfers/"
        page = self.client.get(base)
        self.assertContains(page, "<strong>6</strong> plekken")
        self.assertContains(page, "<strong>11</strong> mensen aangemeld")
        data = json.loads(self.client.get(f"{base}json/").content)
        self.assertEqual((data["places_offered"], data["signed_up"]), (6, 11))
        lines = self.client.get(f"{base}csv/").content.decode().splitlines()
        self.assertIn("2026,Week van de Verbinding 2026,places_offered,,6", lines)
        self.assertIn("2026,Week van de Verbinding 2026,signed_up,,11", lines)

    def test_confirming_a_sign_up_changes_the_kept_figures(self):
        self.assertEqual(edition_comparison(self.edition)[-1].signed_up, 11)
        unlimited = type(self.edition).objects.get(pk=self.edition.pk).get_children()
        activity = unlimited.get(slug="zonder-limiet").specific
        allocation.confirm(sign_up(activity, "j@example.org", 2, Status.UNCONFIRMED))
        self.assertEqual(edition_comparison(self.edition)[-1].signed_up, 13)


class KeptFiguresTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        index = make_edition_index(home)
        cls.earlier = make_edition(index, 2025, start=(12, 8), end=(12, 12))
        cls.edition = make_edition(index, 2026)
        cls.team = make_team(make_team_index(home), "Buurtteam De Brug")
        cls.zwolle = make_activity(cls.edition, "Koffie in Zwolle", team=cls.team)
        cls.utrecht = make_activity(cls.edition, "Soep in Utrecht", **on_day(8), **UTRECHT)

    def setUp(self):
        with jobs_run_after():
            edition_comparison(self.edition)  # counted and kept

    def assert_out_of_date_then_exact(self):
        """The change made the kept figures out of date; the job queued after the commit
        counts them again, and they equal a fresh count."""
        row = KeptFigures.objects.get(edition=self.edition)
        self.assertLess(row.version, current_version())
        self.assertTrue(queued_jobs(recount_figures).exists())
        with jobs_run_after():
            pass
        row.refresh_from_db()
        self.assertEqual(row.version, current_version())
        (fresh,) = stats.figures_of([self.edition])
        self.assertEqual(figures_from_data(row.figures), fresh)
        places = stats.places_of(self.edition)
        self.assertEqual(row.places, [place_data(place) for place in places.values()])
        self.assertEqual(set(row.place_figures), set(places))
        for slug, place in places.items():
            (place_fresh,) = stats.figures_of(
                [self.edition], signups=False, city__in=place.names, is_online=False
            )
            kept = place_figures_from_data(self.edition, row.place_figures[slug])
            self.assertEqual(kept, place_fresh, slug)
        return fresh

    def change(self, action):
        with self.captureOnCommitCallbacks(execute=True):
            action()
        return self.assert_out_of_date_then_exact()

    def test_kept_figures_are_read_without_counting(self):
        row = KeptFigures.objects.get(edition=self.edition)
        self.assertEqual(row.version, current_version())
        row.figures = {**row.figures, "activities": 99}
        row.save()
        self.assertEqual(edition_comparison(self.edition)[-1].activities, 99)

    def test_publish(self):
        fresh = self.change(lambda: make_activity(self.edition, "Nieuw", **on_day(9)))
        self.assertEqual(fresh.activities, 3)

    def test_unpublish(self):
        self.assertEqual(self.change(self.utrecht.unpublish).activities, 1)

    def test_delete(self):
        fresh = self.change(lambda: type(self.utrecht).objects.get(pk=self.utrecht.pk).delete())
        self.assertEqual((fresh.activities, fresh.places), (1, 1))

    def test_move_to_another_edition(self):
        fresh = self.change(lambda: self.utrecht.move(self.earlier, pos="last-child"))
        self.assertEqual(fresh.activities, 1)
        self.assertEqual(edition_comparison(self.edition)[0].activities, 1)  # 2025

    def test_view_restriction(self):
        restrict = lambda: PageViewRestriction.objects.create(  # noqa: E731
            page=self.zwolle, restriction_type="login"
        )
        self.assertEqual(self.change(restrict).activities, 1)

    def test_cancelled_by_the_organiser(self):
        self.assertEqual(self.change(lambda: cancel_activity(self.utrecht)).activities, 1)

    def test_team_unpublished(self):
        self.assertEqual(self.change(self.team.unpublish).teams, 0)
