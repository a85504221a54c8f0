"""The follow-up after an activity (followups/): asked the day after, one reminder, answered
once through a signed link, a draft story only with consent, people reached in the figures."""

import datetime
import io
import time

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from PIL import Image
from wagtail.models import PageViewRestriction

from activities.validation import EDITION_TIME_ZONE
from figures.kept import edition_comparison
from figures.stats import figures_of
from followups.links import token_for
from followups.models import FollowUp
from followups.tasks import send_due
from followups.views import AnswerView
from stories.models import Story
from submissions.models import SubmitterContact
from submissions.protection import new_form_token
from tests.factories import make_activity, make_edition, make_edition_index, make_home
from tests.jobs import run_jobs
from tests.protections import assert_uses_the_shared_protections


def amsterdam(day, hour):
    return datetime.datetime(2026, 12, day, hour, tzinfo=EDITION_TIME_ZONE)


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "purple").save(buffer, "JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


@override_settings(WAGTAILADMIN_BASE_URL="https://example.org")
class FollowUpTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.edition = make_edition(make_edition_index(home), 2026)
        # Koffie in de lift: 7 December 14:00-16:00, sent in through the public form
        cls.activity = make_activity(cls.edition)
        SubmitterContact.objects.create(
            page=cls.activity, name="Anna", email="anna@example.org", language="nl"
        )
        # Not asked: added in the admin (no contact), a draft, a restricted activity
        make_activity(cls.edition, "Uit de admin")
        draft = make_activity(cls.edition, "Concept", live=False)
        hidden = make_activity(cls.edition, "Besloten")
        for page in (draft, hidden):
            SubmitterContact.objects.create(page=page, name="B", email="b@example.org")
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    def send(self, day, hour=9):
        with self.captureOnCommitCallbacks(execute=True):
            send_due(amsterdam(day, hour))
        run_jobs()
        return [message for message in mail.outbox if message.to == ["anna@example.org"]]

    def test_asked_the_day_after_then_one_reminder_then_nothing(self):
        self.assertEqual(self.send(7, 20), [])  # the same evening: not yet
        first = self.send(8)
        self.assertEqual(len(first), 1)
        self.assertIn("Koffie in de lift", first[0].subject)
        self.assertIn("https://example.org/nl/", first[0].body)
        self.assertEqual(len(self.send(8, 15)), 1)  # idempotent: no second mail
        self.assertEqual(len(self.send(11)), 1)  # the reminder waits four days
        reminders = self.send(12)
        self.assertEqual(len(reminders), 2)
        self.assertIn("Herinnering", reminders[1].subject)
        self.assertEqual(len(self.send(20)), 2)  # then nothing
        self.assertEqual(len(mail.outbox), 2)  # nobody else was asked

    def test_no_reminder_after_an_answer(self):
        self.send(8)
        FollowUp.objects.update(answered_at=amsterdam(9, 10), people=12)
        self.assertEqual(len(self.send(13)), 1)

    def answer_url(self):
        self.send(8)
        return "/nl/hoe-ging-het/" + token_for(FollowUp.objects.get()) + "/"

    def post(self, url, **data):
        fields = {"form_token": new_form_token(now=time.time() - 30), "consent": "on"}
        return self.client.post(url, {**fields, **data})

    def test_answer_without_consent_makes_no_story(self):
        url = self.answer_url()
        response = self.post(url, people="25", sentence="Het was gezellig en\n=warm.")
        self.assertEqual(response.status_code, 302)
        follow_up = FollowUp.objects.get()
        self.assertEqual((follow_up.people, follow_up.sentence), (25, "Het was gezellig en =warm."))
        self.assertIsNone(follow_up.story)
        self.assertFalse(Story.objects.exists())
        self.assertContains(self.client.get(url), "al beantwoord", status_code=200)
        self.assertEqual(self.post(url, people="1").status_code, 200)  # answered once
        self.assertEqual(FollowUp.objects.get().people, 25)

    def test_answer_with_consent_makes_a_pending_story(self):
        url = self.answer_url()
        self.post(
            url,
            people="40",
            sentence="Veertig buren dronken koffie in de lift.",
            story_consent="on",
            photo=jpeg(),
        )
        story = FollowUp.objects.get().story
        self.assertEqual(story.status, Story.Status.PENDING)
        self.assertEqual(story.edition_id, self.edition.pk)
        self.assertEqual(story.text, "Veertig buren dronken koffie in de lift.")
        self.assertTrue(story.photo)

    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_people_reached_count_in_the_figures(self):
        url = self.answer_url()
        self.assertEqual(edition_comparison(self.edition)[-1].people_reached, 0)
        with self.captureOnCommitCallbacks(execute=True):
            self.post(url, people="40", sentence="")
        self.assertEqual(edition_comparison(self.edition)[-1].people_reached, 40)
        (figures,) = figures_of([self.edition])
        self.assertEqual(figures.people_reached, 40)

    def test_a_wrong_or_changed_link_is_not_found(self):
        self.assertEqual(self.client.get("/nl/hoe-ging-het/nep/").status_code, 404)
        url = self.answer_url()
        self.assertEqual(self.client.get(url[:-3] + "xx/").status_code, 404)

    def test_keeps_what_was_typed_on_error(self):
        response = self.post(self.answer_url(), people="-3", sentence="Mooi <b>feest</b>")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Mooi &lt;b&gt;feest&lt;/b&gt;")

    def test_uses_the_shared_protections(self):
        assert_uses_the_shared_protections(self, AnswerView)
