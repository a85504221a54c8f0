"""What an anonymous visitor sees of restricted and unapproved pages: nothing, anywhere.

"Public" means live (approved) and not view-restricted by the page or an ancestor
(core.visibility). Every place that lists, exports or links to pages is visited here with a
password-restricted page, a login-restricted page, a page under a restricted parent, a draft
page and a team that was never approved next to the public ones.
"""

import csv
import datetime
import io

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, PageViewRestriction

from activities.models import ActivityPage
from core.provinces import Province
from devtools.bulk import bulk_add_live_children
from editions.models import EditionIndexPage, EditionPage
from home.models import HomePageFeaturedItem
from ideas.models import IdeaIndexPage, PinnedRelatedIdea
from teams.models import TeamPage
from tests.factories import (
    activity_fields,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    make_user,
    publish,
)
from tests.factories_ideas import make_idea, make_idea_index, make_theme
from tests.maps import markers_shown
from tests.queries import PUBLIC_PAGE_BUDGET, assert_flat_query_count
from tests.two_factor import log_in

PASSWORD = PageViewRestriction.PASSWORD
LOGIN = PageViewRestriction.LOGIN
YEAR = timezone.localdate().year + 1  # the restricted edition; the public one is the year after
PUBLIC_EDITION_TITLE = f"Week van de Verbinding {YEAR + 1}"
RESTRICTED_EDITION_TITLE = f"Week van de Verbinding {YEAR}"

PUBLIC_ACTIVITIES = {
    "Zichtbare activiteit",
    "Activiteit van een nieuw team",
    "Activiteit van een besloten team",
}
HIDDEN_ACTIVITIES = (
    "Wachtwoordactiviteit",
    "Inlogactiviteit",
    "Conceptactiviteit",
    "Activiteit in een besloten editie",
)
HIDDEN_TEAMS = ("Ongekeurd team", "Wachtwoordteam", "Inlogteam")
PUBLIC_IDEAS = ("Zichtbaar idee", "Tweede zichtbaar idee")
HIDDEN_IDEAS = ("Wachtwoordidee", "Inlogidee", "Conceptidee", "Idee in een besloten map")
HIDDEN_MENU_ITEMS = ("Besloten ideeën", "Inlogsectie", "Conceptsectie")
SECRET_STEP = "Zet koffie"  # a step of every idea's body (factories_ideas.STEPS_BODY)


def restrict(page, kind):
    """Restrict `page` (and what lies below it) as the privacy dialog of the admin does."""
    PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="geheim" if kind == PASSWORD else ""
    )
    return page


