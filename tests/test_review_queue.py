"""The moderators' dashboard panel: everything waiting for review, oldest first, with who sent it."""

import datetime

from django.utils import timezone

from stories.models import Story
from tests import admin_actions as act
from tests.queries import assert_flat_query_count
from tests.test_public_forms import ActivityFormTestCase
from tests.two_factor import log_in


class ReviewQueuePanelTest(ActivityFormTestCase):
    def setUp(self):
        super().setUp()
        self.post()  # an activity through the public form, sent by "Anna de Vries"
        story = Story.objects.create(
            edition=self.edition, name="Bram", email="bram@example.org", text="Wij aten samen."
        )
        Story.objects.filter(pk=story.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=2)
        )
        self.assertTrue(act.submit(self, self.editor, self.edition))  # by the editor, just now

    def dashboard(self, user):
        log_in(self.client, user)
        return self.client.get("/admin/").content.decode()

    def test_moderators_see_every_kind_counted_oldest_first_with_the_sender(self):
        html = self.dashboard(self.moderator)
        self.assertIn("Wacht op beoordeling: 3 items", html)
        self.assertIn("1 verhaal wacht op beoordeling.", html)
        self.assertIn("Pagina&#x27;s en snippets in beoordeling: 2", html)
        panel = html[html.index('id="review-queue-title"') :]
        story = panel.index("Wij aten samen.")
        activity = panel.index("Soep voor de straat")
        edition = panel.index("Ter review")
        self.assertLess(story, activity)
        self.assertLess(activity, edition)
        self.assertIn("Anna de Vries (openbaar formulier)", panel)
        self.assertIn(">Bram<", panel)
        self.assertIn(">editor<", panel)
        self.assertIn(f'href="/admin/pages/{self.submitted().pk}/edit/"', panel)

    def test_editors_get_no_review_panel(self):
        self.assertNotIn("review-queue-title", self.dashboard(self.editor))

    def test_the_panel_costs_the_same_queries_for_more_waiting_items(self):
        log_in(self.client, self.moderator)

        def add_stories(n):
            for number in range(n):
                Story.objects.create(
                    edition=self.edition, name=f"Naam {number}", email="x@example.org", text="Tekst"
                )

        assert_flat_query_count(
            self, add_stories, lambda: self.client.get("/admin/"), n=2, upper_bound=150
        )
