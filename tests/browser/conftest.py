"""Real-browser tests: Playwright drives Debian's chromium against a live server.

One live server over the demo content serves every test of this package: the demo is restored
(tests.demo) and committed once. A test that changes the database (a journey that submits or
publishes) asks for `restore_demo_afterwards`, which puts the demo back after it, so every test
starts from the same state; `_reads_only` fails a test that changed pages or users without it.
After the package the database holds its migrated state again.
"""

import mimetypes
import os
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Page, Revision

from tests.demo import load_demo_content, restore_migrated_state

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# database access from the test body.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
# Web-first assertions wait this long: a loaded CI machine runs two suites side by side.
ASSERTION_TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session", autouse=True)
def _patient_assertions():
    from playwright.sync_api import expect

    expect.set_options(timeout=ASSERTION_TIMEOUT_MS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/test.sh does).")
    database_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # Starting Playwright gives this thread a new context, in which Django would open new
        # database connections without the test set-up state (the serialized initial data).
        for alias, connection in database_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class OneRequestAtATimeThread(LiveServerThread):
    """On SQLite every request uses the test's one in-memory connection, which two threads must
    not use at once: a query that calls one of Django's SQL functions (written in Python) holds
    SQLite's lock while it waits for Python's, and a second thread can hold them the other way
    round, for ever. A page whose script fetches data (the map) makes two requests at once. This
    server answers them one after the other (and closes each connection after its answer), and
    the queries of the test's own thread wait for the answer being written (between_answers)."""

    def _create_server(self, connections_override=None):
        return OneRequestAtATimeServer(
            (self.host, self.port), QuietWSGIRequestHandler, allow_reuse_address=False
        )


class OneRequestAtATimeServer(WSGIServer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answering = threading.RLock()  # the server's own queries take it again

    def process_request(self, request, client_address):
        with self.answering:
            super().process_request(request, client_address)

    def between_answers(self, execute, sql, params, many, context):
        """An execute wrapper (Django's connection.execute_wrapper)."""
        with self.answering:
            return execute(sql, params, many, context)


def one_request_at_a_time_server():
    server = LiveServer("localhost", start=False)
    threaded = server.thread
    server.thread = OneRequestAtATimeThread(
        threaded.host,
        static_handler=threaded.static_handler,
        connections_override=threaded.connections_override,
    )
    server.thread.daemon = True
    server.start()
    return server


@pytest.fixture(scope="package")
def demo_server(django_db_setup, django_db_blocker):
    """A live server over the demo content, committed to the test database."""
    with django_db_blocker.unblock():
        load_demo_content()
        server = one_request_at_a_time_server()
        with connections["default"].execute_wrapper(server.thread.httpd.between_answers):
            yield server
        server.stop()
        restore_migrated_state()


@pytest.fixture
def demo_site(demo_server, settings):
    # Browsers here fill in forms faster than a person, and more often than the rate limit allows.
    settings.SUBMISSIONS_MIN_SECONDS = 0
    settings.SUBMISSIONS_RATE_LIMIT = 1000
    return demo_server


@pytest.fixture
def restore_demo_afterwards(demo_server):
    """For a test that changes the database: the demo content is restored after it."""
    yield
    load_demo_content()


def database_counts():
    return [model.objects.count() for model in (Page, Revision, get_user_model())]


@pytest.fixture(autouse=True)
def _reads_only(request):
    """A test that shares the demo server without restoring it must not change the content."""
    fixtures = request.fixturenames
    if "demo_server" not in fixtures or "restore_demo_afterwards" in fixtures:
        yield
        return
    request.getfixturevalue("demo_server")
    before = database_counts()
    yield
    assert database_counts() == before, "the test changes the database: restore_demo_afterwards"


def serve_media(route):
    """The live server serves static files only; uploads come straight from MEDIA_ROOT."""
    relative = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
    path = Path(settings.MEDIA_ROOT) / relative
    if not path.is_file():
        route.fulfill(status=404)
        return
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=path.read_bytes(), headers={"Content-Type": content_type})


def open_context(browser, base_url, viewport="desktop", **options):
    context = browser.new_context(
        base_url=base_url, viewport=VIEWPORTS[viewport], accept_downloads=True, **options
    )
    context.set_default_timeout(10_000)
    context.route(f"**{settings.MEDIA_URL}**", serve_media)
    return context


@pytest.fixture
def browser_context(browser, demo_site):
    """A desktop browser for one test; axe needs bypass_csp to inject its script."""
    contexts = []

    def make(viewport="desktop", **options):
        context = open_context(browser, demo_site.url, viewport, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(browser_context):
    return browser_context().new_page()
