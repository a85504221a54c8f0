"""The public forms that create pages for review: "Meld je activiteit aan" and "Start een team"."""

import re
import time
from unittest import mock

from django.core import mail
from django.db import OperationalError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Page, Revision

from activities.models import ActivityPage
from activities.submission import ActivitySubmissionView
from moderation.roles import EDITORS, MODERATORS
from submissions.models import SubmitterContact
from submissions.protection import new_form_token
from teams.models import TeamPage
from teams.submission import TeamSubmissionView
from tests import admin_actions as act
from tests.factories import (
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    make_user,
)
from tests.factories_ideas import make_idea, make_idea_index
from tests.jobs import jobs_run_after
from tests.protections import assert_uses_the_shared_protections
from tests.two_factor import log_in

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'
# Always an edition in the future, so the form is open whenever the tests run.
YEAR = timezone.localdate().year + 1


def url(name, language="nl"):
    with translation.override(language):
        return reverse(name)


def old_token():
    return new_form_token(now=time.time() - 30)


# The suggestions of the search field in the header of every page (templates/base.html).
HEADER_SCRIPT = '<script src="/static/search/autocomplete.js" defer>'


class PublicFormTestCase(TestCase):
    form_url_name = None

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition_index = make_edition_index(cls.home)
        cls.edition = make_edition(cls.edition_index, YEAR)
        cls.team_index = make_team_index(cls.home)
        cls.team = make_team(cls.team_index)
        cls.moderator = make_user("moderator", MODERATORS)
        cls.editor = make_user("editor", EDITORS)
        cls.superuser = make_user("admin", superuser=True)

    def data(self, **changes):
        return {**self.page_data(), **self.contact_data(), **changes}

    def contact_data(self):
        return {
            "submitter_name": "Anna de Vries",
            "submitter_email": "anna@example.org",
            "submitter_phone": "06 12345678",
            "consent": "on",
            "website": "",
            "form_token": old_token(),
        }

    def post(self, language="nl", **changes):
        with jobs_run_after():
            return self.client.post(url(self.form_url_name, language), self.data(**changes))


class ActivityFormTestCase(PublicFormTestCase):
    form_url_name = "activities:register"

    def page_data(self):
        day = self.edition.start_date.isoformat()
        return {
            "title": "Soep voor de straat",
            "description": "We koken soep en delen die uit aan de buren.\n\nNeem een kom mee.",
            "starts_at": f"{day}T14:00",
            "ends_at": f"{day}T16:00",
            "location_name": "Buurthuis De Brug",
            "street_address": "Assendorperstraat 12",
            "postcode": "8012dh",
            "city": "Zwolle",
            "province": "overijssel",
            "kind": "meal",
            "target_group": "neighbours",
            "cost": "free",
            "price": "",
        }

    def submitted(self):
        return ActivityPage.objects.get(title__startswith=self.data()["title"][:4])