def add_draft(parent, page):
    """A page as a public form leaves it: never published, waiting for a moderator."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision()
    return page


def url(name):
    with translation.override("nl"):
        return reverse(name)


class VisibilityFixture(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        editions = make_edition_index(cls.home)
        cls.restricted_edition = restrict(make_edition(editions, YEAR), PASSWORD)
        cls.edition = make_edition(editions, YEAR + 1)
        cls.make_teams(make_team_index(cls.home))
        cls.make_activities()
        cls.make_ideas()
        cls.make_menu_sections()

    @classmethod
    def make_teams(cls, index):
        cls.team_index = index
        cls.team = make_team(index, "Team Zichtbaar")
        cls.draft_team = add_draft(
            index,
            TeamPage(
                title="Ongekeurd team",
                slug="ongekeurd",
                place="Zwolle",
                province=Province.OVERIJSSEL,
            ),
        )
        cls.password_team = restrict(
            make_team(index, "Wachtwoordteam", contact_email="team@example.org"), PASSWORD
        )
        restrict(make_team(index, "Inlogteam"), LOGIN)

    @classmethod
    def make_activities(cls):
        cls.activity = make_activity(cls.edition, "Zichtbare activiteit", team=cls.team)
        cls.with_draft_team = make_activity(
            cls.edition, "Activiteit van een nieuw team", team=cls.draft_team
        )
        make_activity(cls.edition, "Activiteit van een besloten team", team=cls.password_team)
        cls.password_activity = restrict(
            make_activity(cls.edition, "Wachtwoordactiviteit", team=cls.team), PASSWORD
        )
        restrict(make_activity(cls.edition, "Inlogactiviteit", team=cls.team), LOGIN)
        make_activity(cls.edition, "Conceptactiviteit", live=False, team=cls.team)
        make_activity(cls.restricted_edition, "Activiteit in een besloten editie", team=cls.team)

    @classmethod
    def make_ideas(cls):
        cls.idea_index = make_idea_index(cls.home)
        # A second toolkit, closed with a password: its idea shares the theme of the others.
        closed = publish(
            cls.home,
            IdeaIndexPage(title="Besloten ideeën", slug="besloten-ideeen", show_in_menus=True),
        )
        restrict(closed, PASSWORD)
        theme = make_theme("Sport")

        def idea(title, parent=cls.idea_index, **fields):
            return make_idea(parent, title, [theme], introduction="Picknick", **fields)

        cls.idea = idea("Zichtbaar idee")
        idea("Tweede zichtbaar idee")
        cls.password_idea = restrict(idea("Wachtwoordidee"), PASSWORD)
        cls.login_idea = restrict(idea("Inlogidee"), LOGIN)
        cls.draft_idea = idea("Conceptidee", live=False)
        cls.idea_in_closed_toolkit = idea("Idee in een besloten map", parent=closed)

    @classmethod
    def make_menu_sections(cls):
        login_section = publish(
            cls.home, EditionIndexPage(title="Inlogsectie", slug="inlog", show_in_menus=True)
        )
        restrict(login_section, LOGIN)
        add_draft(
            cls.home, EditionIndexPage(title="Conceptsectie", slug="concept", show_in_menus=True)
        )

    def hidden_ideas(self):
        return [self.password_idea, self.login_idea, self.draft_idea, self.idea_in_closed_toolkit]

    def overview_url(self, suffix=""):
        return f"{self.edition.url}activiteiten/{suffix}"

    def assert_none_shown(self, response, titles):
        for title in titles:
            self.assertNotContains(response, title)


class ActivityOverviewTest(VisibilityFixture):
    def test_the_overview_lists_only_public_activities(self):
        response = self.client.get(self.overview_url())
        listed = {activity.title for activity in response.context["activities"]}
        self.assertEqual(listed, PUBLIC_ACTIVITIES)
        self.assert_none_shown(response, HIDDEN_ACTIVITIES + HIDDEN_TEAMS)

    def test_the_map_has_markers_for_public_activities_only(self):
        ActivityPage.objects.update(latitude="52.5", longitude="6.1")
        response = self.client.get(self.overview_url(), {"view": "map"})
        markers = {marker["title"] for marker in markers_shown(self.client, response)}
        self.assertEqual(markers, PUBLIC_ACTIVITIES)

    def test_json_holds_public_activities_and_only_public_teams(self):
        results = self.client.get(self.overview_url("json/")).json()["results"]
        teams = {row["title"]: row["team"] for row in results}
        self.assertEqual(
            teams,
            {
                "Zichtbare activiteit": "Team Zichtbaar",
                "Activiteit van een nieuw team": None,
                "Activiteit van een besloten team": None,
            },
        )

    def test_csv_holds_public_activities_and_only_public_teams(self):
        response = self.client.get(self.overview_url("csv/"))
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual({row["title"] for row in rows}, PUBLIC_ACTIVITIES)
        self.assertEqual({row["team"] for row in rows}, {"Team Zichtbaar", ""})
        self.assert_none_shown(response, HIDDEN_ACTIVITIES + HIDDEN_TEAMS)

    def test_the_calendar_feed_holds_public_activities_only(self):
        response = self.client.get(self.overview_url("ics/"))
        self.assertEqual(response.content.decode().count("BEGIN:VEVENT"), len(PUBLIC_ACTIVITIES))
        self.assert_none_shown(response, HIDDEN_ACTIVITIES + HIDDEN_TEAMS)

    def test_the_edition_counts_only_public_activities_and_teams(self):
        counts = self.client.get(self.edition.url).context["activity_counts"]
        self.assertEqual((counts["activities"], counts["teams"]), (3, 1))

    def test_the_query_count_stays_flat_with_ten_times_as_many_activities(self):
        """The list, the JSON and the CSV together."""
        formats = ("", "json/", "csv/")

        def get_every_format():
            return [self.client.get(self.overview_url(suffix)) for suffix in formats]

        responses = assert_flat_query_count(
            self,
            self.add_generated_activities,
            get_every_format,
            upper_bound=len(formats) * PUBLIC_PAGE_BUDGET,
        )
        self.assertEqual([response.status_code for response in responses], [200] * 3)

    def add_generated_activities(self, count):
        """Live activities by bulk insert, by turns with the public, the never approved and
        the password-protected team; every third one restricted with a login."""
        teams = [self.team, self.draft_team, self.password_team]
        start = ActivityPage.objects.count()
        pages = [
            ActivityPage(
                **activity_fields(f"Gegenereerd {start + n}", self.edition), team=teams[n % 3]
            )
            for n in range(count)
        ]
        for page in bulk_add_live_children(self.edition, pages)[::3]:
            restrict(page, LOGIN)


class ActivityPageTest(VisibilityFixture):
    def test_a_team_that_was_never_approved_is_not_named(self):
        response = self.client.get(self.with_draft_team.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Ongekeurd team")
        self.assertNotContains(response, "Georganiseerd door")

    def test_a_public_team_is_named_with_a_link(self):
        response = self.client.get(self.activity.url)
        self.assertContains(response, f'<a href="{self.team.url}">Team Zichtbaar</a>', html=True)

    def test_the_calendar_file_of_a_restricted_activity_asks_for_the_password(self):
        response = self.client.get(f"{self.password_activity.url}ics/")
        self.assertNotContains(response, "BEGIN:VEVENT", status_code=200)
        self.assertContains(response, 'name="password"')


class IdeaToolkitTest(VisibilityFixture):
    def test_the_index_lists_public_ideas_only(self):
        response = self.client.get(self.idea_index.url)
        listed = {idea.title for idea in response.context["ideas"]}
        self.assertEqual(listed, set(PUBLIC_IDEAS))
        self.assert_none_shown(response, HIDDEN_IDEAS)

    def test_related_ideas_are_public_ones_also_when_pinned(self):
        for position, idea in enumerate(self.hidden_ideas()):
            PinnedRelatedIdea.objects.create(page=self.idea, idea=idea, sort_order=position)
        response = self.client.get(self.idea.url)
        related = [idea.title for idea in response.context["related_ideas"]]
        self.assertEqual(related, ["Tweede zichtbaar idee"])
        self.assert_none_shown(response, HIDDEN_IDEAS)

    def test_the_theme_print_holds_public_ideas_only(self):
        response = self.client.get(f"{self.idea_index.url}print/sport/")
        self.assertEqual([idea.title for idea in response.context["ideas"]], sorted(PUBLIC_IDEAS))
        self.assert_none_shown(response, HIDDEN_IDEAS)

    def test_the_print_of_a_restricted_idea_asks_for_the_password(self):
        response = self.client.get(f"{self.password_idea.url}print/")
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, SECRET_STEP)
        login = self.client.get(f"{self.login_idea.url}print/")
        self.assertEqual(login.status_code, 302)
        self.assertEqual(self.client.get(f"{self.draft_idea.url}print/").status_code, 404)

    def test_the_activity_form_is_filled_in_from_public_ideas_only(self):
        form_url = url("activities:register")
        public = self.client.get(form_url, {"idea": self.idea.pk})
        self.assertEqual(public.context["form"].initial.get("title"), "Zichtbaar idee")
        for idea in self.hidden_ideas():
            response = self.client.get(form_url, {"idea": idea.pk})
            self.assertNotIn("title", response.context["form"].initial, idea.title)
            self.assertNotContains(response, idea.title)


class TeamsTest(VisibilityFixture):
    def test_the_team_index_lists_public_teams_only(self):
        response = self.client.get(self.team_index.url)
        self.assertEqual([team.title for team in response.context["teams"]], ["Team Zichtbaar"])
        self.assert_none_shown(response, HIDDEN_TEAMS)

    def test_a_team_page_lists_its_public_activities_only(self):
        response = self.client.get(self.team.url)
        titles = {activity.title for activity in response.context["activities"]}
        self.assertEqual(titles, {"Zichtbare activiteit"})
        self.assert_none_shown(response, HIDDEN_ACTIVITIES)

    def test_the_contact_form_of_a_restricted_team_asks_for_the_password(self):
        contact_url = f"{self.password_team.url}contact/"
        self.assertContains(self.client.get(contact_url), 'name="password"')
        message = {"name": "Piet", "email": "piet@example.com", "message": "Hoi", "website": ""}
        self.assertContains(self.client.post(contact_url, message), 'name="password"')
        self.assertEqual(mail.outbox, [])

    def test_the_team_form_is_closed_while_the_team_index_is_restricted(self):
        self.assertNotContains(self.client.get(url("teams:start")), "gesloten")
        restrict(self.team_index, LOGIN)
        self.assertContains(self.client.get(url("teams:start")), "gesloten")


class SiteFrameAndHomeTest(VisibilityFixture):
    def test_the_menu_shows_public_sections_only(self):
        response = self.client.get(self.idea.url)
        self.assertContains(response, f'href="{self.idea_index.url}"')
        self.assert_none_shown(response, HIDDEN_MENU_ITEMS)

    def test_language_links_lead_to_public_translations_only(self):
        english, _created = Locale.objects.get_or_create(language_code="en")
        for page in (self.home, self.idea_index, self.idea):
            page.copy_for_translation(english).save_revision().publish()
        translated = self.idea.get_translation(english)
        self.assertContains(self.client.get(self.idea.url), f'href="{translated.url}"')
        restrict(translated, PASSWORD)
        self.assertNotContains(self.client.get(self.idea.url), translated.url)

    def test_the_home_page_shows_the_public_edition_activities_and_featured_pages(self):
        for position, page in enumerate([self.idea, *self.hidden_ideas()]):
            HomePageFeaturedItem.objects.create(home_page=self.home, page=page, sort_order=position)
        self.home.call_to_action_text = "Doe mee"
        self.home.call_to_action_page = self.password_idea
        self.home.save_revision().publish()
        response = self.client.get("/nl/")
        self.assertEqual(response.context["edition"].title, PUBLIC_EDITION_TITLE)
        self.assertNotContains(response, RESTRICTED_EDITION_TITLE)
        upcoming = {activity.title for activity in response.context["upcoming_activities"]}
        self.assertEqual(upcoming, PUBLIC_ACTIVITIES)
        featured = [page.title for page in response.context["featured_pages"]]
        self.assertEqual(featured, ["Zichtbaar idee"])
        self.assertIsNone(response.context["call_to_action_page"])
        self.assert_none_shown(response, HIDDEN_ACTIVITIES + HIDDEN_IDEAS + HIDDEN_MENU_ITEMS)

    def test_a_call_to_action_in_the_body_links_to_public_pages_only(self):
        self.home.body = [
            ("call_to_action", {"text": text, "button_label": label, "page": page, "url": ""})
            for text, label, page in [
                ("Lees dit", "Naar het zichtbare idee", self.idea),
                *[("Lees dat", f"Naar {page.title}", page) for page in self.hidden_ideas()],
            ]
        ]
        self.home.save_revision().publish()
        response = self.client.get("/nl/")
        self.assertContains(response, f'href="{self.idea.url}"')
        self.assertContains(response, "Lees dat", count=len(self.hidden_ideas()))
        for idea in self.hidden_ideas():
            self.assertNotContains(response, f"Naar {idea.title}")
            self.assertNotContains(response, f'href="{idea.url}"')


class EditionsFormsAndSearchTest(VisibilityFixture):
    def test_the_edition_index_lists_public_editions_only(self):
        index = self.edition.get_parent().specific
        draft = EditionPage(
            title="Concepteditie",
            slug="concept",
            year=YEAR + 2,
            start_date=datetime.date(YEAR + 2, 12, 7),
            end_date=datetime.date(YEAR + 2, 12, 11),
        )
        add_draft(index, draft)
        response = self.client.get(index.url)
        listed = [edition.title for edition in response.context["editions"]]
        self.assertEqual(listed, [PUBLIC_EDITION_TITLE])
        self.assert_none_shown(response, [RESTRICTED_EDITION_TITLE, "Concepteditie"])

    def test_the_story_form_offers_public_editions_only(self):
        response = self.client.get(url("stories:create"))
        offered = [edition.title for edition in response.context["form"].fields["edition"].queryset]
        self.assertEqual(offered, [PUBLIC_EDITION_TITLE])

    def test_the_activity_form_registers_for_the_public_edition(self):
        response = self.client.get(url("activities:register"))
        self.assertEqual(response.context["parent"].title, PUBLIC_EDITION_TITLE)

    def test_search_finds_public_pages_and_offers_public_edition_years_only(self):
        response = self.client.get("/nl/search/", {"query": "picknick"})
        found = {result["page"].title for result in response.context["results"]}
        self.assertEqual(found, set(PUBLIC_IDEAS))
        years = [value for value, _label in response.context["form"].fields["year"].choices]
        self.assertNotIn(YEAR, years)
        self.assertIn(YEAR + 1, years)


@override_settings(PAGE_CACHE_ENABLED=True)
class PrivacyClearsThePageCacheTest(VisibilityFixture):
    """The privacy dialog of the admin (set, change or remove a restriction) moves the page
    cache on, as publishing does, so anonymous visitors never get a stale copy."""

    def setUp(self):
        super().setUp()
        self.editor = self.client_class()
        log_in(self.editor, make_user("admin", superuser=True))

    def set_privacy(self, page, restriction_type, password=""):
        response = self.editor.post(
            reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
            {"restriction_type": restriction_type, "password": password},
        )
        self.assertEqual(response.json()["step"], "set_privacy_done")

    def assert_cached(self, path):
        self.client.get(path)
        response = self.client.get(path)
        self.assertEqual(response["X-Page-Cache"], "hit")
        return response

    def test_a_password_set_in_the_admin_hides_a_cached_page_at_once(self):
        self.assertContains(self.assert_cached(self.idea.url), SECRET_STEP)
        self.set_privacy(self.idea, PASSWORD, "geheim-wachtwoord")
        response = self.client.get(self.idea.url)
        self.assertNotContains(response, SECRET_STEP)
        self.assertContains(response, 'name="password"')

    def test_a_login_restriction_drops_the_page_from_cached_listings(self):
        self.assertContains(self.assert_cached(self.overview_url()), "Zichtbare activiteit")
        self.assertContains(self.assert_cached(self.idea_index.url), "Zichtbaar idee")
        self.set_privacy(self.activity, LOGIN)
        self.set_privacy(self.idea, LOGIN)
        self.assertNotContains(self.client.get(self.overview_url()), "Zichtbare activiteit")
        self.assertNotContains(self.client.get(self.idea_index.url), "Zichtbaar idee")

    def test_removing_a_restriction_shows_the_page_in_cached_listings(self):
        self.assert_none_shown(self.assert_cached(self.idea_index.url), ["Wachtwoordidee"])
        self.set_privacy(self.password_idea, PageViewRestriction.NONE)
        self.assertContains(self.client.get(self.idea_index.url), "Wachtwoordidee")
        self.assertContains(self.client.get(self.password_idea.url), SECRET_STEP)
