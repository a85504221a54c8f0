"""The overview selects and counts on `ActivityPage.listed_in` (activities.listing): the copy
follows every change that makes an activity public or not, and a copy that is out of date never
shows a page that is not public."""

import unittest
from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction

from activities.models import ActivityPage
from tests.factories import (
    make_activity,
    make_edition,
    make_edition_index,
    make_home,
    translate,
)
from tests.maps import markers_shown


def listed_in(activity):
    return ActivityPage.objects.values_list("listed_in", flat=True).get(pk=activity.pk)


class ListingFollowsVisibilityTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_edition_index(make_home())
        cls.edition = make_edition(cls.index, 2031)
        cls.other_edition = make_edition(cls.index, 2032)

    def test_published_activities_are_listed_drafts_are_not(self):
        published = make_activity(self.edition, "Koffie in de lift")
        draft = make_activity(self.edition, "Soep in de hal", live=False)
        self.assertEqual(listed_in(published), self.edition.pk)
        self.assertIsNone(listed_in(draft))
        draft.get_latest_revision().publish()
        self.assertEqual(listed_in(draft), self.edition.pk)

    def test_unpublishing_unlists(self):
        activity = make_activity(self.edition)
        activity.unpublish()
        self.assertIsNone(listed_in(activity))

    def test_unpublishing_through_a_plain_page_instance_unlists(self):
        """Scheduled expiry unpublishes Page instances, not ActivityPage ones."""
        activity = make_activity(self.edition)
        ActivityPage.objects.get(pk=activity.pk).page_ptr.unpublish(set_expired=True)
        self.assertIsNone(listed_in(activity))

    def test_a_view_restriction_above_unlists_and_its_removal_lists_again(self):
        activity = make_activity(self.edition)
        restriction = PageViewRestriction.objects.create(
            page=self.edition, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertIsNone(listed_in(activity))
        restriction.delete()
        self.assertEqual(listed_in(activity), self.edition.pk)

    def test_a_view_restriction_on_the_activity_unlists_it_alone(self):
        restricted = make_activity(self.edition, "Besloten koffie")
        neighbour = make_activity(self.edition, "Open koffie")
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        self.assertIsNone(listed_in(restricted))
        self.assertEqual(listed_in(neighbour), self.edition.pk)

    def test_moving_to_another_edition_lists_it_there(self):
        activity = make_activity(self.edition)
        activity.move(self.other_edition, pos="last-child")
        self.assertEqual(listed_in(activity), self.other_edition.pk)

    def test_a_published_translation_is_listed_in_the_translated_edition(self):
        activity = make_activity(self.edition)
        english = translate(activity, Locale.objects.get(language_code="en"))
        english_edition = english.get_parent()
        self.assertEqual(listed_in(english), english_edition.pk)
        self.assertEqual(listed_in(activity), self.edition.pk)

    def test_the_command_repairs_a_copy_changed_past_django(self):
        activity = make_activity(self.edition)
        draft = make_activity(self.edition, "Soep in de hal", live=False)
        ActivityPage.objects.update(listed_in=self.other_edition)
        out = StringIO()
        call_command("refresh_activity_listing", stdout=out)
        self.assertEqual(listed_in(activity), self.edition.pk)
        self.assertIsNone(listed_in(draft))
        self.assertIn("1 of 2 activities are listed", out.getvalue())


class StaleListingShowsNothingPrivateTest(TestCase):
    """Even when the copy says otherwise (raw SQL, a restored backup), what the overview shows
    of an activity is loaded through core.visibility."""

    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2031)
        cls.public = make_activity(
            cls.edition, "Open koffie", latitude=Decimal("52.5"), longitude=Decimal("6.1")
        )
        cls.hidden = make_activity(
            cls.edition, "Geheime soep", latitude=Decimal("52.5"), longitude=Decimal("6.1")
        )
        ActivityPage.objects.filter(pk=cls.hidden.pk).update(live=False)  # past Django

    def setUp(self):
        self.assertEqual(listed_in(self.hidden), self.edition.pk)
        self.overview = f"{self.edition.url}activiteiten/"

    def test_the_list_shows_only_the_public_activity(self):
        response = self.client.get(self.overview)
        titles = [activity.title for activity in response.context["activities"]]
        self.assertEqual(titles, ["Open koffie"])
        self.assertNotContains(response, "Geheime soep")

    def test_the_map_shows_only_the_public_activity(self):
        response = self.client.get(self.overview, {"view": "map"})
        markers = markers_shown(self.client, response)
        self.assertEqual([m["title"] for m in markers], ["Open koffie"])

    def test_a_restriction_added_later_hides_the_activity_at_once(self):
        PageViewRestriction.objects.create(
            page=self.public, restriction_type=PageViewRestriction.LOGIN
        )
        response = self.client.get(self.overview)
        self.assertNotContains(response, "Open koffie")


@unittest.skipUnless(connection.vendor == "postgresql", "planner statistics of PostgreSQL")
class BulkInsertCountsForThePlannerTest(TestCase):
    """After generated activities arrive in bulk, PostgreSQL knows how many rows there are:
    planning the listing refresh by a count of 0 ran it as nested loops over every row (one CI
    run spent its whole time limit there)."""

    def test_the_tables_are_counted_again_after_a_bulk_insert(self):
        edition = make_edition(make_edition_index(make_home()), 2026)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE activities_activitypage")
        self.assertLess(estimated_rows("activities_activitypage"), 40)
        call_command("generate_activities", 60, edition=2026, stdout=StringIO())
        self.assertEqual(ActivityPage.objects.child_of(edition).count(), 60)
        self.assertGreaterEqual(estimated_rows("activities_activitypage"), 60)
        self.assertGreaterEqual(estimated_rows("wagtailcore_page"), 60)


def estimated_rows(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0]
