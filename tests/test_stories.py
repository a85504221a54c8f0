"""The public story form and its protections, the moderation of stories and the story wall."""

import io
import re
import time

from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, transaction
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation
from PIL import Image

from editions.models import EditionPage
from moderation.roles import EDITORS, MODERATORS
from stories.models import Story
from stories.views import StoryCreateView
from stories.wagtail_hooks import story_viewset
from submissions.protection import new_form_token
from tests.factories import make_edition, make_edition_index, make_home, make_user
from tests.jobs import jobs_run_after
from tests.protections import assert_uses_the_shared_protections
from tests.queries import assert_flat_query_count
from tests.two_factor import log_in

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
STORY_TEXT = "Op maandag dronken we koffie met de buren en leerden we elkaar eindelijk kennen."


def form_url():
    with translation.override("nl"):
        return reverse("stories:create")


def photo(fmt="JPEG", size=(800, 600), exif=None):
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format=fmt, **({"exif": exif} if exif else {}))
    return SimpleUploadedFile(f"photo.{fmt.lower()}", buffer.getvalue(), content_type="image/jpeg")


# The suggestions of the search field in the header of every page (templates/base.html).
HEADER_SCRIPT = '<script src="/static/search/autocomplete.js" defer>'


class StoryFormTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2025)
        cls.moderator = make_user("moderator", MODERATORS)
        cls.superuser = make_user("admin", superuser=True)

    def data(self, **changes):
        data = {
            "name": "Anna",
            "email": "anna@example.org",
            "text": STORY_TEXT,
            "photo_description": "",
            "edition": self.edition.pk,
            "consent": "on",
            "website": "",
            "form_token": new_form_token(now=time.time() - 30),
        }
        data.update(changes)
        return data

    def post(self, **changes):
        with jobs_run_after():
            return self.client.post(form_url(), self.data(**changes))

    def approve_all(self):
        Story.objects.update(status=Story.Status.APPROVED)


class StoryFormTest(StoryFormTestCase):
    def test_dutch_address_and_accessible_form(self):
        self.assertEqual(form_url(), "/nl/deel-je-verhaal/")
        response = self.client.get(form_url())
        self.assertContains(response, '<label for="id_name"')
        self.assertContains(response, 'class="form-trap" aria-hidden="true"')
        self.assertContains(response, 'name="form_token"')
        # The form needs no script: the only one is the header search's suggestions, from a file.
        self.assertEqual(re.findall(r"<script[^>]*>", response.content.decode()), [HEADER_SCRIPT])
        self.assertNotContains(response, " onclick=")

    def test_current_edition_is_chosen_unless_the_link_names_one(self):
        selected = f'<option value="{self.edition.pk}" selected>'
        self.assertContains(self.client.get(form_url()), selected)
        older = make_edition(self.edition.get_parent(), 2019)
        response = self.client.get(form_url(), {"edition": older.pk})
        self.assertContains(response, f'<option value="{older.pk}" selected>')

    def test_valid_story_waits_for_review_and_emails_sender_and_moderators(self):
        response = self.post()
        self.assertRedirects(response, "/nl/deel-je-verhaal/bedankt/")
        story = Story.objects.get()
        self.assertEqual(story.status, Story.Status.PENDING)
        self.assertEqual(story.language, "nl")
        recipients = sorted(message.to[0] for message in mail.outbox)
        self.assertEqual(recipients, ["anna@example.org", "moderator@example.org"])
        self.assertNotContains(self.client.get(self.edition.url), STORY_TEXT)

    def test_extra_fields_cannot_make_a_story_public(self):
        self.post(status="approved", moderated_by=self.superuser.pk, rejection_reason="x")
        story = Story.objects.get()
        self.assertEqual(story.status, Story.Status.PENDING)
        self.assertIsNone(story.moderated_by)
        self.assertNotContains(self.client.get(self.edition.url), STORY_TEXT)

    def test_empty_form_explains_every_missing_field_in_dutch(self):
        response = self.client.post(form_url(), {"form_token": self.data()["form_token"]})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Vul je naam of een bijnaam in.")
        self.assertContains(response, "Schrijf je verhaal.")
        self.assertContains(response, "Ga akkoord met de privacyverklaring")
        self.assertFalse(Story.objects.exists())

    def test_errors_keep_what_the_visitor_typed(self):
        response = self.post(email="geen-adres", consent="")
        self.assertContains(response, "Dit is geen geldig e-mailadres.")
        self.assertContains(response, 'value="Anna"')
        self.assertContains(response, STORY_TEXT)
        self.assertFalse(Story.objects.exists())

    def test_oversized_text_and_name_are_refused(self):
        response = self.post(name="n" * 81, text="x" * 1501)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["form"].errors), 2)
        self.assertFalse(Story.objects.exists())

    def test_too_short_story_is_refused(self):
        self.assertContains(self.post(text="Leuk!"), "Je verhaal is wat kort")

    def test_unpublished_edition_is_refused(self):
        self.edition.unpublish()
        response = self.post()
        self.assertContains(response, "Kies een van de edities uit de lijst.")

    def test_an_edition_id_out_of_range_is_an_invalid_choice(self):
        """Found by the fuzzer (tests/fuzz): 2**63 raised OverflowError on SQLite."""
        for edition in ("9223372036854775808", "9" * 30, "\u00b2", "-1"):
            with self.subTest(edition=edition):
                response = self.post(edition=edition)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Kies een van de edities uit de lijst.")
        self.assertFalse(Story.objects.exists())


