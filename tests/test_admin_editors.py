"""Editors in the admin: listings of ideas, teams and activities in the menu, and a team editor
landing on their own team. Through the real admin views, per role."""

import re

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils.form_data import querydict_from_html

from moderation.roles import EDITORS, MODERATORS, TRANSLATORS
from moderation.teams import grant_team_editor
from tests.admin_actions import with_changes
from tests.factories import (
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    make_user,
)
from tests.factories_ideas import make_idea, make_idea_index
from tests.two_factor import log_in

LISTINGS = {"ideas": "/admin/ideas/", "teams": "/admin/teams/", "activities": "/admin/activities/"}


def build_site(cls):
    cls.home = make_home()
    cls.edition = make_edition(make_edition_index(cls.home), 2026)
    cls.activity = make_activity(cls.edition, title="Koffie in de lift")
    cls.team_index = make_team_index(cls.home)
    cls.team = make_team(cls.team_index, title="Buurtteam De Brug")
    cls.other_team = make_team(cls.team_index, title="Sportclub Vooruit")
    cls.idea_index = make_idea_index(cls.home)
    cls.idea = make_idea(cls.idea_index, "Soep voor de buren")


class AdminListingsTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(cls)
        cls.editor = make_user("editor", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)
        cls.translator = make_user("translator", TRANSLATORS)
        cls.team_editor = make_user("team_editor")
        grant_team_editor(cls.team_editor, cls.team)

    def menu_links(self, user):
        log_in(self.client, user)
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        return {name for name, url in LISTINGS.items() if f'"url": "{url}"' in html}

    def test_editors_and_moderators_find_ideas_teams_and_activities_in_the_menu(self):
        for user in (self.editor, self.moderator):
            with self.subTest(user=user.username):
                self.assertEqual(self.menu_links(user), {"ideas", "teams", "activities"})

    def test_a_team_editor_sees_only_the_teams_listing_with_only_their_team(self):
        self.assertEqual(self.menu_links(self.team_editor), {"teams"})
        response = self.client.get(LISTINGS["teams"])
        self.assertContains(response, "Buurtteam De Brug")
        self.assertNotContains(response, "Sportclub Vooruit")
        self.assertNotContains(response, "choose_parent")  # no "add" button without add rights

    def test_a_translator_has_nothing_to_list_in_dutch(self):
        self.assertEqual(self.menu_links(self.translator), set())

    def test_each_listing_shows_its_pages_with_an_add_button_that_leads_to_the_add_form(self):
        log_in(self.client, self.editor)
        for name, page in (
            ("ideas", self.idea),
            ("teams", self.team),
            ("activities", self.activity),
        ):
            with self.subTest(name):
                response = self.client.get(LISTINGS[name])
                self.assertContains(response, page.title)
                self.assertContains(response, reverse("wagtailadmin_pages:edit", args=(page.pk,)))
                self.assertContains(response, f"/admin/{name}/choose_parent/")
        # one possible parent (the edition): "add" goes straight to the add form
        response = self.client.get("/admin/activities/choose_parent/", follow=True)
        add_url = reverse(
            "wagtailadmin_pages:add", args=("activities", "activitypage", self.edition.pk)
        )
        self.assertEqual(response.redirect_chain[-1][0], add_url)
        self.assertEqual(response.status_code, 200)

    def test_the_listings_refuse_users_without_page_rights(self):
        nobody = make_user("nobody")
        log_in(self.client, nobody)
        for url in LISTINGS.values():
            with self.subTest(url):
                self.assertNotEqual(self.client.get(url).status_code, 200)


class TeamEditorLandingTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(cls)
        cls.team_editor = make_user("team_editor")
        grant_team_editor(cls.team_editor, cls.team)
        cls.editor = make_user("editor", EDITORS)

    def test_the_dashboard_of_a_team_editor_starts_with_their_team_and_an_edit_button(self):
        log_in(self.client, self.team_editor)
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()
        edit_url = reverse("wagtailadmin_pages:edit", args=(self.team.pk,))
        self.assertIn("Jouw team", html)
        self.assertIn(f'href="{edit_url}"', html)
        self.assertNotIn("Sportclub Vooruit", html)
        first_panel = re.search(r'<section class="w-panel[^"]*" aria-labelledby="([^"]+)"', html)
        self.assertEqual(first_panel.group(1), "team-pages-title")
        self.assertEqual(self.client.get(edit_url).status_code, 200)

    def test_other_editors_get_no_team_panel(self):
        log_in(self.client, self.editor)
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), "team-pages-title")


class IdeaFacetsInThePageLanguageTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        from wagtail.models import Locale

        from tests.factories_ideas import make_organiser, make_theme

        build_site(cls)
        english = Locale.objects.get(language_code="en")
        cls.dutch_theme = make_theme("Kleine gebaren", slug="kleine-gebaren")
        cls.english_theme = make_theme("Small gestures", slug="small-gestures", locale=english)
        cls.dutch_organiser = make_organiser("Buren", slug="buren")
        cls.english_organiser = make_organiser("Neighbours", slug="neighbours", locale=english)
        cls.superuser = make_user("admin", superuser=True)
        cls.editor = make_user("editor", EDITORS)

    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=(self.idea.pk,))

    def test_the_edit_form_offers_checkboxes_in_the_page_language_only(self):
        log_in(self.client, self.editor)
        html = self.client.get(self.edit_url()).content.decode()
        self.assertRegex(html, f'type="checkbox" name="themes" value="{self.dutch_theme.pk}"')
        self.assertRegex(
            html, f'type="checkbox" name="organisers" value="{self.dutch_organiser.pk}"'
        )
        self.assertNotIn("Small gestures", html)
        self.assertNotIn("Neighbours", html)

    def test_the_add_form_offers_the_parent_language(self):
        log_in(self.client, self.editor)
        url = reverse("wagtailadmin_pages:add", args=("ideas", "ideapage", self.idea_index.pk))
        html = self.client.get(url).content.decode()
        self.assertIn("Kleine gebaren", html)
        self.assertNotIn("Small gestures", html)

    def post(self, **changes):
        from tests.admin_actions import page_form_data

        data = page_form_data(self.client, self.edit_url(), self.superuser, **changes)
        log_in(self.client, self.editor)
        return self.client.post(self.edit_url(), data)

    def test_a_theme_in_another_language_is_refused(self):
        response = self.post(themes=[str(self.english_theme.pk)])
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "in de taal van deze pagina")
        latest = self.idea.get_latest_revision_as_object()
        self.assertEqual(list(latest.themes.all()), [])

    def test_a_theme_in_the_page_language_is_saved(self):
        response = self.post(themes=[str(self.dutch_theme.pk)], title="Soep voor de buren")
        self.assertEqual(response.status_code, 302)
        latest = type(self.idea).objects.get(pk=self.idea.pk).get_latest_revision_as_object()
        self.assertEqual(list(latest.themes.all()), [self.dutch_theme])


def make_image(title="Logo De Brug", alt="Logo van Buurtteam De Brug"):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), description=alt
    )


class TeamPhotoTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_site(cls)
        cls.team_editor = make_user("team_editor")
        grant_team_editor(cls.team_editor, cls.team)

    def test_the_team_page_and_the_overview_show_the_photo_or_logo(self):
        self.team.image = make_image()
        self.team.save_revision().publish()
        page = self.client.get(self.team.url)
        self.assertContains(page, 'class="team__image"')
        self.assertContains(page, 'alt="Logo van Buurtteam De Brug"')
        overview = self.client.get(self.team_index.url).content.decode()
        self.assertRegex(overview, r'<img[^>]*alt=""[^>]*class="card__image"')

    def test_the_overview_of_teams_with_images_costs_the_same_queries(self):
        from teams.models import TeamPage
        from tests.factories import make_team as add_team
        from tests.queries import assert_flat_query_count

        def add_teams(count):
            for _number in range(count):
                number = TeamPage.objects.count()
                add_team(
                    self.team_index, title=f"Team {number}", image=make_image(f"Foto {number}")
                )

        assert_flat_query_count(self, add_teams, lambda: self.client.get(self.team_index.url), n=2)

    def test_a_team_editor_uploads_a_logo_and_sets_it_on_their_team(self):
        log_in(self.client, self.team_editor)
        edit_url = reverse("wagtailadmin_pages:edit", args=(self.team.pk,))
        self.assertContains(self.client.get(edit_url), 'name="image"')
        from wagtail.images.permissions import permission_policy

        self.assertTrue(permission_policy.user_has_permission(self.team_editor, "add"))
        self.assertEqual(self.client.get(reverse("wagtailimages:add")).status_code, 200)
        image = make_image("Ons logo")
        data = querydict_from_html(
            self.client.get(edit_url).content.decode(), form_id="page-edit-form"
        )
        self.client.post(edit_url, with_changes(data, {"image": str(image.pk)}))
        latest = type(self.team).objects.get(pk=self.team.pk).get_latest_revision_as_object()
        self.assertEqual(latest.image, image)


class TeamActivitiesTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        from submissions.models import SubmitterContact

        build_site(cls)
        cls.team_editor = make_user("team_editor")
        grant_team_editor(cls.team_editor, cls.team)
        cls.own = make_activity(cls.edition, title="Soep met de buren")
        SubmitterContact.objects.create(
            page=cls.own, name="Tess", email="Team_Editor@example.org", language="nl"
        )

    def url(self, team=None):
        return reverse("team_activities", args=((team or self.team).pk,))

    def test_a_team_editor_sees_their_own_activities_only(self):
        log_in(self.client, self.team_editor)
        response = self.client.get(self.url())
        self.assertContains(response, "Soep met de buren")
        self.assertNotContains(response, "Koffie in de lift")
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, f'href="{self.url()}"')

    def test_linking_submits_a_revision_with_the_team_for_review(self):
        log_in(self.client, self.team_editor)
        response = self.client.post(self.url(), {"activity": self.own.pk})
        self.assertRedirects(response, self.url())
        activity = type(self.own).objects.get(pk=self.own.pk)
        self.assertIsNone(activity.team)  # visitors see the link only after review
        self.assertEqual(activity.get_latest_revision_as_object().team, self.team)
        self.assertEqual(activity.current_workflow_state.status, "in_progress")
        self.assertEqual(activity.current_workflow_state.requested_by, self.team_editor)
        page = self.client.get(self.url())
        self.assertContains(page, "Soep met de buren (")
        self.assertContains(page, "wacht op een moderator")
        self.assertNotContains(page, 'name="activity"')

    def test_someone_elses_activity_and_another_team_are_refused(self):
        log_in(self.client, self.team_editor)
        # Not found (the site answers an admin 404 with its language redirect): no link made
        for value in (self.activity.pk, "", "abc", "-1", "99999999999999999999"):
            with self.subTest(value=value):
                response = self.client.post(self.url(), {"activity": value})
                self.assertIn(response.status_code, (302, 404))
                self.assertNotEqual(response.get("Location"), self.url())
        activity = type(self.own).objects.get(pk=self.activity.pk)
        self.assertFalse(activity.workflow_in_progress)
        self.assertIsNone(activity.get_latest_revision_as_object().team)
        self.assertNotEqual(self.client.get(self.url(self.other_team)).status_code, 200)
