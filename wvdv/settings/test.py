import tempfile

from .base import *  # noqa: F403
from .base import INSTALLED_APPS

SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
# The demo content, generated volume and benchmarks (not in production).
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# pytest-django sets EMAIL_BACKEND to locmem; tests/conftest.py puts the queue back in front.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Jobs wait in the database until a test runs them (tests/jobs.py).
TASKS = {"default": {"BACKEND": "tests.jobs.QueueForTestsBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="wvdv-test-media-")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "page_cache_generation": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "page_cache_generation",
    },
}
PAGE_CACHE_ENABLED = False  # tests of the cache switch it on (tests/test_operations.py)
AXES_ENABLED = False  # tests may use client.login(); tests/test_security.py switches it on
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A test database need not survive a crash: commits (migrations, flushes, the browser tests'
    # server) do not wait for the disk.
    DATABASES["default"]["OPTIONS"]["options"] += " -c synchronous_commit=off"  # noqa: F405
