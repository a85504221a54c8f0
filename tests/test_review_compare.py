"""The moderator of a resubmission compares it with the version they reviewed: the revision of the
review that asked for changes against the revision submitted now, whatever autosaves lie between."""

import re

from django.urls import reverse
from wagtail.models import Page

from tests import admin_actions as act
from tests.test_workflow import WorkflowFixture
from tests.two_factor import log_in


class CompareWithTheReviewedVersionTest(WorkflowFixture):
    def setUp(self):
        act.submit(self, self.editor, self.edition)
        self.reviewed = self.current_task_state().revision_id
        act.workflow_action(self, self.moderator, self.edition, "reject", comment="Datum?")
        self.autosave(title="Bijna klaar")
        self.autosave(title="Bijna klaar, met datum")
        act.submit(self, self.editor, self.edition)
        self.submitted = self.current_task_state().revision_id

    def current_task_state(self):
        return Page.objects.get(pk=self.edition.pk).current_workflow_task_state

    def autosave(self, **changes):
        """What Wagtail's autosave posts: the edit form, asking for a JSON answer."""
        data = act.cached_form_data(self, act.edit_url(self.edition), **changes)
        for stale in ("loaded_revision_id", "loaded_revision_created_at"):
            data.pop(stale, None)  # read before the review; autosave sends the newest
        log_in(self.client, self.editor)
        response = self.client.post(
            act.edit_url(self.edition), data, headers={"Accept": "application/json"}
        )
        self.assertTrue(response.json()["success"])
        self.client.logout()

    def expected_url(self):
        return reverse(
            "wagtailadmin_pages:revisions_compare",
            args=(self.edition.pk, self.reviewed, self.submitted),
        )

    def compare_links(self, html):
        return re.findall(rf'href="(/admin/pages/{self.edition.pk}/revisions/compare/[^"]+)"', html)

    def test_autosaves_lie_between_the_reviewed_and_the_submitted_revision(self):
        revisions = set(
            Page.objects.get(pk=self.edition.pk)
            .revisions.filter(pk__gt=self.reviewed, pk__lt=self.submitted)
            .values_list("pk", flat=True)
        )
        self.assertTrue(revisions)

    def test_the_review_panel_links_the_reviewed_and_the_submitted_revision(self):
        log_in(self.client, self.moderator)
        html = self.client.get("/admin/").content.decode()
        self.assertIn(self.expected_url(), self.compare_links(html))
        self.assertIn("Vergelijk met de versie die je beoordeelde", html)

    def test_the_edit_page_of_the_moderator_has_the_link_in_a_banner(self):
        log_in(self.client, self.moderator)
        response = self.client.get(act.edit_url(self.edition))
        self.assertContains(response, "Opnieuw ingediend na gevraagde wijzigingen.")
        self.assertIn(self.expected_url(), self.compare_links(response.content.decode()))

    def test_the_moderator_may_open_the_compare_view(self):
        log_in(self.client, self.moderator)
        response = self.client.get(self.expected_url())
        self.assertContains(response, "Vergelijk: Ter review")

    def test_the_editor_gets_no_comparison_banner(self):
        log_in(self.client, self.editor)
        response = self.client.get(act.edit_url(self.edition))
        self.assertNotContains(response, "Opnieuw ingediend na gevraagde wijzigingen.")


class NoComparisonOnAFirstSubmissionTest(WorkflowFixture):
    def test_a_first_submission_has_nothing_to_compare_with(self):
        act.submit(self, self.editor, self.edition)
        log_in(self.client, self.moderator)
        html = self.client.get("/admin/").content.decode()
        self.assertNotIn("Vergelijk met de versie die je beoordeelde", html)
        response = self.client.get(act.edit_url(self.edition))
        self.assertNotContains(response, "Opnieuw ingediend")
