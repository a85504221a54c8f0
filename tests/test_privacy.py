"""Personal data: the register, the retention job, the administrators' tool and the privacy page."""

import datetime
import json
import re

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import models
from django.test import TestCase, override_settings
from django.test.utils import isolate_apps
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.module_loading import import_string
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import ModelLogEntry, PageLogEntry, Revision
from wagtail_localize.models import (
    OverridableSegment,
    String,
    StringTranslation,
    TranslationSource,
)

from moderation.roles import EDITORS, MODERATORS, TEAM_EDITORS, TRANSLATORS
from privacy import register
from privacy.retention import apply_retention
from privacy.subject import ERASE_ACTION
from privacy.tasks import apply_retention_task
from search.models import UnansweredSearch
from stories.models import Story
from submissions.models import SubmitterContact
from teams.models import TeamPage
from tests.factories import (
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_team,
    make_team_index,
    make_user,
)
from tests.jobs import run_jobs
from tests.translation_helpers import translate_page
from tests.two_factor import log_in

NOW = timezone.now()
TODAY = timezone.localdate(NOW)
ANNA = "anna@example.org"
BERT = "bert@example.org"
# The register entries in which SubjectTest gives Anna and Bert rows.
FINDABLE_ENTRIES = (
    "submitter_contacts",
    "story_emails",
    "stories",
    "team_contacts",
    "edition_contacts",
    "accounts",
    "sign_ins",
    "search_terms",
)


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def around_the_boundary(key):
    """(just past the entry's period, just within it) as moments."""
    days = register.entry(key).retention_period().days
    return days_ago(days + 1), days_ago(days - 1)


def recent_edition(index, days_since_end=30):
    end = TODAY - datetime.timedelta(days=days_since_end)
    return make_edition(index, end.year, start=(end.month, end.day), end=(end.month, end.day))


def contact_for(page, email, sent_at=NOW):
    contact = SubmitterContact.objects.create(page=page, name="Iemand", email=email, phone="06 1")
    SubmitterContact.objects.filter(pk=contact.pk).update(created_at=sent_at)
    return contact


def story(edition, email="", **fields):
    fields.setdefault("status", Story.Status.APPROVED)
    return Story.objects.create(
        edition=edition, name="Anna", text="Een verhaal " * 3, email=email, **fields
    )


def search_term(words, date, promoted_page=None):
    query = Query.get(words)
    QueryDailyHits.objects.create(query=query, date=date, hits=1)
    UnansweredSearch.objects.create(query=query, language_code="nl", date=date, hits=1)
    if promoted_page is not None:
        SearchPromotion.objects.create(query=query, page=promoted_page)
    return query


def sign_in_record(model, username, at):
    extra = {"get_data": "", "post_data": "", "failures_since_start": 1}
    fields = {
        "username": username,
        "ip_address": "192.0.2.1",
        "user_agent": "Firefox",
        "http_accept": "*/*",
        "path_info": "/admin/login/",
    }
    if model is AccessAttempt:
        fields.update(extra)
    record = model.objects.create(**fields)
    model.objects.filter(pk=record.pk).update(attempt_time=at)
    return record


def exists(instance):
    return type(instance).objects.filter(pk=instance.pk).exists()


