"""Signing up for an activity without an account (signups/): the form, the confirmation link,
places and the waiting list, the private links, reminders, the organiser's page, privacy."""

import csv
import io
import threading
import time
import unittest
from datetime import timedelta
from urllib.parse import urlparse

from django.core import mail, signing
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from activities.models import ActivityPage
from privacy.retention import apply_retention
from signups import allocation, tokens
from signups.models import OrganiserAccess, SignUp
from signups.tasks import send_reminders
from signups.views import SignUpView
from submissions.models import SubmitterContact
from submissions.protection import new_form_token
from tests.factories import (
    amsterdam_time,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    translate,
)
from tests.jobs import run_jobs
from tests.protections import assert_uses_the_shared_protections


def form_data(**fields):
    return {
        "name": "Anna de Vries",
        "email": "anna@example.org",
        "people": "1",
        "phone": "",
        "note": "",
        "consent": "on",
        "website": "",
        "form_token": new_form_token(now=time.time() - 30),
        **fields,
    }


def make_signup(activity, email, people=1, status=SignUp.Status.UNCONFIRMED, **fields):
    return SignUp.objects.create(
        activity=activity,
        name=email.split("@")[0],
        email=email,
        people=people,
        language="nl",
        status=status,
        **fields,
    )


def confirmed(activity, email, people=1):
    return allocation.confirm(make_signup(activity, email, people))


def sent_mail():
    """Run the queued jobs; the messages the worker sent."""
    run_jobs()
    return mail.outbox


class SignUpsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2027)
        cls.activity = make_activity(cls.edition, signup_on_site=True, capacity=5)

    def post_signup(self, activity=None, **fields):
        activity = activity or self.activity
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("signups:create", args=[activity.pk]), form_data(**fields)
            )

    def confirm_link(self, message):
        return next(line for line in message.body.splitlines() if "/bevestigen/" in line)


