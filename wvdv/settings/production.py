from django.core.exceptions import ImproperlyConfigured

from core.sites import parse_base_url

from .base import *  # noqa: F403
from .base import LOGGING, SECRET_KEY, env_bool, os

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of at least 50 characters.")

# Links in emails, .ics files and exports use the site's address (core/sites.py): no default here.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
parse_base_url(WAGTAILADMIN_BASE_URL)

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers probe over plain HTTP

LOGGING["handlers"]["console"]["formatter"] = os.environ.get("DJANGO_LOG_FORMAT", "json")
