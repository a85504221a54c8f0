"""What makes a page cache entry: host, scheme, language, path and the parameters a page declares.

Unknown parameters (utm_*, fbclid, junk) make no entries and never reach the page, downloads keep
their headers, and the generation survives a full cache.
"""

import secrets
import tempfile
from pathlib import Path

from django.core.cache import cache
from django.test import TestCase, override_settings

from core.page_cache import generation
from tests.factories import make_activity, make_edition, make_edition_index, make_home
from wvdv.settings import base as production_settings

OVERVIEW = "/nl/edities/2026/activiteiten/"


def production_caches(max_entries):
    """The production cache of one machine (files), in a fresh folder, with a small maximum."""
    folder = Path(tempfile.mkdtemp())
    default = production_settings.CACHES["default"]
    return {
        "default": {**default, "LOCATION": str(folder), "OPTIONS": {"MAX_ENTRIES": max_entries}},
        "page_cache_generation": {
            "BACKEND": default["BACKEND"],
            "LOCATION": str(folder / "generation"),
        },
    }


@override_settings(PAGE_CACHE_ENABLED=True)
class CacheKeyTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home("Welkom")
        cls.edition = make_edition(make_edition_index(home), 2026)
        make_activity(cls.edition, "Koffie in de lift")

    def status(self, path, **kwargs):
        return self.client.get(path, **kwargs)["X-Page-Cache"]

    def test_random_query_strings_share_the_one_entry_of_the_page(self):
        self.assertEqual(self.status("/nl/"), "miss")
        entries = len(cache._cache)
        for _ in range(50):
            junk = f"utm_source={secrets.token_hex(4)}&{secrets.token_hex(3)}=1&fbclid=x"
            self.assertEqual(self.status(f"/nl/?{junk}"), "hit")
        self.assertEqual(len(cache._cache), entries)

    def test_unknown_parameters_never_reach_the_page(self):
        response = self.client.get(f"{OVERVIEW}?place=80&utm_campaign=leaked-marker")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "place=80")
        self.assertNotContains(response, "leaked-marker")
        self.assertEqual(self.status(f"{OVERVIEW}?place=80"), "hit")
        self.assertEqual(self.status(f"{OVERVIEW}?place=81"), "miss")

    def test_search_links_carry_only_the_search(self):
        response = self.client.get("/nl/search/?query=koffie&fbclid=leaked-marker")
        self.assertContains(response, "query=koffie")
        self.assertNotContains(response, "leaked-marker")
        self.assertEqual(self.status("/nl/search/?query=koffie"), "hit")
        self.assertEqual(self.status("/nl/search/?query=koffie&type=edition"), "miss")

    def test_the_scheme_is_part_of_the_key(self):
        secure = self.client.get(f"{OVERVIEW}json/", secure=True)
        self.assertEqual(secure["X-Page-Cache"], "miss")
        plain = self.client.get(f"{OVERVIEW}json/")
        self.assertEqual(plain["X-Page-Cache"], "miss")
        self.assertEqual(self.status(f"{OVERVIEW}json/", secure=True), "hit")

    def test_cached_downloads_keep_their_file_name(self):
        for export, extension in (("csv/", "csv"), ("ics/", "ics")):
            stored = self.client.get(f"{OVERVIEW}{export}")
            replayed = self.client.get(f"{OVERVIEW}{export}")
            self.assertEqual(replayed["X-Page-Cache"], "hit")
            self.assertEqual(replayed["Content-Disposition"], stored["Content-Disposition"])
            disposition = replayed["Content-Disposition"]
            self.assertRegex(disposition, rf'^attachment; filename=".+\.{extension}"$')

    def test_clearing_the_page_cache_keeps_the_generation(self):
        before = generation()
        cache.clear()
        self.assertEqual(generation(), before)


@override_settings(PAGE_CACHE_ENABLED=True, CACHES=production_caches(max_entries=20))
class FullCacheTest(TestCase):
    """A flood of distinct searches fills the file cache, which then culls a third of its files
    at random on every further entry."""

    @classmethod
    def setUpTestData(cls):
        make_home("Welkom")

    def test_culling_a_full_cache_never_starts_a_new_generation(self):
        before = generation()
        for number in range(60):
            self.client.get(f"/nl/search/?query=woord{number}")
        self.assertLessEqual(len(list(Path(cache._dir).glob("*.djcache"))), 20)  # it culled
        self.assertEqual(generation(), before)
