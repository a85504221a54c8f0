"""The Dutch admin is Dutch throughout, whatever language the browser asks for."""

from django.test import TestCase
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import make_home, make_team, make_team_index, make_user
from tests.two_factor import log_in

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


class AdminLanguageTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.team_index = make_team_index(cls.home)
        for number in range(3):
            make_team(cls.team_index, title=f"Team {number}")
        cls.superuser = make_user("admin", superuser=True)

    def test_the_login_page_is_dutch_for_an_english_browser(self):
        response = self.client.get(reverse("wagtailadmin_login"), **ENGLISH_BROWSER)
        self.assertContains(response, "Wachtwoord")
        self.assertContains(response, "Inloggen")
        self.assertNotContains(response, ">Password<")
        self.assertEqual(response["Content-Language"], "nl")

    def test_the_page_listing_counts_in_dutch_with_spaces(self):
        log_in(self.client, self.superuser)
        response = self.client.get(
            reverse("wagtailadmin_explore", args=(self.team_index.pk,)), **ENGLISH_BROWSER
        )
        text = " ".join(response.content.decode().split())
        self.assertIn("1-3 van 3 ", text)
        self.assertNotIn("1-3van", text)
        self.assertContains(response, "Meer opties voor")

    def test_the_translations_report_names_its_columns_in_dutch(self):
        log_in(self.client, self.superuser)
        response = self.client.get(reverse("wagtail_localize:translations_report"))
        self.assertContains(response, "Inhoudstype")
        self.assertNotContains(response, "Content type")

    def test_dates_and_times_in_the_admin_are_dutch(self):
        log_in(self.client, self.superuser)
        response = self.client.get(
            reverse("wagtailadmin_pages:history", args=(self.team_index.pk,)), **ENGLISH_BROWSER
        )
        self.assertContains(response, "Zojuist")
        self.assertNotContains(response, "Just now")
        self.assertRegex(response.content.decode(), r"\d+ december \d{4}")

    def test_a_language_chosen_in_the_account_still_wins(self):
        UserProfile.get_for_user(self.superuser).__class__.objects.filter(
            user=self.superuser
        ).update(preferred_language="en")
        log_in(self.client, self.superuser)
        response = self.client.get(reverse("wagtailadmin_explore", args=(self.team_index.pk,)))
        self.assertContains(response, "Translate this page")
