"""What pages, routes and templates say to the page cache (the middleware is
operations/cache.py): which query parameters change a view, fragments kept until content
changes, and "content changed now".

The cache works in generations: any change to content starts a new one, so every entry of the
old one is out of use at once. The generation lives in a cache of its own (the CACHES alias
"page_cache_generation"), where culling of a full page cache cannot reach it; without that alias
it shares the default cache.
"""

import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.dispatch import Signal

GENERATION_KEY = "pagecache:generation"
GENERATION_CACHE = "page_cache_generation"  # a CACHES alias, see generation_cache()

# Sent by invalidate(), in the transaction of the change: for what is kept in the database
# until content changes (figures/kept.py), which the cache generation cannot describe.
content_changed = Signal()


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def query_parameters(*names):
    """Declare the query parameters that change a view's output, on a view function, a
    RoutablePage route or a page class. Only these reach the view and the cache key; a page
    that declares none is served without a query string."""

    def declare(view):
        view.page_cache_parameters = frozenset(names)
        return view

    return declare


def generation_cache():
    """Where the generation lives: a cache of its own, so that culling a full page cache never
    throws it away (that would empty the whole cache at once)."""
    return caches[GENERATION_CACHE] if GENERATION_CACHE in settings.CACHES else cache


def generation():
    store = generation_cache()
    current = store.get(GENERATION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        store.add(GENERATION_KEY, current, timeout=None)
        current = store.get(GENERATION_KEY, current)
    return current


def version():
    """The part of every cache key that changes with content (the generation) and with the
    code (settings.RELEASE_ID): a deploy never replays pages rendered by older templates."""
    return f"{settings.RELEASE_ID}.{generation()}"


def remembered(name, compute, *parts):
    """compute(), kept until content changes (the next generation): for the parts of the site
    frame every page repeats, such as the menu. Computed afresh when the page cache is off."""
    if not enabled():
        return compute()
    key = ":".join(["fragment", version(), name, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


_in_this_process = {}


def remembered_in_process(name, compute, *parts):
    """remembered(), also held in this process's memory until content changes: for values
    that cost more to unpickle from the shared cache than a page may spend (an edition's
    thousands of places). Only the current version of each is held."""
    if not enabled():
        return compute()
    current = version()
    key = (name, *parts)
    held = _in_this_process.get(key)
    if held is None or held[0] != current:
        held = _in_this_process[key] = (current, remembered(name, compute, *parts))
    return held[1]


def invalidate():
    """Start a new generation now, and again when the transaction commits, so that a page
    rendered from not yet committed data cannot survive in the new generation."""
    _new_generation()
    transaction.on_commit(_new_generation)
    content_changed.send(sender=invalidate)


def _new_generation():
    generation_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
