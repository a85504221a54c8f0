"""Background jobs: mail sent after commit by the worker, retried, once; periodic jobs; limits.

A mail server that is down must never undo a moderator's decision or a visitor's submission.
"""

import io
import socket
from contextlib import suppress
from datetime import timedelta
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from core.mail import MAX_ATTEMPTS, deliver_email, send_email_later
from core.models import SentEmail
from editions.models import EditionPage
from operations.scheduler import periodic_tasks, queue_due_tasks
from operations.tasks import prune_finished_jobs, publish_scheduled
from submissions.models import SubmitterContact
from tests import admin_actions as act
from tests import test_public_forms as public_forms
from tests.factories import make_edition, make_edition_index, make_home, make_user
from tests.jobs import jobs_run_after, queued_jobs, run_jobs


def closed_port():
    """A local port nothing listens on: connecting to it is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mail_server_down():
    return override_settings(
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=2,
    )


def later(hours):
    return timezone.now() + timedelta(hours=hours)


class MailServerDownTest(public_forms.ActivityFormTestCase):
    """The public activity form and its review, with the mail server refusing connections."""

    def test_a_public_form_is_accepted_once_and_its_mails_wait_in_the_queue(self):
        with mail_server_down():
            token = public_forms.old_token()
            first = self.post(form_token=token)
            again = self.post(form_token=token)
        self.assertRedirects(first, "/nl/meld-je-activiteit-aan/bedankt/")
        self.assertRedirects(again, "/nl/meld-je-activiteit-aan/bedankt/")
        self.assertEqual(SubmitterContact.objects.count(), 1)
        self.assertEqual(mail.outbox, [])
        waiting = list(queued_jobs(deliver_email))
        self.assertTrue(all(job.run_after > timezone.now() for job in waiting))  # retries
        run_jobs(at=later(1))  # the mail server is back
        recipients = [message.to[0] for message in mail.outbox]
        self.assertEqual((len(recipients), queued_jobs().count()), (len(waiting), 0))
        self.assertEqual(recipients.count("anna@example.org"), 1)
        self.assertIn("moderator@example.org", recipients)

    def test_approve_and_reject_stay_decided_and_the_mail_is_sent_when_the_server_is_back(self):
        self.post()
        approved = self.submitted()
        self.post(title="Wandelen met de buren", form_token=public_forms.old_token())
        rejected = Page.objects.get(title="Wandelen met de buren")
        mail.outbox.clear()
        with mail_server_down(), jobs_run_after():
            approve = act.workflow_action(self, self.moderator, approved, "approve")
            reject = act.workflow_action(self, self.moderator, rejected, "reject", comment="Nee.")
        self.assertEqual((approve.status_code, reject.status_code), (302, 302))
        self.assertTrue(Page.objects.get(pk=approved.pk).live)
        rejected = Page.objects.get(pk=rejected.pk)
        self.assertFalse(rejected.live)
        self.assertEqual(rejected.current_workflow_state.status, "needs_changes")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(queued_jobs(deliver_email).count(), 2)
        run_jobs(at=later(1))
        self.assertEqual([m.to for m in mail.outbox], [["anna@example.org"]] * 2)
        self.assertIn("Nee.", next(m.body for m in mail.outbox if "Wandelen" in m.subject))

    def test_a_subject_with_a_line_break_is_sent_on_one_line(self):
        with jobs_run_after():
            send_email_later("Soep voor\r\nBcc: iedereen@example.org", "Tekst", ["a@example.org"])
        (message,) = mail.outbox
        self.assertEqual(message.subject, "Soep voor Bcc: iedereen@example.org")
        self.assertNotIn("\n", message.message()["Subject"])
        self.assertEqual(message.bcc, [])


class WagtailReviewMailTest(TestCase):
    """Wagtail's own review notifications reach the same queue (through EMAIL_BACKEND)."""

    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2025, title="Editie 2025")
        cls.superuser = make_user("admin", superuser=True)
        cls.editor = make_user("editor", "Editors")
        cls.moderator = make_user("moderator", "Moderators")

    def test_submission_and_approval_mails_wait_for_the_worker(self):
        with self.captureOnCommitCallbacks(execute=True):
            act.submit(self, self.editor, self.edition)
        with mail_server_down(), self.captureOnCommitCallbacks(execute=True):
            act.workflow_action(self, self.moderator, self.edition, "approve", comment="Top")
        self.assertEqual(mail.outbox, [])
        self.assertEqual(EditionPage.objects.get(pk=self.edition.pk).title, "Ter review")
        run_jobs()
        recipients = [message.to for message in mail.outbox]
        self.assertIn(["moderator@example.org"], recipients)
        self.assertIn(["editor@example.org"], recipients)