class ActivityFormTest(ActivityFormTestCase):
    def test_language_prefixed_addresses(self):
        self.assertEqual(url("activities:register"), "/nl/meld-je-activiteit-aan/")
        self.assertEqual(url("activities:register", "en"), "/en/register-activity/")
        response = self.client.get(url("activities:register"))
        self.assertContains(response, "Meld je activiteit aan")
        self.assertContains(response, '<label for="id_submitter_email"')
        self.assertContains(response, 'name="form_token"')
        # The form needs no script: the only one is the header search's suggestions, from a file.
        self.assertEqual(re.findall(r"<script[^>]*>", response.content.decode()), [HEADER_SCRIPT])

    def test_help_texts_speak_to_visitors_not_to_editors(self):
        response = self.client.get(url("activities:register"))
        self.assertContains(response, "Kort en uitnodigend")
        self.assertContains(response, "buiten de week zelf")
        self.assertNotContains(response, "paginatitel")
        self.assertNotContains(response, "deze editie")

    def test_valid_activity_waits_as_a_draft_in_review(self):
        response = self.post()
        self.assertRedirects(response, "/nl/meld-je-activiteit-aan/bedankt/")
        page = self.submitted()
        self.assertFalse(page.live)
        self.assertEqual(page.get_parent().pk, self.edition.pk)
        self.assertEqual(page.postcode, "8012 DH")
        self.assertEqual(page.locale, Locale.get_default())
        self.assertIsNotNone(page.get_latest_revision())
        self.assertEqual(page.current_workflow_state.status, "in_progress")
        self.assertIn("<p>Neem een kom mee.</p>", page.description)
        contact = page.submitter_contact
        self.assertEqual((contact.email, contact.phone), ("anna@example.org", "06 12345678"))
        self.assertEqual(self.client.get(page.url or "/nl/edities/x/").status_code, 404)

    def test_sender_gets_a_confirmation_and_moderators_a_review_request(self):
        self.post()
        recipients = [message.to[0] for message in mail.outbox]
        self.assertIn("moderator@example.org", recipients)
        self.assertNotIn("editor@example.org", recipients)
        self.assertEqual(recipients.count("anna@example.org"), 1)
        confirmation = next(m for m in mail.outbox if m.to == ["anna@example.org"])
        self.assertIn("Soep voor de straat", confirmation.subject)
        self.assertIn("Hallo Anna de Vries", confirmation.body)

    def test_extra_fields_cannot_publish_or_move_the_activity(self):
        other_edition = make_edition(self.edition_index, YEAR - 5)
        english = Locale.objects.get_or_create(language_code="en")[0]
        self.post(
            live="1",
            edition=other_edition.pk,
            parent=other_edition.pk,
            parent_page=other_edition.pk,
            team=self.team.pk,
            owner=self.superuser.pk,
            locale=english.pk,
            first_published_at="2020-01-01T00:00",
            slug="stiekem",
            **{"action-publish": "1"},
        )
        page = self.submitted()
        self.assertFalse(page.live)
        self.assertTrue(page.has_unpublished_changes)
        self.assertEqual(page.get_parent().pk, self.edition.pk)
        self.assertIsNone(page.team_id)
        self.assertIsNone(page.owner_id)
        self.assertIsNone(page.first_published_at)
        self.assertEqual(page.locale, Locale.get_default())
        self.assertEqual(page.slug, "soep-voor-de-straat")
        self.assertNotContains(self.client.get(self.edition.url), "Soep voor de straat")

    def test_no_open_edition_closes_the_form(self):
        self.edition.unpublish()
        response = self.post()
        self.assertContains(response, "Dit formulier is gesloten")
        self.assertFalse(ActivityPage.objects.exists())

    def test_past_edition_is_not_open(self):
        Page.objects.filter(pk=self.edition.pk).delete()
        make_edition(self.edition_index, timezone.localdate().year - 1)
        self.assertContains(self.client.get(url("activities:register")), "gesloten")


class ActivityValidationTest(ActivityFormTestCase):
    def test_empty_form_explains_every_missing_field_in_dutch(self):
        response = self.client.post(url("activities:register"), {"form_token": old_token()})
        self.assertEqual(response.status_code, 200)
        for message in (
            "Vul een titel in.",
            "Beschrijf de activiteit.",
            "Vul in wanneer de activiteit begint.",
            "Vul je naam in.",
            "Vul je e-mailadres in.",
            "Ga akkoord met de privacyverklaring",
        ):
            self.assertContains(response, message)
        self.assertFalse(ActivityPage.objects.exists())

    def test_outside_the_week_is_refused_on_the_start_field_keeping_the_input(self):
        response = self.post(starts_at=f"{YEAR}-11-01T14:00", ends_at=f"{YEAR}-11-01T16:00")
        errors = response.context["form"].errors
        self.assertIn("valt buiten de week", errors["starts_at"][0])
        self.assertIn("valt buiten de week", errors["ends_at"][0])
        self.assertContains(response, f'value="{YEAR}-11-01T14:00"')
        self.assertContains(response, 'value="Soep voor de straat"')
        self.assertContains(response, "Neem een kom mee.")
        self.assertFalse(ActivityPage.objects.exists())

    def test_related_event_may_fall_outside_the_week(self):
        november = {"starts_at": f"{YEAR}-11-01T14:00", "ends_at": f"{YEAR}-11-01T16:00"}
        self.post(related_event="on", **november)
        self.assertTrue(self.submitted().related_event)

    def test_end_before_start_is_refused_on_the_end_field(self):
        day = self.edition.start_date.isoformat()
        response = self.post(starts_at=f"{day}T16:00", ends_at=f"{day}T14:00")
        errors = response.context["form"].errors
        self.assertEqual(errors["ends_at"], ["De activiteit moet eindigen na het begin."])
        self.assertFalse(ActivityPage.objects.exists())

    def test_address_and_price_rules_of_the_page_apply(self):
        response = self.post(street_address="", postcode="12", cost="paid")
        errors = response.context["form"].errors
        self.assertEqual(set(errors), {"street_address", "postcode", "price"})

    def test_oversized_fields_are_refused(self):
        response = self.post(
            title="t" * 256, description="d" * 3001, submitter_name="n" * 121, city="c" * 81
        )
        errors = response.context["form"].errors
        self.assertEqual(set(errors), {"title", "description", "submitter_name", "city"})
        self.assertFalse(ActivityPage.objects.exists())

    def test_garbage_dates_and_choices_are_refused(self):
        response = self.post(starts_at="morgen", kind="hacking", province="Texas")
        self.assertEqual(set(response.context["form"].errors), {"starts_at", "kind", "province"})

    def test_dates_the_site_cannot_handle_are_a_form_error(self):
        response = self.post(
            starts_at="0001-01-01T00:00", ends_at="9999-12-31T23:59", related_event="on"
        )
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        for field in ("starts_at", "ends_at"):
            self.assertEqual(errors[field], ["Vul een datum in tussen de jaren 2000 en 2100."])
        self.assertFalse(ActivityPage.objects.exists())

    def test_a_database_error_keeps_the_form_and_loses_nothing(self):
        with mock.patch.object(
            SubmitterContact.objects, "create", side_effect=OperationalError("disk full")
        ):
            response = self.post()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Er ging bij ons iets mis")
        self.assertContains(response, 'value="Soep voor de straat"')
        self.assertContains(response, "Neem een kom mee.")
        self.assertFalse(ActivityPage.objects.exists())
        self.assertEqual(mail.outbox, [])
        # The same form, sent again, is accepted: the failed attempt did not use up its token.
        data = response.context["form"].data
        with self.captureOnCommitCallbacks(execute=True):
            retry = self.client.post(url("activities:register"), data)
        self.assertEqual(retry.status_code, 302)
        self.assertEqual(ActivityPage.objects.count(), 1)


