"""The protections every public form shares, tested once on a tiny form of their own.

ProtectedForm (submissions/protection.py): honeypot, time trap with a signed one-time token,
consent. PublicSubmissionView (submissions/views.py): rate limit per address, silent honeypot,
exactly-once save. Each real form has a smoke test next to its other tests that it uses them.
"""

import threading
import time
import unittest
from unittest import mock

from django import forms
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory, TestCase, TransactionTestCase, override_settings
from django.utils import translation

from submissions.models import RateLimitCounter
from submissions.protection import ProtectedForm, client_address, new_form_token, setting
from submissions.views import PublicSubmissionView

LIMIT = setting("SUBMISSIONS_RATE_LIMIT")


class TinyForm(ProtectedForm):
    message = forms.CharField()


class TinyView(PublicSubmissionView):
    form_class = TinyForm
    template_name = "unused.html"  # the tests read the response's context, never render it
    success_url_name = "stories:thanks"

    def save_submission(self, form):
        return form.cleaned_data["message"]

    def notify(self, message):
        sent.append(message)


sent = []


def a_while_ago():
    return new_form_token(now=time.time() - 30)


def post(address="127.0.0.1", **changes):
    data = {"message": "Hallo", "consent": "on", "website": "", "form_token": a_while_ago()}
    request = RequestFactory().post("/formulier/", {**data, **changes}, REMOTE_ADDR=address)
    with translation.override("nl"):
        return TinyView.as_view()(request)


def errors(response):
    return response.context_data["form"].errors


class ProtectionsTestCase(TestCase):
    def setUp(self):
        sent.clear()

    def post(self, **changes):
        with self.captureOnCommitCallbacks(execute=True):
            return post(**changes)


class ValidFormTest(ProtectionsTestCase):
    def test_a_valid_form_is_saved_once_and_redirects(self):
        self.assertEqual(self.post().status_code, 302)
        self.assertEqual(sent, ["Hallo"])


class HoneypotTest(ProtectionsTestCase):
    def test_a_filled_honeypot_looks_like_success_and_saves_nothing(self):
        response = self.post(website="http://spam.example")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(sent, [])

    def test_people_do_not_see_the_honeypot(self):
        form = TinyForm()
        self.assertNotIn("website", [field.name for field in form.visible_fields()])
        self.assertIn('tabindex="-1"', str(form["website"]))


class TimeTrapTest(ProtectionsTestCase):
    def test_a_post_faster_than_a_person_types_is_refused(self):
        response = self.post(form_token=new_form_token())
        self.assertIn("Dat ging wel erg snel.", str(errors(response)["form_token"]))
        self.assertEqual(sent, [])

    def test_a_tampered_or_missing_token_is_refused(self):
        for token in ("", "abc", a_while_ago() + "x"):
            with self.subTest(token=token):
                response = self.post(form_token=token)
                self.assertIn("Dit formulier is verlopen.", str(errors(response)["form_token"]))
        self.assertEqual(sent, [])

    @override_settings(SUBMISSIONS_MAX_AGE_SECONDS=60)
    def test_an_expired_token_is_refused_and_replaced(self):
        old = new_form_token(now=time.time() - 61)
        response = self.post(form_token=old)
        self.assertIn("Dit formulier is verlopen.", str(errors(response)["form_token"]))
        self.assertNotEqual(response.context_data["form"].data["form_token"], old)

    def test_a_form_sent_twice_is_saved_once(self):
        token = a_while_ago()
        codes = [self.post(form_token=token).status_code for _ in range(2)]
        self.assertEqual(codes, [302, 302])
        self.assertEqual(sent, ["Hallo"])


class ConsentTest(ProtectionsTestCase):
    def test_without_consent_nothing_is_saved(self):
        response = self.post(consent="")
        self.assertIn("consent", errors(response))
        self.assertEqual(sent, [])

    def test_consent_comes_last_and_links_to_the_privacy_statement(self):
        with translation.override("nl"):
            form = TinyForm()
        self.assertEqual(list(form.fields)[-1], "consent")
        self.assertIn('href="/nl/privacy/"', str(form.fields["consent"].help_text))


class RateLimitTest(ProtectionsTestCase):
    def test_posts_over_the_limit_from_one_address_are_refused(self):
        codes = [self.post(message="").status_code for _ in range(LIMIT + 3)]
        self.assertEqual(codes, [200] * LIMIT + [429] * 3)

    def test_other_addresses_are_not_limited_by_one_noisy_address(self):
        for _ in range(LIMIT + 1):
            self.post(message="")
        self.assertEqual(self.post(address="192.0.2.7").status_code, 302)

    def test_a_cleared_cache_does_not_reset_the_limit(self):
        for _ in range(LIMIT):
            self.post(message="")
        for alias in ("default", "page_cache_generation"):
            with self.subTest(cache=alias):
                caches[alias].clear()
                self.assertEqual(self.post().status_code, 429)
        self.assertEqual(sent, [])

    def test_the_limit_keeps_no_address_and_forgets_ended_windows(self):
        self.post(message="")
        bucket = RateLimitCounter.objects.get()
        self.assertNotIn("127.0.0.1", str(bucket))
        self.assertEqual(bucket.hits, 1)
        later = time.time() + 2 * setting("SUBMISSIONS_RATE_WINDOW_SECONDS")
        with mock.patch("submissions.protection.time.time", return_value=later):
            self.assertEqual(self.post(message="").status_code, 200)
        self.assertEqual(list(RateLimitCounter.objects.values_list("hits", flat=True)), [1])

    def test_each_kind_of_form_has_its_own_limit(self):
        for _ in range(LIMIT):
            self.post(message="")

        class OtherView(TinyView):
            pass

        request = RequestFactory().post("/ander-formulier/", {})
        self.assertEqual(OtherView.as_view()(request).status_code, 200)


class ClientAddressTest(TestCase):
    @override_settings(SUBMISSIONS_TRUSTED_PROXIES=1)
    def test_behind_one_proxy_the_address_that_proxy_saw(self):
        request = RequestFactory().get(
            "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.5"
        )
        self.assertEqual(client_address(request), "203.0.113.5")

    def test_the_forwarded_header_is_ignored_without_trusted_proxies(self):
        request = RequestFactory().get(
            "/", REMOTE_ADDR="198.51.100.2", HTTP_X_FORWARDED_FOR="1.2.3.4"
        )
        self.assertEqual(client_address(request), "198.51.100.2")


@unittest.skipUnless(
    connection.vendor == "postgresql",
    "parallel posts need a database that serves several connections at once (PostgreSQL)",
)
class ParallelPostsTest(TransactionTestCase):
    """Posts that arrive at once, each on its own connection, are counted exactly."""

    serialized_rollback = True
    PARALLEL_POSTS = 30

    def post_at_once(self, count):
        start = threading.Barrier(count)
        codes = []

        def send():
            try:
                start.wait()
                codes.append(post(message="").status_code)
            finally:
                connection.close()

        threads = [threading.Thread(target=send) for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return codes

    def test_parallel_posts_let_exactly_the_limit_through(self):
        codes = self.post_at_once(self.PARALLEL_POSTS)
        self.assertEqual(sorted(codes), [200] * LIMIT + [429] * (self.PARALLEL_POSTS - LIMIT))