class SignUpFormTest(SignUpsTestCase):
    def test_the_form_uses_the_shared_protections(self):
        assert_uses_the_shared_protections(self, SignUpView)

    def test_sign_up_confirm_and_get_the_calendar_and_private_link(self):
        response = self.post_signup(people="2", note='=HYPERLINK("x")\nrolstoel')
        self.assertRedirects(response, reverse("signups:thanks", args=[self.activity.pk]))
        signup = SignUp.objects.get()
        self.assertEqual((signup.status, signup.people, signup.language), ("unconfirmed", 2, "nl"))
        self.activity.refresh_from_db()
        self.assertEqual(self.activity.remaining_places(), 5)  # not counted before confirming
        [message] = sent_mail()
        path = urlparse(self.confirm_link(message).strip()).path
        self.assertEqual(self.client.get(path).status_code, 200)  # a button: mail scanners
        self.assertEqual(SignUp.objects.get().status, "unconfirmed")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(path)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(SignUp.objects.get().status, "confirmed")
        self.activity.refresh_from_db()
        self.assertEqual(self.activity.places_left, 3)
        mail.outbox.clear()
        [message] = sent_mail()
        self.assertEqual(message.to, ["anna@example.org"])
        [(filename, content, mimetype)] = message.attachments
        self.assertTrue(filename.endswith(".ics"))
        self.assertIn("BEGIN:VEVENT", content if isinstance(content, str) else content.decode())
        self.assertIn("/beheren/", message.body)

    def test_input_is_kept_and_nothing_saved_on_error(self):
        response = self.post_signup(email="not-an-address", note="Ik kom met de rolstoel")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ik kom met de rolstoel")
        self.assertFalse(SignUp.objects.exists())

    def test_the_same_address_twice_is_one_signup_with_a_clear_message(self):
        self.post_signup()
        response = self.post_signup(email="ANNA@example.org", name="Anna")
        self.assertRedirects(response, reverse("signups:already", args=[self.activity.pk]))
        self.assertEqual(SignUp.objects.count(), 1)
        self.assertContains(self.client.get(response.url), "al aangemeld")
        self.assertEqual(len(sent_mail()), 2)  # the link again

    def test_more_people_than_places_offers_the_waiting_list(self):
        confirmed(self.activity, "a@example.org", people=4)
        self.activity.refresh_from_db()
        response = self.post_signup(people="3")
        self.assertContains(response, "nog maar 1 plekken")
        self.assertContains(response, "wachtlijst")
        self.assertFalse(SignUp.objects.filter(email="anna@example.org").exists())
        response = self.post_signup(people="3", waiting_list="on")
        self.assertEqual(response.status_code, 302)
        signup = SignUp.objects.get(email="anna@example.org")
        self.assertEqual(allocation.confirm(signup).status, "waiting")

    def test_refused_for_draft_private_other_language_past_cancelled_and_forged_ids(self):
        draft = make_activity(self.edition, "Concept", live=False, signup_on_site=True)
        private = make_activity(self.edition, "Besloten", signup_on_site=True)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        english = translate(self.activity, Locale.objects.get_or_create(language_code="en")[0])
        for pk in (draft.pk, private.pk, english.pk, self.edition.pk, 999999, 2**40, 2**70):
            response = self.client.post(reverse("signups:create", args=[pk]), form_data())
            self.assertEqual(response.status_code, 404, pk)
        past = make_activity(
            self.edition,
            "Voorbij",
            signup_on_site=True,
            related_event=True,
            starts_at=timezone.now() - timedelta(hours=1),
            ends_at=timezone.now(),
        )
        ActivityPage.objects.filter(pk=self.activity.pk).update(cancelled=True)
        for activity, text in ((past, "al begonnen"), (self.activity, "geannuleerd")):
            self.assertContains(self.post_signup(activity), text)
        self.assertFalse(SignUp.objects.exists())

    def test_a_tampered_or_expired_token_is_404(self):
        signup = make_signup(self.activity, "b@example.org")
        token = tokens.confirm_token(signup)
        self.assertEqual(
            self.client.get(reverse("signups:confirm", args=[token + "x"])).status_code, 404
        )
        manage = tokens.manage_token(signup)
        forged = signing.Signer(salt="other").sign_object({"i": signup.pk, "k": signup.key})
        self.assertEqual(self.client.get(reverse("signups:manage", args=[forged])).status_code, 404)
        self.assertEqual(self.client.get(reverse("signups:manage", args=[manage])).status_code, 200)
        with override_settings(SIGNUPS_CONFIRM_DAYS=0):
            time.sleep(1.1)
            self.assertEqual(
                self.client.get(reverse("signups:confirm", args=[token])).status_code, 404
            )


