"""The pages of Powered By partners (figures/partners.py): teams linked in the admin, their
public activities and figures, counted by hand; in both languages; reachable from the edition."""

from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from editions.models import EditionPartner, Partner
from figures.partners import partner_teams
from tests.factories import (
    add_live_activities,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    translate,
)
from tests.queries import assert_flat_query_count
from tests.test_figures import UTRECHT, fresh, on_day


def link(team, *partners):
    team.partners.set(partners)
    team.save_revision().publish()


def edition_partner(edition, name, kind=Partner.Kind.POWERED_BY, order=0):
    partner = Partner.objects.create(name=name, kind=kind)
    EditionPartner.objects.create(page=edition, partner=partner, sort_order=order)
    return partner


class PartnerPagesTest(TestCase):
    """Stichting Samen powers two public teams (and a private one): three public activities
    of theirs count; a draft, a cancelled one, the private team's and another team's not."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.edition = make_edition(make_edition_index(home), 2026)
        cls.partner = edition_partner(cls.edition, "Stichting Samen")
        cls.sponsor = edition_partner(cls.edition, "Bakkerij Bol", Partner.Kind.SPONSOR, 1)
        teams = make_team_index(home)
        cls.brug = make_team(teams, "Buurtteam De Brug")
        cls.kade = make_team(teams, "Team Kade", place="Utrecht")
        private = make_team(teams, "Besloten team")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        other = make_team(teams, "Ander team")
        for team in (cls.brug, cls.kade, private):
            link(team, cls.partner)
        make_activity(cls.edition, "Koffie bij De Brug", team=cls.brug)
        make_activity(cls.edition, "Soep bij De Brug", team=cls.brug, **on_day(8), **UTRECHT)
        make_activity(cls.edition, "Wandelen met Kade", team=cls.kade, **on_day(9), **UTRECHT)
        make_activity(cls.edition, "Concept van De Brug", team=cls.brug, live=False)
        cancelled = make_activity(cls.edition, "Afgelast bij Kade", team=cls.kade)
        type(cancelled).objects.filter(pk=cancelled.pk).update(cancelled=True)
        make_activity(cls.edition, "Van het besloten team", team=private)
        make_activity(cls.edition, "Van een ander team", team=other)
        cls.url = f"{cls.edition.url}partners/stichting-samen/"

    def test_teams_activities_and_figures(self):
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [t.title for t in response.context["teams"]], ["Buurtteam De Brug", "Team Kade"]
        )
        titles = [activity.title for activity in response.context["activities"]]
        listed = [
            "Afgelast bij Kade",
            "Koffie bij De Brug",
            "Soep bij De Brug",
            "Wandelen met Kade",
        ]
        self.assertEqual(titles, listed)  # the cancelled one says so, and does not count
        figures = response.context["figures"]
        self.assertEqual((figures.activities, figures.places, figures.teams), (3, 2, 2))
        self.assertEqual([count for _day, count in figures.days()], [1, 1, 1, 0, 0])
        self.assertContains(response, f'href="{self.brug.url}"')
        self.assertContains(response, "<h1>Stichting Samen</h1>", html=True)

    def test_only_powered_by_partners_have_a_page(self):
        self.assertEqual(
            self.client.get(f"{self.edition.url}partners/bakkerij-bol/").status_code, 404
        )
        self.assertEqual(self.client.get(f"{self.edition.url}partners/niemand/").status_code, 404)

    def test_reachable_from_the_edition_powered_by_list(self):
        response = self.client.get(self.edition.url)
        self.assertContains(response, f'href="{self.url}"')
        self.assertNotContains(response, "partners/bakkerij-bol/")

    def test_english_page_lists_the_english_teams_and_activities(self):
        english = Locale.objects.get_or_create(language_code="en")[0]
        edition = translate(self.edition, english)
        partner = self.partner.copy_for_translation(english)
        partner.name = "Together Foundation"
        partner.save()
        team = translate(self.brug, english, title="Neighbourhood team The Bridge")
        make_activity(edition, "Coffee at The Bridge", team=team, slug="coffee")
        response = self.client.get(f"{edition.url}partners/together-foundation/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual([t.title for t in response.context["teams"]], [team.title])
        self.assertEqual(
            [a.title for a in response.context["activities"]], ["Coffee at The Bridge"]
        )
        self.assertContains(response, "Neighbourhood team The Bridge")
        self.assertEqual(partner_teams(self.edition, self.partner).count(), 2)  # Dutch unchanged


class PartnerPageQueryCountTest(TestCase):
    def test_flat(self):
        home = make_home()
        edition = make_edition(make_edition_index(home), 2026)
        partner = edition_partner(edition, "Stichting Samen")
        team = make_team(make_team_index(home))
        link(team, partner)
        assert_flat_query_count(
            self,
            lambda count: add_live_activities(fresh(edition), count, team=team),
            lambda: self.assertEqual(
                self.client.get(f"{edition.url}partners/stichting-samen/").status_code, 200
            ),
        )