class RegisterTest(TestCase):
    def test_every_field_that_looks_personal_is_in_the_register_or_declared_not_personal(self):
        self.assertEqual(register.unregistered_personal_fields(), [])

    @isolate_apps("privacy")
    def test_a_new_personal_looking_field_is_caught(self):
        class Volunteer(models.Model):
            nickname = models.CharField(max_length=20)
            reply_to = models.EmailField()
            client_ip = models.GenericIPAddressField()
            shoe_size = models.IntegerField()

            class Meta:
                app_label = "privacy"

            def __str__(self):
                return self.nickname

        self.assertEqual(
            register.unregistered_personal_fields([Volunteer]),
            [
                "privacy.Volunteer.client_ip",
                "privacy.Volunteer.nickname",
                "privacy.Volunteer.reply_to",
            ],
        )

    def test_the_register_covers_what_the_issue_names(self):
        covered = register.registered_fields()
        for field in (
            "submissions.SubmitterContact.email",
            "stories.Story.email",
            "teams.TeamPage.contact_email",
            "editions.EditionPage.contact_email",
            "wagtailsearchpromotions.Query.query_string",
            "auth.User.email",
            "axes.AccessLog.ip_address",
        ):
            self.assertIn(field, covered)

    @override_settings(PRIVACY_RETENTION_DAYS={"story_emails": 7})
    def test_a_setting_overrides_the_default_period(self):
        self.assertEqual(register.entry("story_emails").retention_period().days, 7)
        self.assertEqual(register.entry("stories").retention_period().days, 730)

    @override_settings(PRIVACY_RETENTION_DAYS={"no_such_entry": 7})
    def test_a_retention_setting_for_an_unknown_entry_is_an_error(self):
        from privacy.checks import check_register

        self.assertEqual([error.id for error in check_register()], ["privacy.E002"])


