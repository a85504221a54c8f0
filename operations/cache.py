"""A full-page cache for anonymous visitors of Wagtail pages.

The middleware stores the HTML of a page served to an anonymous GET request and replays it for
the next anonymous visitor of the same host, scheme, language, path and meaningful query
parameters: those the page type, route or view declares with `query_parameters` (filters,
`page`). Every other parameter (utm_*, fbclid, junk) is removed before the page is served, so it
neither changes the response nor makes a new entry. Any change to content (publishing,
unpublishing, moving or deleting a page; saving a snippet, setting, image or document) moves the
cache to a new generation at once, so a published change shows on the next request in every
language. Drafts do not: a visitor's submission, a page saved or autosaved as a draft, a story
waiting for review change nothing visitors see until a moderator publishes them. Every key also
holds the release (settings.RELEASE_ID), so a deploy never replays pages of older templates.

Views that are not pages are stored only when they ask for it (store_view_response: the
search, which has its searches counted also when the cache answers).

What is never stored: requests that carry a session or message cookie (logged-in editors,
visitors with a flash message), anything but GET, previews and views that did not ask, pages
with view restrictions, responses other than 200, responses that set a cookie or use a CSRF
token (forms), and responses marked private or no-store.

Pages, routes and templates declare their parameters, keep fragments and start a new
generation through core/page_cache.py, so they need nothing from this module.
"""

import datetime
import functools
import hashlib
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse, QueryDict
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import COMMENTS_RELATION_NAME, BaseViewRestriction, Locale, Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from core.page_cache import enabled, invalidate, version
from core.visibility import is_public

KEY_PREFIX = "pagecache:v4"
MESSAGES_COOKIE_NAME = "messages"  # CookieStorage.cookie_name of django.contrib.messages
STATUS_HEADER = "X-Page-Cache"
OWNER_HEADER = "X-Cache-Owner"  # the page that served a response, for the cache in front
SKIPPED_PATH_PREFIXES = ("/admin/", "/documents/", "/health/")
STORED_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Vary",
    "X-Frame-Options",
    "Content-Security-Policy",
    OWNER_HEADER,
)


def may_use_cache(request):
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if request.path.startswith(SKIPPED_PATH_PREFIXES):
        return False
    bypass = (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE_NAME)
    return not any(name in request.COOKIES for name in bypass)


def mark_served_page(page, request):
    """Called for every Wagtail page about to be served (not for previews); costs no query."""
    request.served_page = page


def store_view_response(request, on_hit=None):
    """Let the cache keep this view's response as it keeps a public page's (for views that
    are not pages, such as the search). `on_hit`, a (function, arguments) pair, is called each
    time the cache answers in the view's place, e.g. to count the request."""
    request.page_cache_view = on_hit


def use_page_parameters(page, request, serve_args):
    """Before a page is served: keep only the parameters its route or its type declares."""
    route = serve_args[0] if serve_args and callable(serve_args[0]) else None
    names = getattr(route, "page_cache_parameters", None)
    if names is None:
        names = getattr(page, "page_cache_parameters", ())
    keep_only_parameters(request, names)


def keep_only_parameters(request, names):
    names = frozenset(names) | frozenset(getattr(settings, "PAGE_CACHE_SITE_PARAMETERS", ()))
    kept = QueryDict(mutable=True)
    for name in sorted(names):
        if values := request.GET.getlist(name):
            kept.setlist(name, values)
    query_string = kept.urlencode()
    request.GET = QueryDict(query_string)  # read-only, as Django's own request.GET
    request.META["QUERY_STRING"] = query_string
    request.page_cache_parameters = names


def digest(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def address_key(request):
    """The key of an address without its query string: which parameters its page declared."""
    language = get_language_from_path(request.path_info) or ""
    address = digest(request.get_host(), request.scheme, language, request.path)
    return f"{KEY_PREFIX}:{version()}:{address}"


def response_key(address, query, names):
    """The key of one response: the address and the values of its declared parameters."""
    meaningful = sorted((name, value) for name in names for value in query.getlist(name))
    return f"{address}:{digest(urlencode(meaningful))}"


def is_storable(request, response):
    page = getattr(request, "served_page", None)
    if request.method != "GET" or (page is None and not hasattr(request, "page_cache_view")):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "")
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return page is None or is_public(page)


