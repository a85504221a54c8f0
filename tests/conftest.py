import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from search import counting


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's set-up of the test database, migrated once per session, with three changes:
    the browser tests' shared server (which asks for no per-test database) gets one too, the
    jobs the data migrations queued are dropped (every test starts with an empty queue), and a
    serialized copy of the migrated state is always kept: tests.demo starts from it.

    The migrations always run: data migrations make the groups, the workflow and the locales."""
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases
    from django_tasks_db.models import DBTaskResult

    keepdb = django_db_keepdb and not django_db_createdb
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=verbosity,
            interactive=False,
            keepdb=keepdb,
            aliases={"default"},
            serialized_aliases=set(),
        )
        DBTaskResult.objects.all().delete()
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    if not keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=verbosity)


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    """Tests run in the site's own default language unless they choose another."""
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches (every alias: pages, the page-cache generation,
    rendered cards, Wagtail's site root paths). Rate limits count in the database
    (RateLimitCounter), which the test's transaction or flush resets."""
    for alias in django_settings.CACHES:
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _no_search_counts_left_in_memory():
    """Searches the page cache answered wait in memory (search.counting); none may reach the
    next test."""
    yield
    counting._pending.clear()


@pytest.fixture(autouse=True)
def _mail_through_the_queue(settings):
    """pytest-django replaces EMAIL_BACKEND with locmem; the site queues every mail (core/mail.py),
    and the jobs deliver to locmem (EMAIL_DELIVERY_BACKEND) when a test runs them."""
    settings.EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
