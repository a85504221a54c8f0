import time

from django.core import mail
from wagtail.test.utils import WagtailPageTestCase

from activities.models import ActivityPage
from submissions.protection import new_form_token
from teams.contact import TeamContactView
from teams.models import TEAMS_PER_PAGE, TeamLink, TeamNeed
from tests.factories import (
    amsterdam_time,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
)
from tests.jobs import jobs_run_after
from tests.protections import assert_uses_the_shared_protections
from tests.queries import assert_flat_query_count

PRIVATE_ADDRESS = "geheim.team@example.org"


class TeamPageTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        editions = make_edition_index(home)
        cls.edition_2025 = make_edition(editions, 2025, start=(12, 8), end=(12, 12))
        cls.edition_2026 = make_edition(editions, 2026)
        cls.index = make_team_index(home)
        cls.team = make_team(
            cls.index,
            "Liftkoffie Middellaan",
            place="Breda",
            contact_name="Liesbeth",
            contact_email=PRIVATE_ADDRESS,
        )
        cls.other_team = make_team(cls.index, "Sportclub Oost")

    def test_lists_only_its_own_published_activities_across_editions(self):
        make_activity(self.edition_2025, "Liftkoffie 2025", team=self.team)
        make_activity(self.edition_2026, "Liftkoffie 2026", team=self.team)
        make_activity(self.edition_2026, "Nog geheim", team=self.team, live=False)
        make_activity(self.edition_2026, "Voetbal in de wijk", team=self.other_team)
        make_activity(self.edition_2026, "Zonder team")
        response = self.client.get(self.team.url)
        self.assertContains(response, "Liftkoffie 2025")
        self.assertContains(response, "Liftkoffie 2026")
        self.assertNotContains(response, "Nog geheim")
        self.assertNotContains(response, "Voetbal in de wijk")
        self.assertNotContains(response, "Zonder team")
        content = response.content.decode()
        self.assertLess(content.index("Liftkoffie 2026"), content.index("Liftkoffie 2025"))

    def test_shows_what_the_team_is_looking_for_and_its_links(self):
        TeamNeed.objects.create(
            page=self.team, kind=TeamNeed.Kind.VENUE, description="Een zaal voor 30 mensen"
        )
        TeamLink.objects.create(page=self.team, label="Onze website", url="https://example.org/")
        response = self.client.get(self.team.url)
        self.assertContains(response, "Een locatie")
        self.assertContains(response, "Een zaal voor 30 mensen")
        self.assertContains(response, '<a href="https://example.org/">Onze website</a>', html=True)

    def test_never_renders_the_contact_address(self):
        make_activity(self.edition_2026, "Liftkoffie", team=self.team)
        response = self.client.get(self.team.url)
        # No contact form (only the header's search form, which sends nothing private).
        self.assertNotContains(response, 'method="post"')
        self.assertNotContains(response, "csrfmiddlewaretoken")
        self.assertContains(response, f'href="{self.team.url}contact/"')
        self.assertNotContains(response, PRIVATE_ADDRESS)
        contact_page = self.client.get(f"{self.team.url}contact/")
        self.assertContains(contact_page, 'method="post"', count=1)
        self.assertNotContains(contact_page, PRIVATE_ADDRESS)
        # no address to write to (the share link "mailto:?subject=..." names none)
        self.assertNotRegex(response.content.decode(), r"mailto:[^?]")
        self.assertNotContains(response, "example.org")

    def contact(self, team=None, **changes):
        data = {
            "name": "Piet",
            "email": "piet@example.com",
            "message": "Mag ik meehelpen?",
            "website": "",
            "consent": "on",
            "form_token": new_form_token(now=time.time() - 30),
            **changes,
        }
        with jobs_run_after():
            return self.client.post(f"{(team or self.team).url}contact/", data)

    def test_contact_form_sends_the_message_to_the_team(self):
        response = self.contact()
        self.assertRedirects(response, f"{self.team.url}?verzonden=1#contact")
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, [PRIVATE_ADDRESS])
        self.assertEqual(mail.outbox[0].reply_to, ["piet@example.com"])
        self.assertIn("Mag ik meehelpen?", mail.outbox[0].body)
        self.assertContains(self.client.get(f"{self.team.url}?verzonden=1"), 'role="status"')

    def test_contact_form_has_the_protections_of_every_public_form(self):
        assert_uses_the_shared_protections(self, TeamContactView)
        response = self.client.get(f"{self.team.url}contact/")
        self.assertContains(response, 'class="form-trap" aria-hidden="true"')
        self.assertContains(response, 'name="form_token"')
        self.assertContains(response, 'name="consent"')

    def test_honeypot_answers_like_success_but_sends_nothing(self):
        response = self.contact(name="Bot", message="Koop nu", website="http://spam")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(mail.outbox, [])

    def test_reply_to_is_the_validated_address_and_headers_have_no_line_breaks(self):
        self.contact(email="piet@example.com\r\nBcc: iedereen@example.org")
        self.assertEqual(mail.outbox, [])
        self.contact(name="Piet\r\nBcc: iedereen@example.org")
        (message,) = mail.outbox
        self.assertEqual(message.reply_to, ["piet@example.com"])
        self.assertEqual(message.bcc, [])
        self.assertNotIn("iedereen", str(message.message()["Reply-To"]))

    def test_invalid_message_shows_errors_and_sends_nothing(self):
        response = self.contact(name="", email="geen-adres", message="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "errorlist")
        self.assertEqual(mail.outbox, [])

    def test_team_without_address_has_no_form_and_ignores_posts(self):
        response = self.client.get(self.other_team.url)
        self.assertNotContains(response, "contact/")
        self.assertEqual(self.client.get(f"{self.other_team.url}contact/").status_code, 404)
        self.client.post(
            f"{self.other_team.url}contact/",
            {"name": "P", "email": "p@example.com", "message": "Hoi"},
        )
        self.assertEqual(mail.outbox, [])

    def test_index_lists_teams(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, "Liftkoffie Middellaan")
        self.assertContains(response, "Sportclub Oost")

    def test_team_index_is_served_under_home(self):
        self.assertEqual(self.index.url, "/nl/inspiratieteams/")


class TeamPageQueryCountTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        editions = make_edition_index(home)
        cls.editions = [
            make_edition(editions, 2025, start=(12, 8), end=(12, 12)),
            make_edition(editions, 2026),
        ]
        cls.team = make_team(make_team_index(home), contact_email=PRIVATE_ADDRESS)
        TeamNeed.objects.create(page=cls.team, kind=TeamNeed.Kind.VOLUNTEERS)
        TeamLink.objects.create(page=cls.team, label="Site", url="https://example.org/")

    def add_activities(self, count):
        first = ActivityPage.objects.count()
        for number in range(first, first + count):
            edition = self.editions[number % 2]
            day = edition.start_date
            make_activity(
                edition,
                f"Activiteit {number}",
                team=self.team,
                starts_at=amsterdam_time(day.year, day.month, day.day, 9 + number % 10),
                ends_at=amsterdam_time(day.year, day.month, day.day, 10 + number % 10),
            )

    def test_query_count_is_the_same_for_3_and_30_activities(self):
        response = assert_flat_query_count(
            self, self.add_activities, lambda: self.client.get(self.team.url)
        )
        self.assertContains(response, 'class="card"', count=30)


class TeamIndexPaginationTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_team_index(make_home())
        for number in range(TEAMS_PER_PAGE + 2):
            make_team(cls.index, f"Team {number:02d}")

    def titles(self, response):
        return [team.title for team in response.context["teams"]]

    def test_index_shows_a_page_of_teams_and_the_rest_on_the_next(self):
        first = self.client.get(self.index.url)
        second = self.client.get(self.index.url, {"page": "2"})
        self.assertEqual(len(self.titles(first)), TEAMS_PER_PAGE)
        self.assertEqual(self.titles(second), ["Team 24", "Team 25"])
        self.assertContains(first, 'rel="next"')
        not_a_number = self.client.get(self.index.url, {"page": "x"})
        self.assertEqual(self.titles(not_a_number), self.titles(first))