class UploadTest(StoryFormTestCase):
    def test_photo_is_reencoded_without_metadata(self):
        exif = Image.Exif()
        exif[0x010F] = "SpyCam"
        self.post(photo=photo(exif=exif.tobytes()))
        story = Story.objects.get()
        self.assertTrue(story.photo.name.endswith(".jpg"))
        with Image.open(story.photo.path) as stored:
            self.assertEqual(stored.format, "JPEG")
            self.assertEqual(dict(stored.getexif()), {})

    def test_png_is_accepted_and_large_photos_are_scaled_down(self):
        self.post(photo=photo(fmt="PNG", size=(3000, 1000)))
        with Image.open(Story.objects.get().photo.path) as stored:
            self.assertEqual(max(stored.size), 1600)

    def test_disguised_non_image_is_refused(self):
        fake = SimpleUploadedFile("photo.jpg", b"<?php system($_GET['c']); ?>" * 10, "image/jpeg")
        response = self.post(photo=fake)
        self.assertContains(response, "Dit bestand is geen foto die we kunnen gebruiken.")
        self.assertFalse(Story.objects.exists())

    def test_svg_is_refused(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        response = self.post(photo=SimpleUploadedFile("photo.jpg", svg, "image/jpeg"))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Story.objects.exists())

    @override_settings(SUBMISSIONS_MAX_UPLOAD_BYTES=1000)
    def test_oversized_photo_is_refused(self):
        response = self.post(photo=photo(size=(2000, 2000)))
        self.assertContains(response, "Deze foto is te groot.")
        self.assertFalse(Story.objects.exists())


class SharedProtectionsTest(StoryFormTestCase):
    def test_the_story_form_uses_the_shared_protections(self):
        assert_uses_the_shared_protections(self, StoryCreateView)

    def test_filled_honeypot_is_dropped_silently(self):
        response = self.post(website="http://spam.example")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Story.objects.exists())
        self.assertEqual(mail.outbox, [])


class PhotoRemovalTest(StoryFormTestCase):
    """A deleted story leaves no photo in storage (nor, from then on, in backups of the media)."""

    def stored_photo(self):
        self.post(photo=photo())
        story = Story.objects.get()
        self.assertTrue(default_storage.exists(story.photo.name))
        return story, story.photo.name

    def test_deleting_a_story_in_the_admin_removes_its_photo(self):
        story, name = self.stored_photo()
        log_in(self.client, self.moderator)
        delete_url = reverse(story_viewset.get_url_name("delete"), args=(story.pk,))
        with self.captureOnCommitCallbacks(execute=True):
            self.assertEqual(self.client.post(delete_url).status_code, 302)
        self.assertFalse(Story.objects.exists())
        self.assertFalse(default_storage.exists(name))

    def test_deleting_the_edition_removes_the_photos_of_its_stories(self):
        _story, name = self.stored_photo()
        with self.captureOnCommitCallbacks(execute=True):
            EditionPage.objects.get(pk=self.edition.pk).delete()
        self.assertFalse(default_storage.exists(name))

    def test_a_deletion_that_is_rolled_back_keeps_the_photo(self):
        story, name = self.stored_photo()
        with self.captureOnCommitCallbacks(execute=True), self.assertRaises(DatabaseError):
            with transaction.atomic():
                story.delete()
                raise DatabaseError("rolled back")
        self.assertTrue(default_storage.exists(name))


