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