class PlacesTest(SignUpsTestCase):
    def test_waiting_list_moves_up_on_cancel_and_is_emailed(self):
        first = confirmed(self.activity, "a@example.org", people=4)
        big = confirmed(self.activity, "b@example.org", people=3)
        small = confirmed(self.activity, "c@example.org", people=1)
        late = confirmed(self.activity, "d@example.org", people=1)
        self.assertEqual(
            [s.status for s in (first, big, small, late)],
            ["confirmed", "waiting", "confirmed", "waiting"],
        )
        self.activity.refresh_from_db()
        self.assertEqual(self.activity.places_text(), "Vol: wachtlijst")
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            allocation.cancel(first)
        big.refresh_from_db(), late.refresh_from_db()
        self.assertEqual((big.status, late.status), ("confirmed", "confirmed"))
        self.activity.refresh_from_db()
        self.assertEqual(self.activity.places_left, 0)
        moved = [m for m in sent_mail() if "plek vrij" in m.subject]
        self.assertEqual(sorted(m.to[0] for m in moved), ["b@example.org", "d@example.org"])

    def test_changing_people_only_into_free_places(self):
        signup = confirmed(self.activity, "a@example.org", people=4)
        with self.assertRaises(allocation.SignUpRefused):
            allocation.change_people(signup, 6)
        waiting = confirmed(self.activity, "b@example.org", people=2)
        self.assertEqual(waiting.status, "waiting")
        allocation.change_people(signup, 3)
        waiting.refresh_from_db()
        self.assertEqual(waiting.status, "confirmed")

    def test_delete_through_the_private_link(self):
        signup = confirmed(self.activity, "a@example.org", people=5)
        url = reverse("signups:manage", args=[tokens.manage_token(signup)])
        self.assertContains(self.client.post(url, {"action": "delete"}), "verwijderd")
        self.assertFalse(SignUp.objects.exists())
        self.assertEqual(self.client.get(url).status_code, 404)
        self.activity.refresh_from_db()
        self.assertEqual(self.activity.places_left, 5)

    def test_cancel_and_change_through_the_private_link(self):
        signup = confirmed(self.activity, "a@example.org", people=2)
        url = reverse("signups:manage", args=[tokens.manage_token(signup)])
        self.client.post(url, {"action": "people", "people": "4"})
        signup.refresh_from_db()
        self.assertEqual(signup.people, 4)
        response = self.client.post(url, {"action": "people", "people": "9"})
        self.assertContains(response, "niet genoeg plekken")
        self.client.post(url, {"action": "cancel"})
        signup.refresh_from_db()
        self.assertEqual(signup.status, "cancelled")


@override_settings(PAGE_CACHE_ENABLED=True)
class CachedCountsTest(SignUpsTestCase):
    def test_a_cached_page_shows_an_old_count_the_endpoint_the_current_one(self):
        url = self.activity.url
        self.assertContains(self.client.get(url), "Nog 5 plekken")
        confirmed(self.activity, "a@example.org", people=2)
        response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Nog 5 plekken")  # stale until the next generation
        data = self.client.get(reverse("signups:places"), {"ids": f"{self.activity.pk},x"})
        self.assertEqual(data.json(), {str(self.activity.pk): "Nog 3 plekken"})
        self.assertIn("no-store", data["Cache-Control"])

    def test_becoming_full_starts_a_new_generation(self):
        self.client.get(self.activity.url)
        with self.captureOnCommitCallbacks(execute=True):
            confirmed(self.activity, "a@example.org", people=5)
        response = self.client.get(self.activity.url)
        self.assertNotEqual(response.get("X-Page-Cache"), "hit")
        self.assertContains(response, "Vol: wachtlijst")

    def test_the_endpoint_leaves_out_pages_that_are_not_public(self):
        draft = make_activity(self.edition, "Concept", live=False, signup_on_site=True)
        data = self.client.get(reverse("signups:places"), {"ids": f"{draft.pk}"}).json()
        self.assertEqual(data, {})


class OverviewFilterTest(SignUpsTestCase):
    def test_places_left_filter(self):
        full = make_activity(self.edition, "Vol", signup_on_site=True, capacity=1)
        confirmed(full, "a@example.org")
        make_activity(self.edition, "Elders aanmelden")
        overview = self.edition.url + "activiteiten/"
        response = self.client.get(overview, {"places": "on"})
        titles = [a.title for a in response.context["activities"]]
        self.assertEqual(titles, [self.activity.title])
        self.assertContains(self.client.get(overview), "Vol: wachtlijst")


class ReminderTest(SignUpsTestCase):
    def test_reminder_the_day_before_once_in_the_signup_language(self):
        signup = confirmed(self.activity, "a@example.org")
        SignUp.objects.filter(pk=signup.pk).update(language="en")
        start = self.activity.starts_at
        two_days_before = start - timedelta(days=2)
        self.assertEqual(send_reminders(two_days_before), 0)
        day_before = amsterdam_time(start.year, start.month, start.day - 1, 0, 5)
        self.assertEqual(send_reminders(day_before), 1)
        self.assertEqual(send_reminders(day_before + timedelta(hours=1)), 0)
        mail.outbox.clear()
        [message] = sent_mail()
        self.assertTrue(message.subject.startswith("Tomorrow"))
        self.assertEqual(len(message.attachments), 1)
        run_jobs()
        self.assertEqual(len(mail.outbox), 1)

    def test_no_reminder_when_cancelled_or_unconfirmed(self):
        make_signup(self.activity, "u@example.org")
        allocation.cancel(confirmed(self.activity, "c@example.org"))
        self.assertEqual(send_reminders(self.activity.starts_at - timedelta(hours=3)), 0)