class ActivityAbuseTest(ActivityFormTestCase):
    def test_the_activity_form_uses_the_shared_protections(self):
        assert_uses_the_shared_protections(self, ActivitySubmissionView)

    def test_filled_honeypot_is_dropped_silently(self):
        response = self.post(website="http://spam.example")
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ActivityPage.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_two_activities_with_one_title_get_their_own_address(self):
        self.post()
        self.post()
        slugs = sorted(ActivityPage.objects.values_list("slug", flat=True))
        self.assertEqual(slugs, ["soep-voor-de-straat", "soep-voor-de-straat-1"])

    def test_title_without_letters_still_gets_an_address(self):
        self.post(title="!!!")
        self.assertEqual(ActivityPage.objects.get().slug, "activiteit")


class ActivityModerationTest(ActivityFormTestCase):
    def setUp(self):
        super().setUp()
        self.post()
        self.page = self.submitted()
        mail.outbox.clear()

    def test_moderator_approval_publishes_and_tells_the_sender(self):
        with jobs_run_after():
            act.workflow_action(self, self.moderator, self.page, "approve", comment="Mooi!")
        page = Page.objects.get(pk=self.page.pk)
        self.assertTrue(page.live)
        self.assertContains(self.client.get(page.url), "Soep voor de straat")
        sender_mail = [m for m in mail.outbox if m.to == ["anna@example.org"]]
        self.assertEqual(len(sender_mail), 1)
        self.assertIn(page.full_url, sender_mail[0].body)

    def test_rejection_keeps_it_offline_and_emails_the_comment(self):
        with jobs_run_after():
            act.workflow_action(
                self, self.moderator, self.page, "reject", comment="Kies een datum in de week."
            )
        page = Page.objects.get(pk=self.page.pk)
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_state.status, "needs_changes")
        self.assertEqual([m.to for m in mail.outbox], [["anna@example.org"]])
        self.assertIn("Kies een datum in de week.", mail.outbox[0].body)
        self.assertIn("Soep voor de straat", mail.outbox[0].subject)

    def test_an_editor_cannot_approve(self):
        act.workflow_action(self, self.editor, self.page, "approve")
        self.assertFalse(Page.objects.get(pk=self.page.pk).live)

    def test_moderator_edits_first_then_approves_that_version(self):
        self.assertTrue(act.edit(self, self.moderator, self.page, title="Soep voor iedereen"))
        act.workflow_action(self, self.moderator, self.page, "approve")
        page = Page.objects.get(pk=self.page.pk)
        self.assertEqual((page.live, page.title), (True, "Soep voor iedereen"))

    def test_moderators_see_it_awaiting_review_with_the_private_contact(self):
        log_in(self.client, self.moderator)
        self.assertContains(self.client.get("/admin/"), "Soep voor de straat")
        edit = self.client.get(act.edit_url(self.page))
        self.assertContains(edit, "Ingestuurd via het openbare formulier")
        self.assertContains(edit, "anna@example.org")
        self.assertContains(edit, "06 12345678")

    def test_editors_and_the_public_never_see_the_contact(self):
        log_in(self.client, self.editor)
        self.assertNotContains(self.client.get(act.edit_url(self.page)), "anna@example.org")
        self.client.logout()
        act.workflow_action(self, self.moderator, self.page, "approve")
        public = self.client.get(Page.objects.get(pk=self.page.pk).url)
        self.assertContains(public, "Soep voor de straat")
        for private in ("anna@example.org", "06 12345678", "Anna de Vries"):
            self.assertNotContains(public, private)


