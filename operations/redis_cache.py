"""Django's RedisCache that keeps the site answering while Redis is away.

Every call that cannot reach Redis (refused, reset, or slower than the socket timeout) is logged
once per outage and answered as a cache without entries: reads miss, writes are dropped. redis-py
connects again on the next call, so the cache comes back by itself when Redis does. Short
timeouts (OPTIONS socket_connect_timeout and socket_timeout, see wvdv/settings/base.py) keep a
hung Redis from holding requests.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def answer_when_unreachable(fallback):
    """Run the cache call; when Redis cannot be reached, return fallback(*args, **kwargs)."""

    def decorate(method):
        @functools.wraps(method)
        def call(self, *args, **kwargs):
            try:
                result = method(self, *args, **kwargs)
            except UNREACHABLE as error:
                self.note_outage(error)
                return fallback(*args, **kwargs)
            self.note_recovery()
            return result

        return call

    return decorate


def nothing(*args, **kwargs):
    return None


def default_value(key, default=None, *args, **kwargs):
    return default


def no_entries(keys, *args, **kwargs):
    return {}


def not_stored(*args, **kwargs):
    return False


def all_failed(data, *args, **kwargs):
    return list(data)


def unchanged(key, delta=1, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found (the cache is unreachable).")


class ResilientRedisCache(RedisCache):
    outage = False

    def note_outage(self, error):
        if not self.outage:
            logger.warning("Redis unreachable, serving without cache: %s", error)
        self.outage = True

    def note_recovery(self):
        if self.outage:
            logger.warning("Redis reachable again, cache back in use")
        self.outage = False

    get = answer_when_unreachable(default_value)(RedisCache.get)
    get_many = answer_when_unreachable(no_entries)(RedisCache.get_many)
    has_key = answer_when_unreachable(not_stored)(RedisCache.has_key)
    add = answer_when_unreachable(not_stored)(RedisCache.add)
    set = answer_when_unreachable(nothing)(RedisCache.set)
    set_many = answer_when_unreachable(all_failed)(RedisCache.set_many)
    touch = answer_when_unreachable(not_stored)(RedisCache.touch)
    delete = answer_when_unreachable(not_stored)(RedisCache.delete)
    delete_many = answer_when_unreachable(nothing)(RedisCache.delete_many)
    incr = answer_when_unreachable(unchanged)(RedisCache.incr)
    clear = answer_when_unreachable(not_stored)(RedisCache.clear)
