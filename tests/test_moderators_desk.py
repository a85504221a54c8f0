"""The moderators' desk on the admin dashboard: submissions and sign-ups per day of the current
edition's week (counted by hand, Amsterdam days), and out-of-date translations; per role."""

from django.test import TestCase

from figures.desk import week_days
from moderation.roles import EDITORS, MODERATORS, TRANSLATORS
from signups.models import SignUp
from submissions.models import SubmitterContact
from tests.factories import (
    amsterdam_time,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_user,
)
from tests.queries import assert_flat_query_count
from tests.two_factor import log_in

# (day, hour) in Amsterdam, December 2026; the week is 7 to 11 December
SUBMITTED = [(6, 23), (7, 0), (7, 10), (9, 23), (12, 0)]  # 7: 2, 9: 1 (6 and 12 are outside)
SIGNED_UP = [(7, 12), (8, 9), (8, 10), (8, 23), (11, 23)]  # 7: 1, 8: 3, 11: 1


class DeskFixture(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)
        cls.activity = make_activity(cls.edition, "Aanmelden", signup_on_site=True)
        for number, (day, hour) in enumerate(SUBMITTED):
            cls.submit(number, amsterdam_time(2026, 12, day, hour))
        for number, (day, hour) in enumerate(SIGNED_UP):
            signup = SignUp.objects.create(
                activity=cls.activity, name="N", email=f"{number}@example.org", language="nl"
            )
            SignUp.objects.filter(pk=signup.pk).update(
                created_at=amsterdam_time(2026, 12, day, hour)
            )
        cls.moderator = make_user("moderator", MODERATORS)
        cls.editor = make_user("editor", EDITORS)
        cls.translator = make_user("translator", TRANSLATORS)

    @classmethod
    def submit(cls, number, at):
        page = make_activity(cls.edition, f"Ingestuurd {number}", live=False)
        contact = SubmitterContact.objects.create(page=page, name="Anna", email="a@example.org")
        SubmitterContact.objects.filter(pk=contact.pk).update(created_at=at)

    def dashboard(self, user):
        log_in(self.client, user)
        return self.client.get("/admin/").content.decode()


class ModeratorsDeskTest(DeskFixture):
    def test_counted_per_day_of_the_week(self):
        days = week_days(self.edition)
        self.assertEqual([d.day.day for d in days], [7, 8, 9, 10, 11])
        self.assertEqual([d.submissions for d in days], [2, 0, 1, 0, 0])
        self.assertEqual([d.signups for d in days], [1, 3, 0, 0, 1])

    def test_moderators_see_the_desk_as_a_table(self):
        html = self.dashboard(self.moderator)
        panel = html[html.index('id="moderators-desk-title"') :]
        self.assertIn('<th scope="row">dinsdag 8 december</th>', panel)
        self.assertIn('<span class="moderators-desk__number">3</span>', panel)
        self.assertIn('aria-hidden="true"', panel)  # the bars repeat the numbers
        self.assertIn("out-of-date-translations-title", html)

    def test_editors_and_translators_do_not_get_the_desk(self):
        editor = self.dashboard(self.editor)
        self.assertNotIn("moderators-desk-title", editor)
        self.assertNotIn("out-of-date-translations-title", editor)
        translator = self.dashboard(self.translator)
        self.assertNotIn("moderators-desk-title", translator)
        self.assertIn("out-of-date-translations-title", translator)

    def test_queries_do_not_grow_with_sign_ups(self):
        log_in(self.client, self.moderator)
        added = []

        def add_signups(count):
            for _number in range(count):
                added.append(len(added))
                SignUp.objects.create(
                    activity=self.activity,
                    name="N",
                    email=f"x{len(added)}@example.org",
                    language="nl",
                )

        assert_flat_query_count(
            self, add_signups, lambda: self.client.get("/admin/"), n=2, upper_bound=150
        )
