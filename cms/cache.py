"""Django's Redis cache, for which a Redis outage means misses, not errors.

Pages, sessions (cached_db) and renditions all fall back to the database when Redis is down
or slow: reads return nothing, writes are dropped, and a warning is logged at most every
ten seconds. Short socket timeouts (OPTIONS in the settings) keep a hanging Redis from
holding requests.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_last_warning = [0.0]


def _warn(error):
    now = time.monotonic()
    if now - _last_warning[0] > 10:
        _last_warning[0] = now
        logger.warning("cache unavailable, serving without it: %s", error)


def _resilient(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except RedisError as error:
                _warn(error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _default(self, key, default=None, version=None):
    return default


class ResilientRedisCache(RedisCache):
    get = _resilient(_default)(RedisCache.get)
    get_many = _resilient(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _resilient(lambda *args, **kwargs: False)(RedisCache.has_key)
    add = _resilient(lambda *args, **kwargs: False)(RedisCache.add)
    set = _resilient(lambda *args, **kwargs: None)(RedisCache.set)
    set_many = _resilient(lambda self, data, *args, **kwargs: list(data))(RedisCache.set_many)
    touch = _resilient(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _resilient(lambda *args, **kwargs: False)(RedisCache.delete)
    delete_many = _resilient(lambda *args, **kwargs: None)(RedisCache.delete_many)
    clear = _resilient(lambda *args, **kwargs: False)(RedisCache.clear)