class HostileInputTest(ActivityFormTestCase):
    def test_markup_in_every_field_is_escaped_publicly_and_in_the_admin(self):
        hostile = {
            name: HOSTILE[:limit]
            for name, limit in (
                ("title", 255),
                ("location_name", 120),
                ("street_address", 120),
                ("city", 80),
                ("accessibility_notes", 1000),
                ("submitter_name", 120),
                ("submitter_phone", 30),
            )
        }
        self.post(description=HOSTILE * 3, registration_url="javascript:alert(1)", **hostile)
        self.assertEqual(ActivityPage.objects.count(), 0)  # a javascript: link is refused
        self.post(description=HOSTILE * 3, **hostile)
        page = ActivityPage.objects.get()
        self.assertTrue(act.edit(self, self.moderator, page, title=HOSTILE + " (2)"))
        act.workflow_action(self, self.moderator, page, "approve")
        first, latest = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("pk")
        log_in(self.client, self.moderator)
        pages = {
            "public page": Page.objects.get(pk=page.pk).url,
            "admin listing": reverse("wagtailadmin_explore", args=(self.edition.pk,)),
            "admin edit": act.edit_url(page),
            "workflow history": reverse("wagtailadmin_pages:workflow_history", args=(page.pk,)),
            "revision comparison": reverse(
                "wagtailadmin_pages:revisions_compare", args=(page.pk, first.pk, latest.pk)
            ),
        }
        for name, address in pages.items():
            with self.subTest(page=name):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                content = response.content.decode()
                self.assertNotIn('<script>alert("x")', content)
                self.assertNotIn("<img src=x", content)
                self.assertIn("&lt;script&gt;", content)


class LineBreakTest(ActivityFormTestCase):
    """Found by the fuzzer (tests/fuzz): a line break in a title broke the emails' subject."""

    def test_line_breaks_in_a_title_become_spaces(self):
        response = self.post(title="Soep\r\nvoor de\u2028straat")
        self.assertRedirects(response, "/nl/meld-je-activiteit-aan/bedankt/")
        self.assertEqual(self.submitted().title, "Soep voor de straat")
        confirmation = next(m for m in mail.outbox if m.to == ["anna@example.org"])
        self.assertEqual(confirmation.subject, 'We hebben "Soep voor de straat" ontvangen')

    def test_mail_about_a_page_whose_title_has_a_line_break_is_sent_on_one_line(self):
        from submissions import notifications

        self.post()
        page = self.submitted()
        ActivityPage.objects.filter(pk=page.pk).update(title="Soep\nvoor de straat")
        mail.outbox.clear()
        with jobs_run_after():
            notifications.confirm_page_receipt(SubmitterContact.objects.get(page=page))
        self.assertEqual(mail.outbox[0].subject, 'We hebben "Soep voor de straat" ontvangen')


class IdeaLinkTest(ActivityFormTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.idea = make_idea(
            make_idea_index(cls.home), "Buurtsoep", introduction="Samen soep koken."
        )

    def test_do_this_idea_opens_the_form_filled_in_with_the_idea(self):
        from activities.registration import do_this_idea_url

        link = f"/nl/meld-je-activiteit-aan/?idea={self.idea.pk}"
        self.assertEqual(do_this_idea_url(self.idea), link)
        self.assertContains(self.client.get(self.idea.url), f'href="{link}"'.replace("&", "&amp;"))
        response = self.client.get(link)
        self.assertContains(response, 'value="Buurtsoep"')
        self.assertContains(response, "Samen soep koken.")

    def test_unknown_or_malformed_idea_leaves_the_form_empty(self):
        # "²" passes str.isdigit() but not int(); the long one is more than an id column holds.
        for value in ("999999", "abc", "1 OR 1=1", "\u00b2", "9" * 30, "-1", "\uff11"):
            with self.subTest(idea=value):
                response = self.client.get(url("activities:register"), {"idea": value})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, 'value="Buurtsoep"')


