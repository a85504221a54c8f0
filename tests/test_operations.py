"""Operations: health endpoint, request ids, JSON logs, page cache, static files, page weight."""

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.management import call_command
from django.db import OperationalError
from django.middleware.csrf import get_token
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Locale, Page

from core.models import ContactSettings
from editions.models import EditionPartner, Partner
from home.models import HomePage
from operations.jsonlog import JsonFormatter
from operations.request_id import RequestIdFilter
from stories.models import Story
from tests.demo import DemoSiteTestCase
from tests.factories import make_activity, make_edition, make_edition_index, make_home
from tests.factories_ideas import make_idea_index
from tests.queries import count_queries
from tests.test_security import (
    EXECUTABLE_INLINE_SCRIPT,
    INLINE_HANDLER,
    STYLE_ATTRIBUTE_OR_ELEMENT,
)
from tests.two_factor import log_in
from wvdv.settings import base as production_settings


class ReleaseIdTest(TestCase):
    def test_the_environment_names_the_release_else_the_git_commit(self):
        folder = Path(tempfile.mkdtemp())
        self.assertEqual(production_settings.release_id({}, folder), "unknown")
        (folder / ".git" / "refs" / "heads").mkdir(parents=True)
        (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
        (folder / ".git" / "refs" / "heads" / "main").write_text("0123456789abcdef0123\n")
        self.assertEqual(production_settings.release_id({}, folder), "0123456789ab")
        environ = {"DJANGO_RELEASE_ID": "v2026.12"}
        self.assertEqual(production_settings.release_id(environ, folder), "v2026.12")


class HealthTest(TestCase):
    def test_ok_when_the_database_answers(self):
        response = self.client.get("/health/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "database": "ok"})
        self.assertIn("no-cache", response["Cache-Control"])

    def test_503_when_the_database_fails(self):
        broken = mock.patch(
            "operations.views.connection.cursor", side_effect=OperationalError("gone")
        )
        with broken, self.assertLogs("operations.views", "ERROR"):
            response = self.client.get("/health/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["database"], "unavailable")


class CollectingHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


class RequestIdTest(TestCase):
    def test_every_response_has_a_request_id(self):
        first = self.client.get("/health/")["X-Request-ID"]
        second = self.client.get("/health/")["X-Request-ID"]
        self.assertRegex(first, r"^[0-9a-f]{32}$")
        self.assertNotEqual(first, second)

    def test_a_sane_id_from_the_proxy_is_kept_a_strange_one_replaced(self):
        kept = self.client.get("/health/", headers={"x-request-id": "abc-12345678"})
        self.assertEqual(kept["X-Request-ID"], "abc-12345678")
        replaced = self.client.get("/health/", headers={"x-request-id": "<script>"})
        self.assertRegex(replaced["X-Request-ID"], r"^[0-9a-f]{32}$")

    def test_log_lines_written_during_a_request_carry_its_id(self):
        broken = mock.patch(
            "operations.views.connection.cursor", side_effect=OperationalError("gone")
        )
        handler = CollectingHandler()
        handler.addFilter(RequestIdFilter())
        logger = logging.getLogger("operations.views")
        logger.addHandler(handler)
        try:
            with broken:
                response = self.client.get("/health/", headers={"x-request-id": "req-00000042"})
        finally:
            logger.removeHandler(handler)
        self.assertEqual(response["X-Request-ID"], "req-00000042")
        line = json.loads(JsonFormatter().format(handler.records[0]))
        self.assertEqual(line["request_id"], "req-00000042")
        self.assertEqual(line["level"], "ERROR")
        self.assertIn("OperationalError", line["exception"])


class JsonFormatterTest(TestCase):
    def test_one_json_object_per_line(self):
        record = logging.LogRecord("wvdv", logging.INFO, __file__, 1, 'said "hi"\nthen', None, None)
        output = JsonFormatter().format(record)
        self.assertNotIn("\n", output)
        self.assertEqual(json.loads(output)["message"], 'said "hi"\nthen')


@override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_CDN_SECONDS=300)
class PageCacheTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home("Welkom")
        index = make_edition_index(cls.home)
        cls.edition = make_edition(index, 2026)
        english, _ = Locale.objects.get_or_create(language_code="en")
        cls.home_en = cls.home.copy_for_translation(english)
        cls.home_en.title = "Welcome"
        cls.home_en.save_revision().publish()

    def get(self, path="/nl/", **kwargs):
        return self.client.get(path, **kwargs)

    def test_second_anonymous_visit_comes_from_the_cache_without_queries(self):
        self.assertEqual(self.get()["X-Page-Cache"], "miss")
        with self.assertNumQueries(0):
            response = self.get()
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Welkom")
        self.assertIn("s-maxage=300", response["Cache-Control"])
        self.assertIn("public", response["Cache-Control"])

    def test_a_cached_page_keeps_its_security_headers(self):
        stored = self.get()
        replayed = self.get()
        self.assertEqual(replayed["X-Page-Cache"], "hit")
        for header in (
            "Content-Security-Policy",
            "X-Frame-Options",
            "X-Content-Type-Options",
            "Referrer-Policy",
        ):
            self.assertEqual(replayed[header], stored[header], header)
        self.assertNotIn("unsafe-inline", replayed["Content-Security-Policy"])

    def test_a_published_change_shows_at_once(self):
        self.get()
        self.assertEqual(self.get()["X-Page-Cache"], "hit")
        home = HomePage.objects.get(pk=self.home.pk)
        home.title = "Nieuwe titel"
        home.save_revision().publish()
        response = self.get()
        self.assertContains(response, "Nieuwe titel")
        self.assertEqual(response["X-Page-Cache"], "miss")

    def test_a_change_to_another_page_also_refreshes_listings(self):
        self.get("/nl/edities/")
        self.edition.title = "Hernoemde editie"
        self.edition.save_revision().publish()
        self.assertContains(self.get("/nl/edities/"), "Hernoemde editie")

    def test_a_changed_snippet_shows_at_once(self):
        self.get("/nl/edities/2026/")
        partner = Partner.objects.create(name="Nieuwe partner", kind=Partner.Kind.SPONSOR)
        EditionPartner.objects.create(page=self.edition, partner=partner, sort_order=0)
        partner.name = "Hernoemde partner"
        partner.save()
        self.assertContains(self.get("/nl/edities/2026/"), "Hernoemde partner")

    def test_saving_what_pages_do_not_show_keeps_the_cache(self):
        self.get()
        get_user_model().objects.create_user("visitor")
        Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now())
        self.assertEqual(self.get()["X-Page-Cache"], "hit")

    def test_drafts_saved_or_autosaved_by_editors_keep_the_cache(self):
        self.get()
        home = HomePage.objects.get(pk=self.home.pk)
        home.title = "Nog niet goedgekeurd"
        home.save_revision()
        response = self.get()
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertContains(response, "Welkom")

    def test_visitors_submissions_keep_the_cache_until_a_moderator_decides(self):
        self.get("/nl/edities/2026/")
        make_activity(self.edition, "Ingestuurd door een bezoeker", live=False)
        story = Story.objects.create(edition=self.edition, name="Anna", text="Een mooi verhaal.")
        self.assertEqual(self.get("/nl/edities/2026/")["X-Page-Cache"], "hit")
        story.status = Story.Status.APPROVED
        story.save()
        self.assertEqual(self.get("/nl/edities/2026/")["X-Page-Cache"], "miss")

    def test_a_new_release_never_replays_pages_of_the_old_one(self):
        self.get()
        self.assertEqual(self.get()["X-Page-Cache"], "hit")
        with override_settings(RELEASE_ID="next-release"):
            self.assertEqual(self.get()["X-Page-Cache"], "miss")

    def test_an_unpublished_page_is_gone_at_once(self):
        self.assertEqual(self.get("/nl/edities/2026/").status_code, 200)
        self.edition.unpublish()
        self.assertEqual(self.get("/nl/edities/2026/").status_code, 404)

    def test_a_moved_page_is_gone_at_once(self):
        self.get("/nl/edities/2026/")
        Page.objects.get(pk=self.edition.pk).move(self.home, pos="last-child")
        self.assertNotEqual(self.get("/nl/edities/2026/").status_code, 200)
        self.assertEqual(self.get("/nl/2026/").status_code, 200)

    def test_each_language_has_its_own_entry(self):
        self.get("/nl/")
        english = self.get("/en/")
        self.assertEqual(english["X-Page-Cache"], "miss")
        self.assertContains(english, "Welcome")
        self.assertContains(self.get("/nl/"), "Welkom")
        self.assertContains(self.get("/en/"), "Welcome")

    def test_a_change_in_one_language_shows_at_once_in_that_language(self):
        self.get("/en/")
        self.get("/nl/")
        self.home_en.title = "Welcome everyone"
        self.home_en.save_revision().publish()
        self.assertContains(self.get("/en/"), "Welcome everyone")
        self.assertContains(self.get("/nl/"), "Welkom")

    def test_the_meaningful_query_parameters_are_part_of_the_key(self):
        overview = "/nl/edities/2026/activiteiten/"
        self.get(f"{overview}?page=2")
        self.assertEqual(self.get(f"{overview}?page=3")["X-Page-Cache"], "miss")
        self.assertEqual(self.get(f"{overview}?page=2")["X-Page-Cache"], "hit")

    def test_logged_in_users_never_get_or_fill_the_cache(self):
        self.get()
        editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        log_in(self.client, editor)
        response = self.get()
        self.assertNotIn("X-Page-Cache", response)
        self.client.logout()
        cache.clear()
        log_in(self.client, editor)
        self.get()
        self.client.logout()
        self.assertEqual(self.get()["X-Page-Cache"], "miss")

    def test_a_post_is_never_answered_from_or_stored_in_the_cache(self):
        self.get()
        response = self.client.post("/nl/", {"x": "1"})
        self.assertNotIn("X-Page-Cache", response)
        cache.clear()
        self.client.post("/nl/", {"x": "1"})
        self.assertEqual(self.get()["X-Page-Cache"], "miss")

    def test_a_page_with_a_csrf_form_is_not_stored(self):
        original = HomePage.serve

        def serve_with_form(page, request, *args, **kwargs):
            get_token(request)
            return original(page, request, *args, **kwargs)

        with mock.patch.object(HomePage, "serve", serve_with_form):
            first = self.get()
            second = self.get()
        self.assertIn("csrftoken", first.cookies)
        self.assertNotIn("X-Page-Cache", first)
        self.assertNotIn("X-Page-Cache", second)

    def test_errors_and_views_that_did_not_ask_are_not_stored(self):
        self.get("/nl/bestaat-niet/")
        self.assertNotIn("X-Page-Cache", self.get("/nl/bestaat-niet/"))
        self.get("/nl/search/suggest/?query=week")
        self.assertNotIn("X-Page-Cache", self.get("/nl/search/suggest/?query=week"))
        self.get("/nl/search/?query=week")
        self.assertEqual(self.get("/nl/search/?query=week")["X-Page-Cache"], "hit")

    def test_a_page_with_view_restrictions_is_not_stored(self):
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(
            page=self.edition, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        cache.clear()
        self.assertNotIn("X-Page-Cache", self.get("/nl/edities/2026/"))


@override_settings(PAGE_CACHE_ENABLED=True)
class SiteFrameCacheTest(TestCase):
    """The menu, language links and footer are worked out once per cache generation, so a page
    that misses the page cache still skips them, and any content change shows in them at once."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home("Welkom")
        cls.index = make_edition_index(cls.home)
        cls.edition = make_edition(cls.index, 2026)

    def setUp(self):
        with self.settings(PAGE_CACHE_ENABLED=False):
            self.client.get("/nl/")  # fills Wagtail's own caches (site root paths), not the frame

    def queries_for(self, path):
        queries, response = count_queries(lambda: self.client.get(path))
        self.assertEqual(response.status_code, 200)
        return queries

    def test_a_page_missing_the_cache_reuses_the_frame(self):
        """The second page skips the frame's queries (menu, language links, contact), which
        the first one made; without the page cache it would make them again."""
        cold = self.queries_for("/nl/edities/2026/activiteiten/?page=1")
        second = self.queries_for("/nl/edities/2026/activiteiten/?page=2")
        self.assertLess(second, cold)
        with self.settings(PAGE_CACHE_ENABLED=False):
            self.assertGreater(self.queries_for("/nl/edities/2026/activiteiten/?page=3"), second)

    def test_without_the_page_cache_the_frame_is_worked_out_every_time(self):
        with self.settings(PAGE_CACHE_ENABLED=False):
            cold = self.queries_for("/nl/edities/")
            self.assertEqual(self.queries_for("/nl/edities/"), cold)

    def test_the_current_menu_item_is_marked_per_page(self):
        self.assertContains(
            self.client.get("/nl/edities/"), 'href="/nl/edities/" aria-current="page"'
        )
        home = self.client.get("/nl/").content.decode()
        self.assertIn('href="/nl/" aria-current="page"', home)
        self.assertNotIn('href="/nl/edities/" aria-current', home)

    def test_a_new_menu_page_shows_at_once(self):
        self.client.get("/nl/")
        make_idea_index(self.home)
        self.assertContains(self.client.get("/nl/edities/"), 'href="/nl/ideeen/"')

    def test_changed_contact_details_show_at_once(self):
        self.client.get("/nl/")
        contact = ContactSettings.objects.get()
        contact.email = "hallo@example.org"
        contact.save()
        self.assertContains(self.client.get("/nl/edities/"), "mailto:hallo@example.org")

    def test_a_new_translation_shows_in_the_language_switcher_at_once(self):
        english, _ = Locale.objects.get_or_create(language_code="en")
        home_en = self.home.copy_for_translation(english)
        home_en.save_revision().publish()
        self.assertContains(self.client.get("/nl/edities/2026/"), 'href="/en/" hreflang="en"')
        index_en = self.index.copy_for_translation(english)
        index_en.save_revision().publish()
        edition_en = self.edition.copy_for_translation(english)
        edition_en.save_revision().publish()
        self.assertContains(
            self.client.get("/nl/edities/2026/"), 'href="/en/edities/2026/" hreflang="en"'
        )


def stylesheet_and_script_urls(html):
    links = re.findall(r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"', html)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    return links + scripts


class DemoSiteTest(DemoSiteTestCase):
    """The home page of the demo site, without photos, stays under 300 KB and needs nothing
    from other hosts; every page keeps to the strict policy; every image has width and height
    and is served as WebP."""

    BUDGET_BYTES = 300 * 1024

    def test_home_page_within_budget_and_self_contained(self):
        response = self.client.get("/nl/")
        html = response.content.decode()
        urls = stylesheet_and_script_urls(html)
        self.assertTrue(urls, "the home page loads at least its stylesheet")
        total = len(response.content)
        for url in urls:
            self.assertTrue(url.startswith("/static/"), f"{url} is not served by this site")
            total += Path(finders.find(url.removeprefix("/static/"))).stat().st_size
        self.assertLess(total, self.BUDGET_BYTES)

    def pages_html(self):
        for page in Page.objects.live().filter(depth__gt=1).specific():
            yield page.url, self.client.get(page.url).content.decode()

    def test_every_page_keeps_to_the_strict_content_security_policy(self):
        forbidden = (EXECUTABLE_INLINE_SCRIPT, INLINE_HANDLER, STYLE_ATTRIBUTE_OR_ELEMENT)
        for url, html in self.pages_html():
            for pattern in forbidden:
                found = pattern.search(html)
                with self.subTest(page=url, pattern=pattern.pattern):
                    self.assertIsNone(found, found and html[found.start() : found.start() + 200])

    def test_every_image_has_dimensions_and_a_modern_format(self):
        checked = 0
        for url, html in self.pages_html():
            for tag in re.findall(r"<img\b[^>]*>", html):
                checked += 1
                with self.subTest(page=url, tag=tag):
                    self.assertRegex(tag, r'\bwidth="\d+"')
                    self.assertRegex(tag, r'\bheight="\d+"')
                    self.assertRegex(tag, r'src="[^"]+\.(webp|avif)"')
        self.assertGreater(checked, 0, "the demo shows images")


def collect_static_files(test_class, **settings):
    """collectstatic with the production storage into a fresh folder, for the whole class."""
    static_root = tempfile.mkdtemp(prefix="wvdv-static-")
    production = override_settings(
        STATIC_ROOT=static_root,
        WHITENOISE_AUTOREFRESH=False,
        STORAGES=production_settings.STORAGES,
        **settings,
    )
    production.enable()
    test_class.addClassCleanup(shutil.rmtree, static_root, ignore_errors=True)
    test_class.addClassCleanup(production.disable)
    call_command("collectstatic", interactive=False, verbosity=0)
    return static_root


class StaticFilesTest(TestCase):
    """collectstatic with the production storage: hashed names cached for ever, compressed.
    The site's own files only (static/, vendored Leaflet included); every app's files are
    collected by the slow test below."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        collect_static_files(
            cls, STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"]
        )

    def hashed_url(self, name):
        from django.templatetags.static import static

        url = static(name)
        self.assertRegex(url, r"\.[0-9a-f]{12}\.")
        return url

    def test_hashed_file_cached_for_ever_and_compressed(self):
        url = self.hashed_url("css/site.css")
        response = self.client.get(url, headers={"accept-encoding": "gzip"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("max-age=315360000", response["Cache-Control"])
        self.assertIn("immutable", response["Cache-Control"])
        self.assertEqual(response["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", response["Vary"])
        brotli = self.client.get(url, headers={"accept-encoding": "gzip, br"})
        self.assertEqual(brotli["Content-Encoding"], "br")


@pytest.mark.slow
class EveryAppsStaticFilesTest(TestCase):
    """As the deployment runs it: every installed app's static files (Wagtail's admin too)."""

    def test_collectstatic_with_the_production_storage_succeeds(self):
        static_root = Path(collect_static_files(type(self)))
        manifest = json.loads((static_root / "staticfiles.json").read_text())
        self.assertIn("css/site.css", manifest["paths"])
        self.assertTrue(any(name.startswith("wagtailadmin/") for name in manifest["paths"]))
        self.assertTrue(list(static_root.glob("wagtailadmin/css/*.css.br")))


@pytest.mark.slow
class GunicornPreloadTest(TestCase):
    """gunicorn.conf.py preloads the app in the master: loading it must open no database
    connection, or every forked worker would share the master's socket."""

    def test_loading_the_wsgi_application_opens_no_database_connection(self):
        script = (
            "import wvdv.wsgi\n"
            "from django.db import connections\n"
            "print(sorted(alias for alias in connections if connections[alias].connection))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "wvdv.settings.dev"},
        )
        self.assertEqual(result.stdout.strip().splitlines()[-1], "[]")
