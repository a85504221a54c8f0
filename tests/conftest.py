import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from search import counting


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, migrated once per session, and a serialized copy of that state, from
    which tests.demo starts (Django keeps one only when a test asks for serialized_rollback)."""
    from django.db import connection

    with django_db_blocker.unblock():
        if getattr(connection, "_test_serialized_contents", None) is None:
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    """Tests run in the site's own default language unless they choose another."""
    settings.LANGUAGE_CODE = "nl"


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches (every alias: pages, generations, rate limits of the
    password reset). The public forms' rate limit counts in the database (RateLimitCounter), which
    the test's transaction or flush resets."""
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