class OrganiserTest(SignUpsTestCase):
    def setUp(self):
        self.access = OrganiserAccess.objects.create(activity=self.activity)
        self.url = reverse("signups:organiser", args=[tokens.organiser_token(self.access)])

    def test_the_link_goes_to_the_sender_once_when_published(self):
        draft = make_activity(self.edition, "Ingestuurd", live=False, signup_on_site=True)
        SubmitterContact.objects.create(page=draft, name="Org", email="org@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            draft.save_revision().publish()
            draft.save_revision().publish()
        messages = [m for m in sent_mail() if m.to == ["org@example.org"]]
        self.assertEqual(len(messages), 1)
        self.assertIn("/organisator/", messages[0].body)

    def test_list_csv_formula_safe_and_revocable(self):
        confirmed(self.activity, "a@example.org", people=1)
        make_signup(self.activity, "=evil@example.org", status="unconfirmed")
        SignUp.objects.filter(email="a@example.org").update(name="=HYPERLINK(1)")
        response = self.client.get(self.url)
        self.assertContains(response, "=HYPERLINK(1)")
        self.assertNotContains(response, "a@example.org")
        rows = list(csv.reader(io.StringIO(self.client.get(self.url + "csv/").content.decode())))
        self.assertEqual(len(rows), 2)  # unconfirmed left out
        self.assertEqual(rows[1][1], "'=HYPERLINK(1)")
        self.access.revoke()
        self.assertEqual(self.client.get(self.url).status_code, 404)

    def test_cancel_activity_emails_everyone_and_json_ical_say_so(self):
        confirmed(self.activity, "a@example.org")
        make_signup(self.activity, "w@example.org", people=5)
        allocation.confirm(SignUp.objects.get(email="w@example.org"))
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.url, {"action": "cancel", "confirm": "on", "message": "Ziek"})
        cancelled = [
            m
            for m in sent_mail()
            if m.subject.startswith("Geannuleerd") or "Cancelled" in m.subject
        ]
        self.assertEqual(sorted(m.to[0] for m in cancelled), ["a@example.org", "w@example.org"])
        self.assertIn("Ziek", cancelled[0].body)
        self.assertContains(self.client.get(self.activity.url), "geannuleerd")
        ics = self.client.get(self.activity.url + "ics/").content.decode()
        self.assertIn("STATUS:CANCELLED", ics)
        data = self.client.get(self.edition.url + "activiteiten/json/").json()
        self.assertTrue(data["results"][0]["cancelled"])
        self.assertEqual(send_reminders(self.activity.starts_at - timedelta(hours=2)), 0)

    def test_close_sign_ups(self):
        self.client.post(self.url, {"action": "close"})
        response = self.client.post(reverse("signups:create", args=[self.activity.pk]), form_data())
        self.assertContains(response, "gesloten")
        self.assertFalse(SignUp.objects.exists())

    @override_settings(SIGNUPS_ORGANISER_MESSAGES_PER_DAY=1)
    def test_message_to_everyone_is_rate_limited(self):
        confirmed(self.activity, "a@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                self.url, {"action": "message", "subject": "Hoi", "message": "Neem iets mee"}
            )
            response = self.client.post(
                self.url, {"action": "message", "subject": "Weer", "message": "x"}
            )
        self.assertContains(response, "maximale aantal berichten")
        messages = [m for m in sent_mail() if "Hoi" in m.subject]
        self.assertEqual(len(messages), 1)
        self.assertEqual(len([m for m in mail.outbox if "Weer" in m.subject]), 0)


