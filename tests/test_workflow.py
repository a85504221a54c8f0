"""The review workflow end to end, with the emails Wagtail sends on the way."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from editions.models import Partner
from moderation.roles import EDITORS, MODERATORS
from tests import admin_actions as act
from tests.factories import make_edition, make_edition_index, make_home, make_user
from tests.jobs import jobs_run_after
from tests.two_factor import log_in


def live_title(page):
    return Page.objects.get(pk=page.pk).title


class WorkflowFixture(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2025, title="Editie 2025")
        cls.superuser = make_user("admin", superuser=True)
        cls.editor = make_user("editor", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)


class ReviewWorkflowTest(WorkflowFixture):
    def submit(self):
        mail.outbox.clear()
        with jobs_run_after():
            self.assertTrue(act.submit(self, self.editor, self.edition))

    def recipients(self):
        return [message.to for message in mail.outbox]

    def test_submit_notifies_moderators_and_leaves_the_live_page_alone(self):
        self.submit()
        self.assertEqual(live_title(self.edition), "Editie 2025")
        self.assertIn(["moderator@example.org"], self.recipients())
        self.assertNotIn(["editor@example.org"], self.recipients())
        self.assertEqual(self.client.get(self.edition.url).status_code, 200)
        self.assertNotContains(self.client.get(self.edition.url), "Ter review")

    def test_submit_then_approve_goes_live_and_tells_the_editor_with_the_comment(self):
        self.submit()
        mail.outbox.clear()
        with jobs_run_after():
            act.workflow_action(self, self.moderator, self.edition, "approve", comment="Mooi stuk!")
        self.assertEqual(live_title(self.edition), "Ter review")
        self.assertContains(self.client.get(self.edition.url), "Ter review")
        self.assertEqual(self.recipients(), [["editor@example.org"]])
        self.assertIn("Mooi stuk!", mail.outbox[0].body)

    def test_submit_then_reject_stays_unpublished_and_tells_the_editor_why(self):
        self.submit()
        mail.outbox.clear()
        with jobs_run_after():
            act.workflow_action(
                self, self.moderator, self.edition, "reject", comment="Datum klopt niet"
            )
        page = Page.objects.get(pk=self.edition.pk)
        self.assertEqual(page.title, "Editie 2025")
        self.assertEqual(page.current_workflow_state.status, "needs_changes")
        task_state = page.current_workflow_state.current_task_state.specific
        self.assertEqual(task_state.get_comment(), "Datum klopt niet")
        self.assertEqual(self.recipients(), [["editor@example.org"]])
        self.assertIn("Datum klopt niet", mail.outbox[0].body)

    def test_editor_cannot_change_a_page_while_it_is_in_review(self):
        self.submit()
        self.assertFalse(act.edit(self, self.editor, self.edition, title="Stiekem aangepast"))

    def test_moderator_edits_during_review_and_approval_publishes_that_version(self):
        self.submit()
        self.assertTrue(
            act.edit(self, self.moderator, self.edition, title="Door moderator verbeterd")
        )
        act.workflow_action(self, self.moderator, self.edition, "approve")
        self.assertEqual(live_title(self.edition), "Door moderator verbeterd")

    def test_editor_who_switched_off_approval_emails_gets_none(self):
        UserProfile.objects.update_or_create(
            user=self.editor, defaults={"approved_notifications": False}
        )
        self.submit()
        mail.outbox.clear()
        with jobs_run_after():
            act.workflow_action(self, self.moderator, self.edition, "approve")
        self.assertEqual(self.recipients(), [])
        self.assertEqual(live_title(self.edition), "Ter review")

    def test_editor_cannot_approve_their_own_submission(self):
        self.submit()
        act.workflow_action(self, self.editor, self.edition, "approve")
        self.assertEqual(live_title(self.edition), "Editie 2025")
        self.assertTrue(Page.objects.get(pk=self.edition.pk).workflow_in_progress)


class ImpossibleWorkflowActionTest(WorkflowFixture):
    """A review action posted where none can be done is answered with a message, not a 500."""

    NOT_IN_REVIEW = "wacht niet op beoordeling: er is niets goed of af te keuren."
    UNREADABLE = "kon niet worden gelezen. Probeer het opnieuw."

    def post_action(self, url, data):
        log_in(self.client, self.moderator)
        response = self.client.post(url, {"action-workflow-action": "1", **data})
        self.assertRedirects(response, url, fetch_redirect_response=False)
        return self.client.get(url)

    def page_action(self, **fields):
        data = act.cached_form_data(self, act.edit_url(self.edition), title="Nooit opgeslagen")
        return self.post_action(act.edit_url(self.edition), {**data, **fields})

    def test_approving_a_page_that_is_not_in_review(self):
        response = self.page_action(**{"workflow-action-name": "approve"})
        self.assertContains(response, self.NOT_IN_REVIEW)
        page = Page.objects.get(pk=self.edition.pk)
        self.assertEqual(page.get_latest_revision_as_object().title, "Editie 2025")
        self.assertFalse(page.workflow_in_progress)

    def test_an_action_without_a_name_or_with_unreadable_data(self):
        act.submit(self, self.editor, self.edition)
        approve = {"workflow-action-name": "approve"}
        cases = (
            ({}, "Kies wat je met de beoordeling van"),
            ({**approve, "workflow-action-extra-data": "{x"}, self.UNREADABLE),
            ({**approve, "workflow-action-extra-data": "[1]"}, self.UNREADABLE),
        )
        for fields, message in cases:
            with self.subTest(fields=fields):
                self.assertContains(self.page_action(**fields), message)
                self.assertTrue(Page.objects.get(pk=self.edition.pk).workflow_in_progress)

    def test_unreadable_data_for_a_snippet_in_review(self):
        partner = Partner.objects.create(name="Bakkerij De Korrel", kind=Partner.Kind.SPONSOR)
        partner.save_revision(user=self.editor)
        partner.get_workflow().start(partner, self.editor)
        url = reverse(Partner.snippet_viewset.get_url_name("edit"), args=[partner.pk])
        data = {
            "name": "Bakkerij De Korrel",
            "kind": Partner.Kind.SPONSOR,
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{x",
        }
        self.assertContains(self.post_action(url, data), self.UNREADABLE)
        partner.refresh_from_db()
        self.assertTrue(partner.workflow_in_progress)
