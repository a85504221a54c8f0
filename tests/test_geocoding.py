"""Coordinates for every activity with an address: looked up by a background job after a save
(public form and admin), kept through revisions, corrected by hand on the admin's pin map,
failures listed for moderators, and a command that fills in existing activities."""

import io
from decimal import Decimal
from unittest import mock

from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from activities.geocoding import locate_activity
from activities.models import ActivityPage
from moderation.roles import EDITORS, MODERATORS
from tests import admin_actions as act
from tests.factories import (
    ONLINE,
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    make_user,
)
from tests.jobs import jobs_run_after, queued_jobs
from tests.maps import markers_shown
from tests.test_places import recorded_answer
from tests.test_public_forms import ActivityFormTestCase, url
from tests.two_factor import log_in

Status = ActivityPage.LocationStatus
ZWOLLE = (Decimal("52.51250"), Decimal("6.09444"))  # the place of postcode 8012 in the table
UTRECHT = (Decimal("52.09083"), Decimal("5.12222"))
REPORT = "/admin/reports/activities-without-location/"


def coordinates(page):
    page = ActivityPage.objects.get(pk=page.pk)
    return page.latitude, page.longitude


class GeocodingFixture(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.edition = make_edition(make_edition_index(cls.home), 2026)
        call_command("setup_roles", stdout=io.StringIO())
        cls.moderator = make_user("moderator", MODERATORS)
        cls.editor = make_user("editor", EDITORS)
        cls.superuser = make_user("admin", superuser=True)


class LookupAfterSaveTest(GeocodingFixture):
    def test_a_saved_activity_is_looked_up_after_the_commit_not_during_the_save(self):
        activity = make_activity(self.edition, "Koffie in Zwolle")
        self.assertEqual(activity.location_status, Status.PENDING)
        self.assertEqual(coordinates(activity), (None, None))
        with jobs_run_after():
            activity.save_revision().publish()
        activity.refresh_from_db()
        self.assertEqual(coordinates(activity), ZWOLLE)
        self.assertEqual(activity.location_status, Status.POSTCODE)
        self.assertEqual(activity.geocoded_for, "8012 DH 12")

    def test_coordinates_found_after_a_draft_survive_its_publication(self):
        with jobs_run_after():
            draft = make_activity(self.edition, "Nog een concept", live=False)
        self.assertEqual(coordinates(draft), ZWOLLE)
        revision = Page.objects.get(pk=draft.pk).specific.get_latest_revision()
        self.assertIsNone(revision.content["latitude"])  # saved before the lookup
        self.assertEqual(revision.as_object().latitude, ZWOLLE[0])  # the edit form shows it
        revision.publish()
        self.assertEqual(coordinates(draft), ZWOLLE)

    def test_a_new_address_is_looked_up_again(self):
        with jobs_run_after():
            activity = make_activity(self.edition, "Verhuist")
        activity.postcode, activity.street_address, activity.city = (
            "3511 AB",
            "Oudegracht 12",
            "Utrecht",
        )
        with jobs_run_after():
            activity.save_revision().publish()
        self.assertEqual(coordinates(activity), UTRECHT)

    @override_settings(PLACES_GEOCODER="pdok")
    def test_with_pdok_the_address_itself(self):
        with mock.patch("places.geocoders.urlopen", return_value=recorded_answer()):
            with jobs_run_after():
                activity = make_activity(
                    self.edition,
                    "Aan de gracht",
                    postcode="3511 AB",
                    street_address="Oudegracht 12",
                )
        activity.refresh_from_db()
        self.assertEqual(coordinates(activity), (Decimal("52.09245"), Decimal("5.11853")))
        self.assertEqual(activity.location_status, Status.ADDRESS)

    def test_online_activities_are_not_looked_up(self):
        activity = make_activity(self.edition, "Online", **ONLINE)
        self.assertEqual(activity.location_status, "")
        self.assertFalse(queued_jobs(locate_activity).exists())


class FailedLookupTest(GeocodingFixture):
    def test_an_unknown_postcode_saves_and_is_listed_for_moderators(self):
        with jobs_run_after():
            activity = make_activity(self.edition, "Postbusadres", postcode="3500 AA")
        activity.refresh_from_db()
        self.assertTrue(activity.live)
        self.assertEqual(activity.location_status, Status.FAILED)
        self.assertEqual(coordinates(activity), (None, None))
        for user in (self.moderator, self.editor):
            log_in(self.client, user)
            report = self.client.get(REPORT)
            self.assertContains(report, "Postbusadres")
            self.assertContains(report, "Adres niet gevonden")
            self.assertContains(report, f"/admin/pages/{activity.pk}/edit/")
            self.assertContains(self.client.get("/admin/"), "Activiteiten zonder plek")  # menu
            self.client.logout()

    def test_the_report_leaves_out_located_and_online_activities(self):
        with jobs_run_after():
            make_activity(self.edition, "Gevonden in Zwolle")
        log_in(self.client, self.moderator)
        self.assertNotContains(self.client.get(REPORT), "Gevonden in Zwolle")

    def test_csv_export_of_the_report_is_spreadsheet_safe(self):
        with jobs_run_after():
            make_activity(self.edition, "=HYPERLINK(1)", slug="formule", postcode="3500 AA")
        log_in(self.client, self.moderator)
        response = self.client.get(REPORT, {"export": "csv"})
        self.assertIn("'=HYPERLINK(1)", b"".join(response.streaming_content).decode())


class PublicFormLookupTest(ActivityFormTestCase):
    @override_settings(PLACES_GEOCODER="pdok")
    def test_the_form_never_waits_for_the_geocoder(self):
        with mock.patch("places.geocoders.urlopen", side_effect=AssertionError("in the request")):
            with self.captureOnCommitCallbacks(execute=True):  # queued, not run
                self.client.post(url(self.form_url_name), self.data())
        page = self.submitted()
        self.assertEqual(page.location_status, Status.PENDING)
        self.assertTrue(queued_jobs(locate_activity).exists())

    def test_a_sent_in_activity_is_on_the_map_once_approved(self):
        self.post()  # runs the jobs after the request
        page = self.submitted()
        self.assertEqual((page.latitude, page.longitude), ZWOLLE)
        act.workflow_action(self, self.moderator, page, "approve")
        page = ActivityPage.objects.get(pk=page.pk)
        self.assertTrue(page.live)
        self.assertEqual((page.latitude, page.longitude), ZWOLLE)
        overview = self.client.get(f"{self.edition.url}activiteiten/", {"view": "map"})
        self.assertEqual([m["title"] for m in markers_shown(self.client, overview)], [page.title])


class PinByHandTest(GeocodingFixture):
    def setUp(self):
        with jobs_run_after():
            self.activity = make_activity(self.edition, "Koffie in Zwolle")

    def edit(self, **changes):
        data = act.page_form_data(self.client, act.edit_url(self.activity), self.superuser)
        data = act.with_changes(data, {"action-publish": "1", **changes})
        with jobs_run_after():
            act.post_as(self.client, self.moderator, act.edit_url(self.activity), data)
        return ActivityPage.objects.get(pk=self.activity.pk)

    def test_the_edit_form_has_a_pin_map_for_the_coordinates(self):
        log_in(self.client, self.moderator)
        response = self.client.get(act.edit_url(self.activity))
        self.assertContains(response, 'data-latitude-input="id_latitude"')
        self.assertContains(response, "places/pin.js")
        self.assertContains(response, "Locatie: Midden van de plaats van de postcode.")

    def test_a_moved_pin_is_kept_until_the_address_changes(self):
        page = self.edit(latitude="52.51001", longitude="6.09002")
        self.assertEqual((page.latitude, page.longitude), (Decimal("52.51001"), Decimal("6.09002")))
        self.assertEqual(page.location_status, Status.MANUAL)
        page = self.edit(title="Koffie en koek in Zwolle")
        self.assertEqual(page.latitude, Decimal("52.51001"))
        page = self.edit(postcode="3511 AB", street_address="Oudegracht 12", city="Utrecht")
        self.assertEqual((page.latitude, page.longitude), UTRECHT)
        self.assertEqual(page.location_status, Status.POSTCODE)

    def test_emptying_the_coordinates_looks_them_up_again(self):
        self.edit(latitude="52.51001", longitude="6.09002")
        page = self.edit(latitude="", longitude="")
        self.assertEqual((page.latitude, page.longitude), ZWOLLE)
        self.assertEqual(page.location_status, Status.POSTCODE)


class BackfillCommandTest(GeocodingFixture):
    def test_only_missing_fills_in_activities_without_coordinates(self):
        old = make_activity(self.edition, "Van vorig jaar")
        typed = make_activity(self.edition, "Met de hand", latitude="52.5", longitude="6.1")
        # As they were before addresses were looked up: no status, nothing queued.
        ActivityPage.objects.filter(pk=old.pk).update(location_status="", geocoded_for="")
        ActivityPage.objects.filter(pk=typed.pk).update(location_status="", geocoded_for="")
        out = io.StringIO()
        call_command("geocode_activities", only_missing=True, stdout=out)
        self.assertEqual(coordinates(old), ZWOLLE)
        self.assertEqual(coordinates(typed), (Decimal("52.50000"), Decimal("6.10000")))
        self.assertIn("Looked up 1 activities", out.getvalue())
