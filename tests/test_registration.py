"""Which edition accepts registrations of activities: one rule on the model
(EditionPage.accepts_registrations), asked by the edition page, the form and the idea's link."""

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from activities.models import ActivityPage
from activities.registration import do_this_idea_url
from editions.models import EditionPage
from tests.factories import make_edition, make_edition_index, make_home
from tests.factories_ideas import make_idea, make_idea_index
from tests.test_public_forms import ActivityFormTestCase

# Two editions in the future: the first one is open, the second one waits for it to end.
YEAR = timezone.localdate().year + 1


def form_url(**parameters):
    with translation.override("nl"):
        address = reverse("activities:register")
    return f"{address}?{'&'.join(f'{k}={v}' for k, v in parameters.items())}"


class RuleTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_edition_index(make_home())
        cls.past = make_edition(index, 2024)
        cls.running = make_edition(index, 2025)
        cls.next = make_edition(index, 2026)

    def accepting(self, today):
        editions = (self.past, self.running, self.next)
        return [edition.year for edition in editions if edition.accepts_registrations(today)]

    def test_the_running_or_next_edition_accepts_and_no_other(self):
        self.assertEqual(self.accepting(datetime.date(2025, 6, 1)), [2025])
        self.assertEqual(self.accepting(datetime.date(2025, 12, 9)), [2025])
        self.assertEqual(self.accepting(datetime.date(2025, 12, 12)), [2026])
        self.assertEqual(self.accepting(datetime.date(2027, 1, 1)), [])

    def test_open_for_registrations_is_the_edition_that_accepts(self):
        today = datetime.date(2025, 6, 1)
        edition = EditionPage.open_for_registrations(self.running.locale, today)
        self.assertEqual(edition, self.running)

    def test_an_unpublished_edition_does_not_accept(self):
        self.running.unpublish()
        self.assertEqual(self.accepting(datetime.date(2025, 6, 1)), [2026])


class EditionPageButtonTest(ActivityFormTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.later = make_edition(cls.edition_index, YEAR + 1)

    def test_the_open_edition_offers_its_own_form(self):
        response = self.client.get(self.edition.url)
        self.assertContains(response, f'href="{form_url(edition=self.edition.pk)}"')

    def test_a_later_edition_offers_no_registration_while_an_earlier_one_is_open(self):
        response = self.client.get(self.later.url)
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "meld-je-activiteit-aan")

    def test_the_form_registers_for_the_edition_that_accepts(self):
        self.client.post(form_url(), self.data())
        self.assertEqual(self.submitted().get_parent().pk, self.edition.pk)
        self.client.post(form_url(edition=self.edition.pk), self.data(title="Tweede soep"))
        second = ActivityPage.objects.get(title="Tweede soep")
        self.assertEqual(second.get_parent().pk, self.edition.pk)

    def test_a_forged_edition_that_does_not_accept_is_refused(self):
        for edition in (self.later.pk, "999999", "x"):
            with self.subTest(edition=edition):
                response = self.client.post(form_url(edition=edition), self.data())
                self.assertContains(response, "Dit formulier is gesloten")
        self.assertFalse(ActivityPage.objects.exists())


class DoThisIdeaTest(ActivityFormTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.idea = make_idea(make_idea_index(cls.home), "Buurtsoep")

    def test_the_idea_links_to_the_form_while_an_edition_accepts(self):
        self.assertEqual(do_this_idea_url(self.idea), form_url(idea=self.idea.pk))
        EditionPage.objects.filter(pk=self.edition.pk).update(
            start_date=datetime.date(2000, 12, 7), end_date=datetime.date(2000, 12, 11)
        )
        self.assertIsNone(do_this_idea_url(self.idea))
        self.assertNotContains(self.client.get(self.idea.url), "meld-je-activiteit-aan")
