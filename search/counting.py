"""Counting searches for the editors' reports (Wagtail's popular searches, UnansweredSearch).

Every search is counted, including those the page cache answers without running the view.
Those are counted in the worker's memory and written at most FLUSH_SECONDS later (and when
the worker stops), so a search answered from the cache costs no query.
"""

import threading
import time
from collections import Counter

from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from .models import UnansweredSearch
from .service import words_to_keep

FLUSH_SECONDS = 30

_lock = threading.Lock()
_pending = Counter()  # (query, found anything, language code) -> searches not yet written
_last_flush = time.monotonic()


def record_search(query, total, language_code, searches=1):
    """Add `searches` to today's count of `query`: its words (words_to_keep) and the day,
    nothing about who."""
    words = words_to_keep(query)
    if not words:
        return
    logged = Query.get(words)
    daily, _created = QueryDailyHits.objects.get_or_create(query=logged, date=timezone.now().date())
    QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + searches)
    if not total:
        UnansweredSearch.record(logged, language_code, searches)


def count_cached_search(query, total, language_code):
    """Called by the page cache each time it answers a search in the view's place."""
    with _lock:
        _pending[(query, bool(total), language_code)] += 1
        due = time.monotonic() - _last_flush >= FLUSH_SECONDS
    if due:
        flush()


def flush():
    """Write the searches counted in memory."""
    global _last_flush
    with _lock:
        pending = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    for (query, found, language_code), searches in pending.items():
        record_search(query, found, language_code, searches)
