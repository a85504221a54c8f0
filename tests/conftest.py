import pytest


@pytest.fixture(autouse=True)
def _english_free_defaults(settings):
    """Tests run in the site's own default language unless they choose another."""
    settings.LANGUAGE_CODE = "nl"