class RetentionTest(TestCase):
    """Each entry with rows just past its period and just within it: only the first go."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.index = make_edition_index(cls.home)
        cls.old_edition = make_edition(cls.index, 2020, contact_name="Oud", contact_email=ANNA)
        cls.recent_edition = recent_edition(cls.index)
        cls.recent_edition.contact_name, cls.recent_edition.contact_email = "Nieuw", BERT
        cls.recent_edition.save_revision().publish()
        cls.team_index = make_team_index(cls.home)

    def team(self, title, offline_since=None, **fields):
        team = make_team(
            self.team_index, title, contact_name="Contact", contact_email=ANNA, **fields
        )
        if offline_since is not None:
            TeamPage.objects.filter(pk=team.pk).update(
                live=False, latest_revision_created_at=offline_since
            )
            PageLogEntry.objects.filter(page=team).update(timestamp=offline_since)
        return team

    def assert_ended(self, ended, kept):
        apply_retention(now=NOW)
        for instance in ended:
            self.assertFalse(exists(instance), instance)
        for instance in kept:
            self.assertTrue(exists(instance), instance)

    def test_submitter_contacts(self):
        past, within = around_the_boundary("submitter_contacts")
        old = contact_for(self.team("Oud team"), ANNA, sent_at=past)
        new = contact_for(self.team("Nieuw team"), ANNA, sent_at=within)
        activity = make_activity(self.recent_edition, "Koffie", live=False)
        edition_not_over_long = contact_for(activity, ANNA, sent_at=past)
        in_review = self.team("In review")
        in_review.get_workflow().start(in_review, user=None)
        under_review = contact_for(in_review, ANNA, sent_at=past)
        decided = self.team("Net beslist")
        decided.get_workflow().start(decided, user=None).cancel(user=make_user("moderator"))
        decided_recently = contact_for(decided, ANNA, sent_at=past)

        self.assert_ended(
            ended=[old], kept=[new, edition_not_over_long, under_review, decided_recently]
        )
        self.assertTrue(exists(old.page), "the page stays, only the contact goes")

    def test_story_emails_are_emptied_and_the_story_kept(self):
        past, within = around_the_boundary("story_emails")
        old = story(self.recent_edition, ANNA, moderated_at=past)
        new = story(self.recent_edition, ANNA, moderated_at=within)
        pending = story(self.recent_edition, ANNA, status=Story.Status.PENDING)
        apply_retention(now=NOW)
        for instance, email in ((old, ""), (new, ANNA), (pending, ANNA)):
            instance.refresh_from_db()
            self.assertEqual(instance.email, email)

    def test_rejected_stories(self):
        past, within = around_the_boundary("rejected_stories")
        rejected = {"status": Story.Status.REJECTED}
        old = story(self.recent_edition, moderated_at=past, **rejected)
        new = story(self.recent_edition, moderated_at=within, **rejected)
        approved = story(self.recent_edition, moderated_at=past)
        self.assert_ended(ended=[old], kept=[new, approved])

    def test_a_deleted_story_takes_its_photo_along(self):
        past, _within = around_the_boundary("rejected_stories")
        photo = ContentFile(b"not really a jpeg", name="foto.jpg")
        rejected = story(
            self.recent_edition, moderated_at=past, status=Story.Status.REJECTED, photo=photo
        )
        name = rejected.photo.name
        self.assertTrue(default_storage.exists(name))
        apply_retention(now=NOW)
        self.assertFalse(default_storage.exists(name))

    def test_stories_go_with_their_edition(self):
        recently_over = recent_edition(self.index, days_since_end=729)
        old = story(self.old_edition)
        kept = [story(self.recent_edition), story(recently_over)]
        self.assert_ended(ended=[old], kept=kept)

    def test_stories_are_logged_under_a_neutral_name_once_deleted(self):
        old = story(self.old_edition)
        ModelLogEntry.objects.log_action(old, "wagtail.edit")
        apply_retention(now=NOW)
        self.assertNotIn("Anna", ModelLogEntry.objects.get(object_id=str(old.pk)).label)

    def test_team_contacts_are_emptied_on_the_page_and_in_its_revisions(self):
        past, within = around_the_boundary("team_contacts")
        old = self.team("Oud team", offline_since=past)
        new = self.team("Nieuw team", offline_since=within)
        live = self.team("Levend team")
        TeamPage.objects.filter(pk=live.pk).update(latest_revision_created_at=past)
        PageLogEntry.objects.filter(page=live).update(timestamp=past)
        apply_retention(now=NOW)
        for team, email in ((old, ""), (new, ANNA), (live, ANNA)):
            team.refresh_from_db()
            self.assertEqual(team.contact_email, email)
        old_revisions = Revision.objects.filter(object_id=str(old.pk))
        self.assertTrue(old_revisions.exists())
        self.assertNotIn(ANNA, json.dumps([revision.content for revision in old_revisions]))

    def test_edition_contacts(self):
        apply_retention(now=NOW)
        self.old_edition.refresh_from_db()
        self.recent_edition.refresh_from_db()
        self.assertEqual((self.old_edition.contact_name, self.old_edition.contact_email), ("", ""))
        self.assertEqual(self.recent_edition.contact_email, BERT)

    def test_search_terms(self):
        past, within = around_the_boundary("search_terms")
        old = search_term("anna de vries", timezone.localdate(past))
        new = search_term("wandelen", timezone.localdate(within))
        promoted = search_term("koffie", timezone.localdate(past), promoted_page=self.home)
        self.assert_ended(ended=[old], kept=[new, promoted])
        self.assertFalse(UnansweredSearch.objects.filter(query_id=old.pk).exists())

    def test_dormant_accounts_are_anonymised_except_administrators(self):
        past, within = around_the_boundary("accounts")
        dormant, active, never_signed_in = (
            make_user(name, EDITORS) for name in ("slaper", "actief", "nooit")
        )
        admin = make_user("beheerder", superuser=True)
        User = get_user_model()
        User.objects.filter(pk__in=[dormant.pk, admin.pk]).update(last_login=past)
        User.objects.filter(pk=active.pk).update(last_login=within)
        User.objects.filter(pk=never_signed_in.pk).update(date_joined=past)
        apply_retention(now=NOW)
        for user in (dormant, never_signed_in):
            user.refresh_from_db()
            self.assertEqual((user.email, user.is_active), ("", False))
            self.assertFalse(user.has_usable_password())
        for user in (active, admin):
            user.refresh_from_db()
            self.assertTrue(user.email and user.is_active)
        self.assertEqual(apply_retention(now=NOW)["accounts"], 0, "anonymised once")

    def test_sign_in_records(self):
        for key, model in (
            ("sign_ins", AccessLog),
            ("failed_sign_ins", AccessFailureLog),
            ("sign_in_lockouts", AccessAttempt),
        ):
            past, within = around_the_boundary(key)
            self.assert_ended(
                ended=[sign_in_record(model, "anna", past)],
                kept=[sign_in_record(model, "anna-2", within)],
            )

    def test_dry_run_counts_and_changes_nothing(self):
        past, _within = around_the_boundary("rejected_stories")
        rejected = story(self.recent_edition, moderated_at=past, status=Story.Status.REJECTED)
        counts = apply_retention(now=NOW, dry_run=True)
        self.assertEqual(counts["rejected_stories"], 1)
        self.assertEqual(counts["edition_contacts"], 1)
        self.assertTrue(exists(rejected))
        self.old_edition.refresh_from_db()
        self.assertEqual(self.old_edition.contact_email, ANNA)

    def test_command_prints_counts_per_entry(self):
        from io import StringIO

        out = StringIO()
        call_command("apply_retention", "--dry-run", stdout=out)
        self.assertIn("edition_contacts: 1 would be ended", out.getvalue())
        self.assertEqual(self.old_edition.contact_email, ANNA)
        call_command("apply_retention", stdout=StringIO())
        self.old_edition.refresh_from_db()
        self.assertEqual(self.old_edition.contact_email, "")

    def test_daily_task_is_scheduled_and_runs_the_job(self):
        from django.conf import settings

        path, interval = next(
            (path, seconds)
            for path, seconds in settings.PERIODIC_TASKS.items()
            if "retention" in path
        )
        self.assertIs(import_string(path), apply_retention_task)
        self.assertEqual(interval, 24 * 60 * 60)
        result = apply_retention_task.enqueue()
        run_jobs()
        result.refresh()
        self.assertEqual(result.return_value["edition_contacts"], 1)


class SubjectTest(TestCase):
    """The administrators' tool for one e-mail address: export and erase, Anna's and not Bert's."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        index = make_edition_index(cls.home)
        cls.edition = recent_edition(index)
        cls.edition_for_anna = make_edition(
            index,
            2020,
            contact_name="Anna de Vries",
            contact_email=ANNA,
            contact_phone="06 11111111",
        )
        translate_page(cls.home)
        translate_page(index)
        cls.edition_for_anna_en = translate_page(cls.edition_for_anna)
        team_index = make_team_index(cls.home)
        cls.people = {}
        for name, email in (("anna", ANNA), ("bert", BERT)):
            activity = make_activity(cls.edition, f"Activiteit van {name}", live=False)
            cls.people[name] = {
                "contact": contact_for(activity, email),
                "activity": activity,
                "story": story(cls.edition, email),
                "team": make_team(
                    team_index, f"Team van {name}", contact_name=name.title(), contact_email=email
                ),
                "user": make_user(name),
                "sign_in": sign_in_record(AccessLog, name, NOW),
                "search": search_term(f"{email} zoekt", TODAY),
            }
        get_user_model().objects.filter(pk=cls.people["anna"]["user"].pk).update(email=ANNA)
        get_user_model().objects.filter(pk=cls.people["bert"]["user"].pk).update(email=BERT)
        cls.superuser = make_user("admin", superuser=True)

    def setUp(self):
        log_in(self.client, self.superuser)

    def post(self, name, email, **data):
        return self.client.post(reverse(name), {"email": email, **data})

    def test_lookup_lists_every_part_of_the_register_with_links(self):
        response = self.post("privacy_lookup", "  Anna@Example.org ")
        self.assertEqual(response.status_code, 200)
        for key in FINDABLE_ENTRIES:
            self.assertContains(response, conditional_escape(str(register.entry(key).label)))
        anna = self.people["anna"]
        edit = reverse("wagtailadmin_pages:edit", args=[anna["activity"].pk])
        self.assertContains(response, f'href="{edit}"')
        self.assertNotContains(response, "Team van bert")

    def test_export_holds_all_data_of_one_address_and_none_of_another(self):
        response = self.post("privacy_export", ANNA)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("attachment", response["Content-Disposition"])
        self.assertNotIn("anna", response["Content-Disposition"])
        text = response.content.decode()
        data = json.loads(text)
        exported = {part["key"]: part["items"] for part in data["register"]}
        self.assertEqual(set(exported), set(FINDABLE_ENTRIES))
        self.assertEqual(exported["submitter_contacts"][0]["phone"], "06 1")
        self.assertEqual(exported["stories"][0]["name"], "Anna")
        self.assertEqual(len(exported["edition_contacts"]), 2, "the Dutch and English page")
        self.assertNotIn("bert", text.lower())

    def test_erase_asks_for_confirmation_first(self):
        response = self.post("privacy_erase", ANNA)
        self.assertContains(response, 'name="confirmed" value="yes"')
        self.assertTrue(exists(self.people["anna"]["contact"]))

    def test_erase_removes_everything_of_one_address_and_keeps_the_rest(self):
        self.assertEqual(
            self.copies_of("Anna de Vries"),
            ["revisions", "string translations", "strings", "translation sources"],
        )
        self.assertEqual(
            self.copies_of(ANNA), ["overridable segments", "revisions", "translation sources"]
        )
        response = self.post("privacy_erase", ANNA, confirmed="yes")
        self.assertRedirects(response, reverse("privacy_lookup"))
        anna, bert = self.people["anna"], self.people["bert"]

        for gone in ("contact", "story", "sign_in", "search"):
            self.assertFalse(exists(anna[gone]), gone)
        self.assertTrue(exists(anna["activity"]), "the page the submitter sent stays")
        for page in (anna["team"], self.edition_for_anna, self.edition_for_anna_en):
            page.refresh_from_db()
            self.assertEqual(page.contact_email, "")
        self.assertEqual(self.edition_for_anna.contact_phone, "")
        anna["user"].refresh_from_db()
        self.assertEqual((anna["user"].email, anna["user"].is_active), ("", False))
        for kept in bert.values():
            self.assertTrue(exists(kept))
        bert["team"].refresh_from_db()
        self.assertEqual(bert["team"].contact_email, BERT)

        self.assertEqual(self.post("privacy_lookup", ANNA).context["items"], [])
        self.assertEqual(self.copies_of("Anna de Vries"), [])
        self.assertEqual(self.copies_of(ANNA), [])

    def copies_of(self, text):
        """Where a page's field lives on besides the page: revisions and translation data."""
        places = {
            "revisions": json.dumps([revision.content for revision in Revision.objects.all()]),
            "translation sources": " ".join(
                TranslationSource.objects.values_list("content_json", flat=True)
            ),
            "strings": " ".join(String.objects.values_list("data", flat=True)),
            "string translations": " ".join(
                StringTranslation.objects.values_list("data", flat=True)
            ),
            "overridable segments": " ".join(
                OverridableSegment.objects.values_list("data_json", flat=True)
            ),
        }
        return sorted(place for place, content in places.items() if text in content)

    def test_erasure_is_in_the_audit_log_without_the_address(self):
        self.post("privacy_erase", ANNA, confirmed="yes")
        page_entries = PageLogEntry.objects.filter(action=ERASE_ACTION)
        model_entries = ModelLogEntry.objects.filter(action=ERASE_ACTION)
        self.assertIn(
            self.people["anna"]["activity"].pk, page_entries.values_list("page", flat=True)
        )
        self.assertTrue(model_entries.filter(deleted=True).exists(), "the deleted story")
        everything = [
            (entry.label, json.dumps(entry.data)) for entry in [*page_entries, *model_entries]
        ]
        self.assertNotIn("anna@", json.dumps(everything).lower())
        self.assertNotIn("Anna", json.dumps(everything))

    def test_the_administrator_cannot_erase_their_own_account_by_accident(self):
        get_user_model().objects.filter(pk=self.superuser.pk).update(email=ANNA)
        self.post("privacy_erase", ANNA, confirmed="yes")
        self.superuser.refresh_from_db()
        self.assertTrue(self.superuser.is_active)


