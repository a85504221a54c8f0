import pytest

from search import counting


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    """Tests run in the site's own default language unless they choose another."""
    settings.LANGUAGE_CODE = "nl"


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