class PrivacyTest(SignUpsTestCase):
    def test_emptied_30_days_after_the_edition_counts_kept(self):
        signup = confirmed(self.activity, "a@example.org", people=3)
        end = amsterdam_time(2027, 12, 11, 12)
        apply_retention(now=end + timedelta(days=29))
        signup.refresh_from_db()
        self.assertEqual(signup.email, "a@example.org")
        apply_retention(now=end + timedelta(days=32))
        signup.refresh_from_db()
        self.assertEqual((signup.name, signup.email, signup.people), ("", "", 3))
        url = reverse("signups:manage", args=[tokens.manage_token(signup)])
        self.assertEqual(self.client.get(url).status_code, 404)


@unittest.skipUnless(connection.vendor == "postgresql", "row locks need PostgreSQL")
class ConcurrentSignUpsTest(TransactionTestCase):
    serialized_rollback = True
    PARALLEL = 50

    def test_fifty_at_once_for_the_last_five_places(self):
        make_home_edition = make_edition(make_edition_index(make_home()), 2027)
        activity = make_activity(make_home_edition, signup_on_site=True, capacity=10)
        for number in range(5):
            confirmed(activity, f"early{number}@example.org")
        signups = [make_signup(activity, f"p{n}@example.org") for n in range(self.PARALLEL)]
        start = threading.Barrier(self.PARALLEL)
        errors = []

        def confirm(signup):
            try:
                start.wait()
                allocation.confirm(signup)
            except Exception as error:  # noqa: BLE001 - counted below
                errors.append(error)
            finally:
                connection.close()

        threads = [threading.Thread(target=confirm, args=(s,)) for s in signups]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        statuses = SignUp.objects.filter(email__startswith="p").values_list("status", flat=True)
        self.assertEqual(sorted(statuses).count("confirmed"), 5)
        self.assertEqual(sorted(statuses).count("waiting"), self.PARALLEL - 5)
        activity.refresh_from_db()
        self.assertEqual(activity.places_left, 0)


class AdminOrganiserPageTest(SignUpsTestCase):
    def test_who_may_edit_the_activity_opens_the_organiser_page_others_not(self):
        from moderation.roles import EDITORS, TRANSLATORS
        from tests.factories import make_user
        from tests.two_factor import log_in

        url = reverse("signups_organiser_page", args=[self.activity.pk])
        log_in(self.client, make_user("vertaler", TRANSLATORS))
        refused = self.client.get(url)  # Wagtail answers PermissionDenied with its dashboard
        self.assertEqual(refused.status_code, 302)
        self.assertNotIn("/aanmelden/", refused.url)
        self.assertFalse(OrganiserAccess.objects.exists())
        log_in(self.client, make_user("redacteur", EDITORS))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/aanmelden/organisator/", response.url)
        self.assertContains(self.client.get(response.url), "Aanmeldingen")


class ProposalTest(SignUpsTestCase):
    def test_proposed_texts_wait_for_review_while_the_live_page_stays(self):
        access = OrganiserAccess.objects.create(activity=self.activity)
        url = reverse("signups:organiser", args=[tokens.organiser_token(access)])
        proposal = {"action": "propose", "title": "Koffie\nin de hal", "description": "<b>x</b>"}
        response = self.client.post(url, proposal)
        self.assertContains(response, "wachten op een moderator")
        live = ActivityPage.objects.get(pk=self.activity.pk)
        self.assertEqual(live.title, "Koffie in de lift")
        draft = live.get_latest_revision_as_object()
        self.assertEqual(draft.title, "Koffie in de hal")
        self.assertIn("&lt;b&gt;", draft.description)
        self.assertTrue(live.workflow_in_progress)
        response = self.client.post(url, {**proposal, "title": "Nog iets"})
        self.assertContains(response, "nog op een moderator")
        self.assertEqual(live.get_latest_revision_as_object().title, "Koffie in de hal")