def seconds_until_local_midnight():
    """Pages show day-dependent text (countdowns), so an entry never outlives the day."""
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()))


def freeze(request, response):
    headers = [(name, response[name]) for name in STORED_HEADERS if name in response]
    on_hit = getattr(request, "page_cache_view", None)
    return response.status_code, headers, response.content, on_hit


def thaw(entry):
    status, headers, content, _on_hit = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def run_on_hit(entry):
    on_hit = entry[-1]
    if on_hit:
        function, arguments = on_hit
        function(*arguments)


def add_public_cache_control(response):
    """max-age=0 for browsers; s-maxage for a cache in front that is purged on changes
    (operations/frontend_cache.py), never past local midnight."""
    shared_seconds = getattr(settings, "PAGE_CACHE_CDN_SECONDS", 0)
    if shared_seconds:
        shared_seconds = min(shared_seconds, seconds_until_local_midnight())
    patch_cache_control(response, public=True, max_age=0, s_maxage=shared_seconds)


def owner_path(page):
    """The address of a page without its host: what the cache in front keeps as owner."""
    parts = page.get_url_parts()
    return parts[2] if parts else None


def name_owner(request, response):
    """Tell the cache in front which page served the response (a route or filter of it too),
    so that purging the page's address purges this response."""
    page = getattr(request, "served_page", None)
    if page is not None and (path := owner_path(page)):
        response[OWNER_HEADER] = path


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use_cache(request):
            return self.get_response(request)
        address = address_key(request)
        names = cache.get(address)
        entry = None if names is None else cache.get(response_key(address, request.GET, names))
        if entry is not None:
            run_on_hit(entry)
            response = thaw(entry)
            response[STATUS_HEADER] = "hit"
            add_public_cache_control(response)
            return response
        response = self.get_response(request)
        if is_storable(request, response):
            names = getattr(request, "page_cache_parameters", frozenset())
            name_owner(request, response)
            key = response_key(address, request.GET, names)
            timeout = min(settings.PAGE_CACHE_SECONDS, seconds_until_local_midnight())
            cache.set_many({address: names, key: freeze(request, response)}, timeout)
            response[STATUS_HEADER] = "miss"
            add_public_cache_control(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """A view (not a page) that declared its query parameters gets only those."""
        names = getattr(view_func, "page_cache_parameters", None)
        if names is not None:
            keep_only_parameters(request, names)


# What Wagtail saves on a page when an editor saves (or autosaves) a draft of a live page.
REVISION_BOOKKEEPING = frozenset(
    {
        COMMENTS_RELATION_NAME,
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
    }
)


def changes_pages(instance, update_fields=None):
    if isinstance(instance, AbstractRendition) or not isinstance(instance, content_classes()):
        return False
    return not is_unpublished_work(instance, update_fields)


def is_unpublished_work(instance, update_fields):
    """A draft (a page or snippet not live, a visitor's submission waiting for review) or the
    revision bookkeeping of a live page: nothing visitors see changes until it is published,
    and publishing sends its own signal. So visitors' submissions never empty the cache."""
    if getattr(instance, "awaits_review", False):
        return True
    if not getattr(instance, "live", True):
        return True
    return update_fields is not None and frozenset(update_fields) <= REVISION_BOOKKEEPING


@functools.cache
def content_classes():
    """What pages show: pages, view restrictions (the privacy dialog), snippets, settings,
    images, documents, locales, sites, tags, and the models named in PAGE_CACHE_CONTENT_MODELS.
    Logs, tokens and sessions are left out, so that visitors' actions do not empty the cache."""
    extra = [apps.get_model(label) for label in getattr(settings, "PAGE_CACHE_CONTENT_MODELS", [])]
    return (
        Page,
        BaseViewRestriction,
        AbstractImage,
        AbstractDocument,
        Locale,
        Site,
        Tag,
        BaseSiteSetting,
        BaseGenericSetting,
        *get_snippet_models(),
        *extra,
    )


def invalidate_on_change(sender, instance, update_fields=None, **kwargs):
    if changes_pages(instance, update_fields):
        invalidate()


def invalidate_always(sender, **kwargs):
    invalidate()


def connect_invalidation_signals():
    uid = "operations.page_cache"
    for signal in (post_save, post_delete):
        signal.connect(invalidate_on_change, dispatch_uid=uid)
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate_always, dispatch_uid=uid)