class LinksToTheFormsTest(PublicFormTestCase):
    def test_home_and_edition_link_to_the_activity_form(self):
        for page in (self.home, self.edition):
            with self.subTest(page=page.title):
                response = self.client.get(page.url)
                self.assertContains(response, 'href="/nl/meld-je-activiteit-aan/')

    def test_team_overview_links_to_the_team_form(self):
        response = self.client.get(self.team_index.url)
        self.assertContains(response, 'href="/nl/start-een-inspiratieteam/"')


class TeamFormTest(PublicFormTestCase):
    form_url_name = "teams:start"

    def page_data(self):
        return {
            "title": "Buurtteam Het Plein",
            "introduction": "Wij brengen de buurt bij elkaar.",
            "kind": "local_initiative",
            "place": "Deventer",
            "province": "overijssel",
            "story": "We zijn met vijf buren.\nWe houden van koken.",
            "contact_name": "Anna",
        }

    def test_help_texts_speak_to_visitors_not_to_editors(self):
        response = self.client.get(url("teams:start"))
        self.assertContains(response, "De naam van je team zoals bezoekers hem zien")
        self.assertNotContains(response, "paginatitel")
        self.assertNotContains(response, "in overzichten")

    def test_valid_team_waits_as_a_draft_in_review(self):
        response = self.post()
        self.assertRedirects(response, "/nl/start-een-inspiratieteam/bedankt/")
        team = TeamPage.objects.get(title="Buurtteam Het Plein")
        self.assertFalse(team.live)
        self.assertEqual(team.get_parent().pk, self.team_index.pk)
        self.assertEqual(team.current_workflow_state.status, "in_progress")
        self.assertEqual(team.submitter_contact.email, "anna@example.org")
        self.assertEqual(team.contact_email, "")
        self.assertNotContains(self.client.get(self.team_index.url), "Het Plein")

    def test_the_team_form_uses_the_shared_protections(self):
        assert_uses_the_shared_protections(self, TeamSubmissionView)
        self.assertEqual(self.post(website="http://spam.example").status_code, 302)
        self.assertFalse(TeamPage.objects.filter(title="Buurtteam Het Plein").exists())

    def test_extra_fields_are_ignored(self):
        self.post(live="1", contact_email="evil@example.org", owner=self.superuser.pk)
        team = TeamPage.objects.get(title="Buurtteam Het Plein")
        self.assertEqual((team.live, team.contact_email, team.owner_id), (False, "", None))

    def test_empty_form_explains_the_missing_fields(self):
        response = self.client.post(url("teams:start"), {"form_token": old_token()})
        self.assertContains(response, "Vul de plaats in van waaruit het team werkt.")
        self.assertContains(response, "Vertel wie het team is.")

    def test_english_form_adds_the_team_to_the_english_overview(self):
        english = Locale.objects.get_or_create(language_code="en")[0]
        self.home.copy_for_translation(english)
        index_en = self.team_index.copy_for_translation(english)
        index_en.save_revision().publish()
        self.assertEqual(url("teams:start", "en"), "/en/start-a-team/")
        self.post(language="en")
        team = TeamPage.objects.get(title="Buurtteam Het Plein")
        self.assertEqual(team.get_parent().pk, index_en.pk)
        self.assertEqual(team.locale, english)
        self.assertEqual(team.submitter_contact.language, "en")
        confirmation = next(m for m in mail.outbox if m.to == ["anna@example.org"])
        self.assertIn("Hello Anna de Vries", confirmation.body)

    def test_without_a_team_overview_in_the_language_the_form_is_closed(self):
        self.team_index.unpublish()
        self.assertContains(self.client.get(url("teams:start")), "Dit formulier is gesloten")

    def test_approval_and_rejection_of_a_team(self):
        self.post()
        team = TeamPage.objects.get(title="Buurtteam Het Plein")
        mail.outbox.clear()
        with jobs_run_after():
            act.workflow_action(self, self.moderator, team, "reject", comment="Welke buurt?")
        self.assertIn("Welke buurt?", mail.outbox[0].body)
        self.assertFalse(Page.objects.get(pk=team.pk).live)