class MailJobTest(TestCase):
    def test_header_values_lose_their_line_breaks(self):
        with jobs_run_after():
            send_email_later(
                "Hallo\r\nBcc: x@example.org",
                "Regel 1\nRegel 2",
                ["Anna\n <anna@example.org>"],
                reply_to=["piet@example.com\r\nCc: y@example.org"],
            )
        (message,) = mail.outbox
        self.assertEqual(message.subject, "Hallo Bcc: x@example.org")
        self.assertEqual(message.to, ["Anna <anna@example.org>"])
        self.assertEqual((message.cc, message.bcc), ([], []))
        self.assertEqual(message.body, "Regel 1\nRegel 2")
        self.assertNotIn("\n", message.message()["Reply-To"])

    def test_nothing_is_queued_when_the_transaction_rolls_back(self):
        with self.captureOnCommitCallbacks(execute=True):
            with suppress(DatabaseError), transaction.atomic():
                send_email_later("Onderwerp", "Tekst", ["anna@example.org"])
                raise DatabaseError("the decision could not be saved")
        self.assertEqual(queued_jobs().count(), 0)

    def test_a_mail_that_cannot_be_sent_is_tried_a_bounded_number_of_times_then_fails(self):
        with mail_server_down():
            with self.captureOnCommitCallbacks(execute=True):
                send_email_later("Onderwerp", "Tekst", ["anna@example.org"])
            attempts = run_jobs(at=later(24 * 7))
        self.assertEqual(len(attempts), MAX_ATTEMPTS)
        self.assertEqual(DBTaskResult.objects.failed().count(), 1)
        self.assertEqual(queued_jobs().count(), 0)
        self.assertEqual(mail.outbox, [])
        output = io.StringIO()
        call_command("failed_jobs", stdout=output)
        self.assertIn("deliver_email", output.getvalue())
        self.assertIn("ConnectionRefusedError", output.getvalue())

    def test_a_job_that_has_sent_its_mail_sends_nothing_when_it_runs_again(self):
        with self.captureOnCommitCallbacks(execute=True):
            send_email_later("Onderwerp", "Tekst", ["anna@example.org"])
        (job,) = run_jobs()
        DBTaskResult.objects.filter(pk=job.pk).update(status=TaskResultStatus.READY)
        (again,) = run_jobs()  # e.g. a worker that restarted before recording the result
        again.refresh_from_db()
        self.assertEqual(again.return_value, "already sent")
        self.assertEqual(len(mail.outbox), 1)


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
class DatabaseWorkerTest(TransactionTestCase):
    """The real commands (run_scheduler, db_worker) with production's database backend."""

    serialized_rollback = True  # keep the rows the migrations made for the tests that follow

    def run_worker(self):
        call_command(
            "db_worker", batch=True, startup_delay=False, reload=False, stdout=io.StringIO()
        )

    def test_the_worker_sends_a_queued_mail(self):
        send_email_later("Onderwerp", "Tekst", ["anna@example.org"])
        self.assertEqual(mail.outbox, [])
        self.run_worker()
        self.assertEqual([message.to for message in mail.outbox], [["anna@example.org"]])
        sent = DBTaskResult.objects.get(task_path=deliver_email.module_path)
        self.assertEqual(sent.status, TaskResultStatus.SUCCESSFUL)

    def test_a_page_past_its_expiry_date_goes_offline_when_the_scheduled_job_runs(self):
        edition = make_edition(make_edition_index(make_home()), 2025, title="Editie 2025")
        Page.objects.filter(pk=edition.pk).update(expire_at=timezone.now() - timedelta(minutes=5))
        self.assertEqual(self.client.get(edition.url).status_code, 200)
        call_command("run_scheduler", once=True)
        self.run_worker()
        self.assertFalse(Page.objects.get(pk=edition.pk).live)
        self.assertEqual(self.client.get(edition.url).status_code, 404)