class StoryModerationTest(StoryFormTestCase):
    def edit_url(self, story):
        return reverse(story_viewset.get_url_name("edit"), args=(story.pk,))

    def decide(self, story, status, reason=""):
        log_in(self.client, self.moderator)
        data = {
            "status": status,
            "rejection_reason": reason,
            "edition": story.edition_id,
            "name": story.name,
            "text": story.text,
            "photo_description": story.photo_description,
        }
        with jobs_run_after():
            return self.client.post(self.edit_url(story), data)

    def test_approval_puts_the_story_on_the_wall_and_tells_the_sender(self):
        self.post()
        story = Story.objects.get()
        mail.outbox.clear()
        self.decide(story, "approved")
        story.refresh_from_db()
        self.assertEqual(story.status, Story.Status.APPROVED)
        self.assertEqual(story.moderated_by, self.moderator)
        self.assertContains(self.client.get(self.edition.url), "elkaar eindelijk kennen")
        self.assertEqual([m.to for m in mail.outbox], [["anna@example.org"]])

    def test_rejection_needs_a_reason_which_is_emailed(self):
        self.post()
        story = Story.objects.get()
        mail.outbox.clear()
        response = self.decide(story, "rejected")
        self.assertContains(response, "Geef een reden")
        story.refresh_from_db()
        self.assertEqual(story.status, Story.Status.PENDING)
        self.decide(story, "rejected", reason="Dit gaat niet over de Week.")
        story.refresh_from_db()
        self.assertEqual(story.status, Story.Status.REJECTED)
        self.assertIn("Dit gaat niet over de Week.", mail.outbox[0].body)
        self.assertNotContains(self.client.get(self.edition.url), "elkaar eindelijk kennen")

    def test_moderators_see_pending_stories_editors_do_not(self):
        self.post()
        list_url = reverse(story_viewset.get_url_name("list"))
        log_in(self.client, self.moderator)
        self.assertContains(self.client.get("/admin/"), "1 verhaal wacht op beoordeling.")
        self.assertContains(self.client.get(list_url + "?status=pending"), "Anna")
        self.assertNotContains(self.client.get(list_url + "?status=approved"), "Anna")
        log_in(self.client, make_user("editor", EDITORS))
        self.assertNotEqual(self.client.get(list_url).status_code, 200)
        self.assertNotContains(self.client.get("/admin/"), "wacht op beoordeling")


class HostileInputTest(StoryFormTestCase):
    def test_markup_in_every_field_is_escaped_on_the_wall_and_in_the_admin(self):
        self.post(
            name=HOSTILE[:80],
            text=HOSTILE * 3,
            photo_description=HOSTILE,
            photo=photo(),
        )
        story = Story.objects.get()
        self.approve_all()
        log_in(self.client, self.moderator)
        pages = {
            "wall": self.edition.url,
            "admin list": reverse(story_viewset.get_url_name("list")),
            "admin edit": reverse(story_viewset.get_url_name("edit"), args=(story.pk,)),
        }
        for name, url in pages.items():
            with self.subTest(page=name):
                content = self.client.get(url).content.decode()
                self.assertNotIn('<script>alert("x")', content)
                self.assertNotIn("<img src=x", content)
                self.assertIn("&lt;script&gt;", content)


class StoryWallTest(StoryFormTestCase):
    def test_only_approved_stories_newest_first(self):
        for name, status in (("Oud", "approved"), ("Wacht", "pending"), ("Nee", "rejected")):
            Story.objects.create(edition=self.edition, name=name, text=STORY_TEXT, status=status)
        Story.objects.create(edition=self.edition, name="Nieuw", text=STORY_TEXT, status="approved")
        content = self.client.get(self.edition.url).content.decode()
        self.assertLess(content.index("Nieuw"), content.index("Oud"))
        self.assertNotIn("Wacht", content)
        self.assertNotIn(">Nee<", content)

    def test_query_count_does_not_grow_with_stories(self):
        def add_stories(count):
            Story.objects.bulk_create(
                Story(edition=self.edition, name=f"S{number}", text=STORY_TEXT, status="approved")
                for number in range(count)
            )

        assert_flat_query_count(self, add_stories, lambda: self.client.get(self.edition.url))
