"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Each test gets a fresh database (transactional, with Wagtail's initial data restored) holding
the demo content, so the tests do not depend on each other.
"""

import mimetypes
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections

# Playwright's sync API runs an event loop in this thread; Django would otherwise refuse
# database access from the test body.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def pytest_collection_modifyitems(items):
    browser_dir = Path(__file__).parent
    marker = pytest.mark.django_db(transaction=True, serialized_rollback=True)
    for item in items:
        if browser_dir in Path(item.fspath).parents:
            item.add_marker(marker)


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


_demo_snapshot = {}


def restore_demo_content():
    """Load the demo content, the first time through the real command, then from a snapshot.

    The command takes many seconds; the snapshot is restored in about one. Sequences only grow
    (the flush keeps them), so rows a test creates never collide with the snapshot's ids.
    """
    quiet = open(os.devnull, "w")
    creation = connections["default"].creation
    if "data" not in _demo_snapshot:
        call_command("load_demo_content", stdout=quiet)
        _demo_snapshot["data"] = creation.serialize_db_to_string()
        return
    call_command("flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True,
                 verbosity=0)
    creation.deserialize_db_from_string(_demo_snapshot["data"])
    # The SQLite full-text table is no model, so it is not in the snapshot.
    call_command("update_index", stdout=quiet)


@pytest.fixture
def demo_site(live_server, settings):
    # Browsers here fill in forms faster than a person, and more often than the rate limit allows.
    settings.SUBMISSIONS_MIN_SECONDS = 0
    settings.SUBMISSIONS_RATE_LIMIT = 1000
    restore_demo_content()
    return live_server


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
