"""A moderator asks for changes: the editor reads the comment on the edit page and in an email
that says "wijzigingen gevraagd", not "afgekeurd"."""

from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from tests import admin_actions as act
from tests.jobs import jobs_run_after
from tests.test_workflow import WorkflowFixture
from tests.two_factor import log_in

COMMENT = "De datum klopt niet, kijk nog eens naar het programma."


class RequestedChangesTest(WorkflowFixture):
    def request_changes(self, comment=COMMENT):
        with jobs_run_after():
            self.assertTrue(act.submit(self, self.editor, self.edition))
        mail.outbox.clear()
        with jobs_run_after():
            act.workflow_action(self, self.moderator, self.edition, "reject", comment=comment)

    def edit_page(self, user):
        log_in(self.client, user)
        return self.client.get(reverse("wagtailadmin_pages:edit", args=(self.edition.pk,)))

    def test_the_editor_sees_the_comment_in_a_banner_on_the_edit_page(self):
        self.request_changes()
        response = self.edit_page(self.editor)
        self.assertContains(response, "Wijzigingen gevraagd door moderator")
        self.assertContains(response, COMMENT)
        self.assertContains(response, "opnieuw ter beoordeling")

    def test_no_banner_before_a_review_or_after_submitting_again(self):
        self.assertNotContains(self.edit_page(self.editor), "Wijzigingen gevraagd")
        self.request_changes()
        act.submit(self, self.editor, self.edition)
        self.assertEqual(
            Page.objects.get(pk=self.edition.pk).current_workflow_state.status, "in_progress"
        )
        self.assertNotContains(self.edit_page(self.editor), "Wijzigingen gevraagd")

    def test_the_email_says_changes_requested_with_the_comment_and_the_edit_link(self):
        self.request_changes()
        [message] = mail.outbox
        self.assertEqual(message.to, ["editor@example.org"])
        self.assertIn("Wijzigingen gevraagd", message.subject)
        self.assertIn("Ter review", message.subject)  # the title of the submitted draft
        for text in (message.subject, message.body):
            self.assertNotIn("afgekeurd", text.lower())
            self.assertNotIn("rejected", text.lower())
        self.assertIn("moderator vraagt om wijzigingen", message.body)
        self.assertIn(COMMENT, message.body)
        edit_url = reverse("wagtailadmin_pages:edit", args=(self.edition.pk,))
        self.assertIn(f"http://testserver{edit_url}", message.body)
        html = message.alternatives[0][0] if message.alternatives else ""
        self.assertNotIn("afgekeurd", html.lower())