class AccessTest(TestCase):
    URL_NAMES = ("privacy_lookup", "privacy_export", "privacy_erase")

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.roles = [
            make_user(group.lower().replace(" ", "-"), group)
            for group in (EDITORS, MODERATORS, TRANSLATORS, TEAM_EDITORS)
        ]
        cls.superuser = make_user("admin", superuser=True)
        story(make_edition(make_edition_index(home), 2020), ANNA)

    def test_every_other_role_gets_403_on_every_url(self):
        for user in self.roles:
            log_in(self.client, user)
            for name in self.URL_NAMES:
                for method in (self.client.get, self.client.post):
                    response = method(reverse(name), {"email": ANNA, "confirmed": "yes"})
                    self.assertEqual(response.status_code, 403, (user.username, name))
        self.assertTrue(Story.objects.filter(email=ANNA).exists())

    def test_anonymous_visitors_are_sent_to_the_login(self):
        for name in self.URL_NAMES:
            response = self.client.post(reverse(name), {"email": ANNA, "confirmed": "yes"})
            self.assertEqual(response.status_code, 302)
            self.assertIn(reverse("wagtailadmin_login"), response["Location"])
        self.assertTrue(Story.objects.filter(email=ANNA).exists())

    def test_only_administrators_see_the_menu_item(self):
        url = reverse("privacy_lookup")
        log_in(self.client, self.superuser)
        self.assertContains(self.client.get(reverse("wagtailadmin_home")), url)
        self.assertEqual(self.client.get(url).status_code, 200)
        log_in(self.client, self.roles[1])
        self.assertNotContains(self.client.get(reverse("wagtailadmin_home")), url)


class PrivacyStatementTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()

    def statement(self, language):
        with translation.override(language):
            return self.client.get(reverse("privacy:statement"))

    def test_lists_every_register_entry_in_dutch_and_english(self):
        for language in ("nl", "en"):
            response = self.statement(language)
            self.assertEqual(response.status_code, 200)
            with translation.override(language):
                for entry in register.entries():
                    for text in (
                        entry.label,
                        entry.holds,
                        entry.purpose,
                        entry.legal_basis.label,
                        entry.retention_text(),
                    ):
                        self.assertContains(response, conditional_escape(str(text)))

    def test_every_entry_is_translated_into_dutch(self):
        for entry in register.entries():
            for text in (entry.label, entry.holds, entry.purpose, entry.retention_start):
                with translation.override("nl"):
                    dutch = str(text)
                with translation.override("en"):
                    self.assertNotEqual(dutch, str(text))

    @override_settings(PRIVACY_RETENTION_DAYS={"stories": 1095}, BACKUP_KEEP_DAYS=14)
    def test_shows_the_configured_periods(self):
        response = self.statement("en")
        self.assertContains(response, "3 years after the last day of the edition")
        self.assertContains(response, "kept for 14 days")

    def test_linked_from_the_footer_and_from_the_consent_box_of_the_public_forms(self):
        url = reverse("privacy:statement")
        self.assertContains(self.client.get(self.home.url), f'href="{url}"')
        make_edition(make_edition_index(self.home), TODAY.year + 1)
        make_team_index(self.home)
        for name in ("stories:create", "activities:register", "teams:start"):
            html = self.client.get(reverse(name)).content.decode()
            consent_help = re.search(r'id="id_consent_helptext">(.*?)</div>', html, re.S)
            self.assertIn(f'href="{url}"', consent_help.group(1), name)
