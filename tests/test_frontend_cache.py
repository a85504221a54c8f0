"""Purging the HTTP cache in front (operations/frontend_cache.py), the owner header Varnish
purges by, the Varnish parameters written from the code, and the Redis cache that keeps the site
answering without Redis. The stack itself is tested in tests/stack/."""

import time

from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Locale, Site

from operations.redis_cache import ResilientRedisCache
from stories.models import Story
from submissions.models import PublicSubmission
from tests.factories import make_activity, make_edition, make_edition_index, make_home, translate

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


FRONTEND_CACHE = {
    "WAGTAILFRONTENDCACHE": {"test": {"BACKEND": "tests.test_frontend_cache.RecordingBackend"}}
}
LISTING_PATHS = {f"/{code}/{view}/" for code in ("nl", "en") for view in ("search", "feeds/ideas")}


def purged_by(change):
    PURGED.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        change()
    return set(PURGED)


@override_settings(**FRONTEND_CACHE)
class PurgeTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        with override_settings(WAGTAILFRONTENDCACHE={}):  # what each test changes purges
            cls.make_pages()

    @classmethod
    def make_pages(cls):
        home = make_home()
        cls.index = make_edition_index(home)
        cls.index.show_in_menus = False
        cls.index.save()
        cls.edition = make_edition(cls.index, 2026)
        cls.activity = make_activity(cls.edition, title="Koffie in de lift")
        english = Locale.objects.get_or_create(language_code="en")[0]
        cls.translation = translate(cls.activity, english, title="Coffee in the lift")

    def url(self, path):
        return Site.objects.get().root_url + path

    def listings(self):
        return {self.url(path) for path in LISTING_PATHS}

    def pages_above(self, page):
        return {self.url(ancestor.url) for ancestor in page.get_ancestors()[1:]}

    def page_and_above(self, page):
        return {self.url(f"{page.url}*")} | self.pages_above(page)

    def activity_in_both_languages(self):
        return self.page_and_above(self.activity) | self.page_and_above(self.translation)

    def test_publishing_a_page_purges_it_and_its_listings_in_every_language(self):
        def publish():
            self.activity.title = "Soep in de lift"
            self.activity.save_revision().publish()

        expected = self.activity_in_both_languages()
        assert purged_by(publish) == expected | self.listings()
        assert self.url(self.edition.url) in expected  # its overview, exports and figures

    def test_unpublishing_purges_the_same_addresses_as_publishing(self):
        expected = self.activity_in_both_languages() | self.listings()
        assert purged_by(self.activity.unpublish) == expected

    def test_deleting_a_live_page_purges_where_it_was(self):
        expected = self.activity_in_both_languages() | self.listings()
        assert purged_by(self.activity.delete) == expected

    def test_moving_a_page_purges_where_it_was_and_where_it_is(self):
        with override_settings(WAGTAILFRONTENDCACHE={}):
            other_edition = make_edition(self.index, 2027)
        before = self.page_and_above(self.activity)

        def move():
            self.activity.move(other_edition, pos="last-child")

        purged = purged_by(move)
        moved = type(self.activity).objects.get(pk=self.activity.pk)
        assert moved.url.startswith(other_edition.url)
        assert before | self.page_and_above(moved) <= purged
        assert self.url(self.edition.url) in purged  # the old edition's overview and figures

    def test_a_draft_purges_nothing(self):
        def save_draft():
            self.activity.title = "Nog niet"
            self.activity.save_revision()

        assert purged_by(save_draft) == set()

    def test_a_page_of_the_menu_purges_everything(self):
        def publish():
            self.index.show_in_menus = True
            self.index.save_revision().publish()

        assert purged_by(publish) == {self.url("/*")}

    def test_a_visitors_story_purges_nothing_until_a_moderator_approves_it(self):
        story = Story(edition=self.edition, name="Anna", text="Mooi", email="anna@example.org")
        assert purged_by(story.save) == set()

        def approve():
            story.status = PublicSubmission.Status.APPROVED
            story.save()

        editions = self.translation.get_parent(), self.edition
        expected = {self.url(edition.url) for edition in editions}
        expected |= self.pages_above(self.edition) | self.pages_above(editions[0])
        assert purged_by(approve) == expected

    @override_settings(WAGTAILFRONTENDCACHE={})
    def test_nothing_is_purged_without_a_cache_in_front(self):
        assert purged_by(self.activity.unpublish) == set()


@override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_CDN_SECONDS=600)
class OwnerHeaderTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition = make_edition(make_edition_index(make_home()), 2026)

    def test_a_cacheable_page_and_its_routes_name_the_page_that_served_them(self):
        for address in (self.edition.url, f"{self.edition.url}activiteiten/"):
            response = self.client.get(address)
            assert response["X-Cache-Owner"] == self.edition.url
            assert "s-maxage=" in response["Cache-Control"]
            assert "s-maxage=0" not in response["Cache-Control"]


def test_the_varnish_parameters_are_those_the_code_declares(tmp_path):
    output = tmp_path / "parameters.vcl"
    call_command("varnish_parameters", str(output))
    vcl = output.read_text()
    names = vcl.split("(?!(?:", 1)[1].split(")", 1)[0].split("|")
    assert {"page", "query", "theme", "untranslated", "audience"} <= set(names)
    assert not {"utm_source", "fbclid"} & set(names)
    assert "(messages|sessionid)=" in vcl


def test_the_site_gets_a_cache_without_entries_while_redis_is_away():
    unreachable = ResilientRedisCache(
        "redis://127.0.0.1:9/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )
    started = time.monotonic()
    assert unreachable.get("key", "default") == "default"
    assert unreachable.set("key", "value") is None
    assert unreachable.add("key", "value") is False
    assert unreachable.get_many(["a", "b"]) == {}
    assert unreachable.get_or_set("key", "computed") == "computed"
    assert time.monotonic() - started < 2
