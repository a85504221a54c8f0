"""Property-based fuzzing of every public endpoint (the list in tests/fuzz/endpoints.py).

For each example: no response is a server error, no hostile input comes back unescaped, JSON,
CSV and iCalendar are well-formed and CSV cells cannot run as formulas, no draft, private or
unapproved content shows, no redirect leaves the site; after a sequence of form posts nothing
new is live or public, new pages wait in review, new stories are pending, a post without a
valid form token changes nothing, and mail is only sent after the transaction commits.
"""

import traceback

import pytest
from django.core.cache import cache
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.jobs import run_jobs

from . import properties
from .config import DEEP_EXAMPLES, LONG_RUN, QUICK_EXAMPLES, fuzz_settings
from .endpoints import ENDPOINTS
from .stats import STATS, timed_example
from .world import build_world

# In the suite, posts (several requests and data checks each) run fewer examples than pages.
SUITE_WEIGHT_OF_POSTS = 0.4
MAX_REPORTED_FAILURES = 3


@override_settings(SUBMISSIONS_RATE_LIMIT=10**9)
class EndpointFuzzCase(TestCase):
    """The fixture set and what is done with each example; the tests are added per tier below."""

    stats_suffix = ""

    @classmethod
    def setUpTestData(cls):
        cls.world = build_world()
        cls.strategies = {}  # per class: a strategy draws ids of this class's world

    def strategy(self, endpoint):
        if endpoint.name not in self.strategies:
            self.strategies[endpoint.name] = endpoint.requests(self.world)
        return self.strategies[endpoint.name]

    def fuzz(self, endpoint, data):
        requests = data.draw(self.strategy(endpoint), label="requests")
        with timed_example(endpoint.name + self.stats_suffix) as stats:
            findings = self.run_example(endpoint, requests)
            if findings:
                stats.failing += 1
                if len(stats.first_failures) < MAX_REPORTED_FAILURES:
                    first = findings.report().splitlines()[0][:300]
                    stats.first_failures.append(f"{first}\n      after {requests!r:.600}")
        if findings and not LONG_RUN:
            raise AssertionError(findings.report())

    def run_example(self, endpoint, requests):
        findings = properties.Findings()
        if endpoint.changes_data:
            cache.clear()  # every sequence of posts starts without earlier counts or tokens
            before, ids_before = properties.public_state(), properties.item_ids()
        for request in requests:
            self.send_and_check(request, findings)
        if endpoint.changes_data:
            properties.check_public_state(before, findings)
            properties.check_new_items_wait_for_review(ids_before, findings)
            self.check_public_outputs(requests, findings)
        return findings

    def send_and_check(self, request, findings):
        label = f"{request.method} {request.url()}"
        counts, mails = properties.row_counts(), properties.mail_count()
        try:
            with self.captureOnCommitCallbacks() as callbacks:
                response = request.send(self.client)
        except Exception:
            findings.fail("server_error", f"{label} raised\n{traceback.format_exc(limit=-6)}")
            return
        if properties.mail_count() != mails:
            findings.fail("mail_after_commit", f"{label} queued or sent mail before the commit")
        try:
            for callback in callbacks:
                callback()
            run_jobs()  # what the worker would do next: deliver mail, look up addresses
        except Exception:
            findings.fail("on_commit", f"{label}: after the commit\n{traceback.format_exc(-6)}")
        properties.check_jobs(label, findings)
        properties.check_response(request, response, findings)
        properties.check_dropped_post(request, counts, mails, findings)

    def check_public_outputs(self, requests, findings):
        """What the posts sent never shows in the public listings, exports or suggestions."""
        markers = sorted(set().union(*(request.markers() for request in requests)))[:2]
        paths = [self.world.path("edition_current_nl") + "activiteiten/json/"]
        paths += [
            f"/{language}/search/suggest/?query={marker}"
            for marker in markers[:1]
            for language in ("nl", "en")
        ]
        for path in paths:
            body = properties.body_of(self.client.get(path))
            for marker in markers:
                if marker in body:
                    findings.fail("nothing_public", f"{path} shows {marker!r} that was posted")


def fuzz_test(endpoint, examples, stats_suffix):
    weight = SUITE_WEIGHT_OF_POSTS if endpoint.changes_data else 1.0

    @fuzz_settings(examples, weight)
    @given(data=st.data())
    def run_examples(self, data):
        self.fuzz(endpoint, data)

    def test(self):
        run_examples(self)
        stats = STATS[endpoint.name + stats_suffix]
        if stats.failing:  # a long run counts failing examples instead of stopping at one
            raise AssertionError(
                f"{stats.failing} of {stats.examples} examples failed: "
                + "; ".join(stats.first_failures)
            )

    test.is_hypothesis_test = True  # Hypothesis' TestCase sets up each example, not the test
    test.__name__ = f"test_{endpoint.name}"
    test.__doc__ = f"Fuzz {endpoint.name} ({', '.join(endpoint.covers)})."
    return test


def with_fuzz_tests(examples):
    """A class decorator: one test per endpoint, `examples` each (a long run: FUZZ_EXAMPLES)."""

    def decorate(cls):
        for endpoint in ENDPOINTS:
            test = fuzz_test(endpoint, examples, cls.stats_suffix)
            setattr(cls, test.__name__, test)
        return cls

    return decorate


@with_fuzz_tests(QUICK_EXAMPLES)
class PublicEndpointFuzz(EndpointFuzzCase):
    """Every run of the suite, and the long run of scripts/fuzz.sh."""


@pytest.mark.slow
@pytest.mark.skipif(LONG_RUN, reason="a long run fuzzes with PublicEndpointFuzz")
@with_fuzz_tests(DEEP_EXAMPLES)
class PublicEndpointDeepFuzz(EndpointFuzzCase):
    """A few hundred examples per endpoint (fixed seed): run by CI with the other slow tests."""

    stats_suffix = " (deep)"