class SearchIndexInTheWorkerTest(TestCase):
    @override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
    def test_the_page_cache_starts_a_new_generation_once_the_worker_has_indexed_a_page(self):
        make_edition(make_edition_index(make_home()), 2025, title="Editie 2025")
        with mock.patch("operations.jobs.invalidate") as invalidate:
            self.assertEqual(invalidate.call_count, 0)
            jobs = run_jobs()
        indexed = [job for job in jobs if job.task_path.startswith("modelsearch.")]
        self.assertTrue(indexed)
        self.assertEqual(invalidate.call_count, len(indexed))


class SchedulerTest(TestCase):
    def test_every_periodic_task_names_a_task(self):
        self.assertIn(publish_scheduled, [task for _path, task, _interval in periodic_tasks()])

    def test_two_schedulers_at_the_same_moment_queue_a_job_once(self):
        now = timezone.now()
        self.assertIn("operations.tasks.publish_scheduled", queue_due_tasks(now))
        self.assertEqual(queue_due_tasks(now), [])
        self.assertEqual(queued_jobs(publish_scheduled).count(), 1)
        self.assertEqual(queue_due_tasks(now + timedelta(seconds=30)), [])
        self.assertIn(
            "operations.tasks.publish_scheduled", queue_due_tasks(now + timedelta(seconds=60))
        )
        self.assertEqual(queued_jobs(publish_scheduled).count(), 2)


class PruneFinishedJobsTest(TestCase):
    def test_old_finished_jobs_and_their_sent_marks_are_deleted_recent_ones_kept(self):
        for subject in ("Oud", "Nieuw"):
            with jobs_run_after():
                send_email_later(subject, "Tekst", ["anna@example.org"])
        old, new = DBTaskResult.objects.order_by("enqueued_at")
        DBTaskResult.objects.filter(pk=old.pk).update(finished_at=later(-24 * 15))
        SentEmail.objects.filter(
            message_id=old.args_kwargs["args"][0]["headers"]["Message-ID"]
        ).update(claimed_at=later(-24 * 61))
        prune_finished_jobs.call()
        self.assertEqual(list(DBTaskResult.objects.all()), [new])
        self.assertEqual(SentEmail.objects.count(), 1)


class PasswordResetLimitTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.users = [make_user(f"redacteur{number}") for number in range(8)]

    def reset(self, email, address="203.0.113.9"):
        with jobs_run_after():
            return self.client.post(
                reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
            )

    def test_eight_requests_for_one_account_send_one_mail(self):
        for number in range(8):
            self.reset("redacteur0@example.org", address=f"203.0.113.{number}")
        self.assertEqual([message.to for message in mail.outbox], [["redacteur0@example.org"]])

    def test_one_address_asking_for_many_accounts_is_limited(self):
        for user in self.users:
            self.reset(user.email)
        self.assertEqual(len(mail.outbox), 5)  # SUBMISSIONS_RATE_LIMIT

    def test_the_answer_is_the_same_for_a_known_an_unknown_and_a_limited_address(self):
        answers = [
            self.reset("redacteur1@example.org"),
            self.reset("niemand@example.org"),
            self.reset("redacteur1@example.org"),
        ]
        done = reverse("wagtailadmin_password_reset_done")
        for response in answers:
            self.assertRedirects(response, done)
        self.assertEqual(len(mail.outbox), 1)
