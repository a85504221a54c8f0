"""Settings shared by every environment: secure by default, configured from the environment."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "editions",
    "teams",
    "activities",
    "followups",
    "figures",
    "signups",
    "places",
    "ideas",
    "search",
    "sharing",
    "localization",  # before wagtail_localize: its translation editor template extends theirs
    "moderation",
    "submissions",
    "stories",
    "operations",
    "privacy",
    "accounts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "operations.request_id.RequestIdMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the CSP middleware, so a cached page is answered with the policy it was stored with
    # (public pages use no nonce) without building the policy again.
    "operations.cache.PageCacheMiddleware",
    "operations.security.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "accounts.middleware.AdminLanguageMiddleware",  # the admin in Dutch whatever the browser says
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorMiddleware",  # the admin only after the second step
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "wvdv.urls"
WSGI_APPLICATION = "wvdv.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The site's tables fit in memory, where reading a row through an index costs little more
    # than reading rows in sequence. With PostgreSQL's default (4, for spinning disks) it joined
    # the 1,000 markers of the map to their pages by hashing all 100,000 pages.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={os.environ.get('DATABASE_RANDOM_PAGE_COST', '1.1')}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Dutch is the source language. LANGUAGE_CODE must be set
# before the first migrate, which creates the first Locale from it.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "operations.storage.StaticFilesStorage"},  # WhiteNoise
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Cache: Redis when REDIS_URL is set (shared by every worker and server), else files on this
# machine (shared by the workers of one server). The page cache needs one all workers share.
# "page_cache_generation" holds one key that culling of a full cache must never remove.
REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis that is down or slow makes a cache without entries (operations/redis_cache.py): the
# site keeps answering, and uses the cache again as soon as Redis answers.
if REDIS_URL:
    _redis_cache = {
        "BACKEND": "operations.redis_cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "wvdv",
        "OPTIONS": {
            "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
        },
    }
    CACHES = {"default": _redis_cache, "page_cache_generation": _redis_cache}
else:
    _cache_dir = Path(os.environ.get("DJANGO_CACHE_DIR", BASE_DIR / "cache"))
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(_cache_dir),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "page_cache_generation": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(_cache_dir / "generation"),
        },
    }
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "3600"))
# An HTTP cache in front (Varnish, deploy/varnish/): the addresses to send PURGE requests to,
# comma-separated; each change purges the addresses it affects (operations/frontend_cache.py).
# Pages then carry s-maxage (DJANGO_CDN_CACHE_SECONDS, an hour by default) for it.
FRONTEND_CACHE_URLS = env_list("WVDV_VARNISH_URL")
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": url,
    }
    for number, url in enumerate(FRONTEND_CACHE_URLS)
}
WAGTAILFRONTENDCACHE_LANGUAGES = []  # each translation is a page of its own, purged as such
# Views (URL names) that list pages, purged with every page change.
FRONTEND_CACHE_LISTING_VIEWS = ("search", "ideas_feed")
PAGE_CACHE_CDN_SECONDS = int(
    os.environ.get("DJANGO_CDN_CACHE_SECONDS", "3600" if FRONTEND_CACHE_URLS else "0")
)
# Query parameters every page reads, besides those its route declares (operations/cache.py):
# the notice that a page is shown in another language than asked (localization/wagtail_hooks.py).
PAGE_CACHE_SITE_PARAMETERS = ("untranslated",)


def release_id(environ, base_dir):
    """What this deploy of the code is: DJANGO_RELEASE_ID, else the checked-out git commit.
    It is part of every page cache key, so pages rendered by older templates are not served
    after a deploy."""
    if release := environ.get("DJANGO_RELEASE_ID", "").strip():
        return release
    head = base_dir / ".git" / "HEAD"
    try:
        reference = head.read_text().strip()
        if reference.startswith("ref: "):
            return (base_dir / ".git" / reference[5:]).read_text().strip()[:12]
        return reference[:12]
    except OSError:
        return "unknown"


RELEASE_ID = release_id(os.environ, BASE_DIR)

# Content-Security-Policy (django-csp 4): no inline scripts, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# Which sites may show the activity widget (sharing/widget.py) in an iframe: the CSP
# frame-ancestors of that one route, e.g. "https://www.utrecht.nl https://*.example.org"; "*": any.
WIDGET_FRAME_ANCESTORS = os.environ.get("WIDGET_FRAME_ANCESTORS", "*").split()

# The activity map's tile server, e.g. "https://tiles.example.org/{z}/{x}/{y}.png" (a server you
# may use, with its attribution). Empty: the map shows its markers on a plain background.
ACTIVITY_MAP_TILE_URL = os.environ.get("ACTIVITY_MAP_TILE_URL", "")
ACTIVITY_MAP_ATTRIBUTION = os.environ.get("ACTIVITY_MAP_ATTRIBUTION", "")
# Where addresses are looked up (places/geocoders.py): "table", the postcode table shipped with
# the site (offline), or "pdok", PDOK's Locatieserver with the table when it fails.
PLACES_GEOCODER = os.environ.get("PLACES_GEOCODER", "table")
PLACES_GEOCODER_TIMEOUT = float(os.environ.get("PLACES_GEOCODER_TIMEOUT", "3"))

if ACTIVITY_MAP_TILE_URL:  # the map's tiles are images from that server ({s} = any subdomain)
    _tiles = urlsplit(ACTIVITY_MAP_TILE_URL.replace("{s}.", "*."))
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")

# Brute-force protection of the login (django-axes): a username is locked for one address
# after five failures, for one hour.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The client address as the public forms see it (SUBMISSIONS_TRUSTED_PROXIES below).
AXES_CLIENT_IP_CALLABLE = "submissions.protection.client_address"

# Two-factor sign-in to the admin (accounts/): the name authenticator apps show for the account.
OTP_TOTP_ISSUER = "Week van de Verbinding"

# Every email is queued and sent by the background worker (core/mail.py), which delivers it
# through EMAIL_DELIVERY_BACKEND: a mail server that is down delays mail, it never fails a request.
EMAIL_BACKEND = "core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Week van de Verbinding <noreply@weekvandeverbinding.nl>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Week van de Verbinding"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on PostgreSQL each language is stemmed with its own text search
# configuration (search/backends.py). README.md shows the switch to Elasticsearch/OpenSearch.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "SEARCH_CONFIGS": {"nl": "dutch", "en": "english"},
    }
}

WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "txt", "csv"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads as an attachment
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "webp", "jpeg": "webp", "gif": "webp", "webp": "webp"}

# New translations start as drafts; they go live only through moderation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False


def machine_translator_from_env(environ):
    """Machine translation is off unless DEEPL_API_KEY is set (keys ending in ":fx" use the free API)."""
    key = environ.get("DEEPL_API_KEY", "").strip()
    if not key:
        return None
    options = {"AUTH_KEY": key}
    if environ.get("DEEPL_FORMALITY"):
        options["FORMALITY"] = environ["DEEPL_FORMALITY"]
    return {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": options,
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_from_env(os.environ)
WAGTAIL_WORKFLOW_ENABLED = True

# Review emails (submitted, approved, rejected) go to the users whose notification preferences
# allow them; superusers get submission emails too.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = True
# Password reset limited per address and per account (moderation/password_reset.py).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "moderation.password_reset.LimitedPasswordResetForm"

# Public forms (moderation of visitors' submissions). The rate limit counts in the database, shared
# by every process. Behind a proxy that appends the client address to X-Forwarded-For, set the
# number of proxies.
SUBMISSIONS_RATE_LIMIT = int(os.environ.get("SUBMISSIONS_RATE_LIMIT", "5"))
SUBMISSIONS_RATE_WINDOW_SECONDS = 10 * 60
SUBMISSIONS_TRUSTED_PROXIES = int(os.environ.get("SUBMISSIONS_TRUSTED_PROXIES", "0"))
SUBMISSIONS_MIN_SECONDS = 3

# Personal data (privacy/): days each register entry is kept, to override an entry's default,
# e.g. {"submitter_contacts": 180}. The retention job runs daily.
PRIVACY_RETENTION_DAYS = {}
BACKUP_KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", "30"))  # scripts/backup.sh reads it too
# Background jobs (Django's task framework through the django-tasks backport): stored in the
# database, run by `manage.py db_worker`, Wagtail's own (search and reference index) included.
# This version has no ENQUEUE_ON_COMMIT option: code queues a job when its transaction commits
# (core.mail.send_email_later does; elsewhere wrap task.enqueue in transaction.on_commit).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Periodic jobs: dotted path of a task -> interval in seconds, queued by `manage.py run_scheduler`.
PERIODIC_TASKS = {
    "operations.tasks.publish_scheduled": 60,  # go-live and expiry dates of pages and snippets
    "operations.tasks.prune_finished_jobs": 24 * 60 * 60,
    "privacy.tasks.apply_retention_task": 24 * 60 * 60,  # personal data past its period
    "followups.tasks.send_follow_ups": 60 * 60,  # the day after an activity, and one reminder
    "signups.tasks.send_reminders_task": 15 * 60,  # the reminder the day before an activity
}
# Sign-ups: how long the link to confirm an e-mail address works, and how many messages an
# organiser may send to everyone signed up per 24 hours. (Their retention after the edition:
# PRIVACY_RETENTION_DAYS = {"signups": 30}.)
SIGNUPS_CONFIRM_DAYS = int(os.environ.get("SIGNUPS_CONFIRM_DAYS", "7"))
SIGNUPS_ORGANISER_MESSAGES_PER_DAY = 3

LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "plain")  # "json" in production
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "operations.request_id.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "operations.jsonlog.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},  # fpdf2 subsetting the posters' fonts
    },
}
