"""The caches processes share: Django's Redis cache, for which a Redis outage means a
short-lived local cache, not errors (production); files in a directory, for the demo.

While Redis is down or slow, each process keeps what it stores in its own memory for ten
seconds at most (pages keep being served from there; sessions (cached_db) and renditions
fall back to the database), and a warning is logged at most every ten seconds. Short
socket timeouts (OPTIONS in the settings) keep a hanging Redis from holding requests.

Both read an entry that this code cannot unpickle as a miss: after a deploy that moved or
renamed a class, the entries the previous release stored (a route's page, an edition's
summaries) would otherwise fail every request that reads them until they expire.
"""

import functools
import logging
import os
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.files import locks

from redis.exceptions import RedisError

from home.caching.pickles import UNREADABLE

logger = logging.getLogger(__name__)
_last_warning = [0.0]


def _warn(error):
    now = time.monotonic()
    if now - _last_warning[0] > 10:
        _last_warning[0] = now
        logger.warning("cache unavailable, serving without it: %s", error)


FALLBACK_SECONDS = 10


def _capped(timeout):
    if timeout is DEFAULT_TIMEOUT or timeout is None or timeout > FALLBACK_SECONDS:
        return FALLBACK_SECONDS
    return timeout


_MISSING = object()


class ReadsWhatItCan:
    """A cache whose entries this code cannot read count as misses (and are deleted)."""

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREADABLE as error:
            logger.warning("cache entry unreadable by this release, dropped: %s", error)
            super().delete(key, version)
            return default

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREADABLE:
            found = {}
            for key in keys:
                value = self.get(key, _MISSING, version)
                if value is not _MISSING:
                    found[key] = value
            return found


class OneClientPerPool(RedisCacheClient):
    """Django's Redis cache client, which makes a `redis.Redis` client object for every call
    (a fifth of a millisecond each, about fifty times a page made from the database): here
    one per connection pool, made once. A `redis.Redis` client is safe to share between
    threads (it takes a connection from the pool for each command)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReadableRedisCache(ReadsWhatItCan, RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = OneClientPerPool


def _resilient(name, timeout_at=None):
    """Redis's method `name`, or, while Redis fails, the same on a cache in the process's own
    memory whose entries live FALLBACK_SECONDS at most: each worker then keeps serving
    stored pages during an outage, and nothing it keeps outlives the outage by long."""
    method = getattr(ReadableRedisCache, name)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            _warn(error)
            args = list(args)
            if timeout_at is not None:
                if "timeout" in kwargs:
                    kwargs["timeout"] = _capped(kwargs["timeout"])
                elif len(args) > timeout_at:
                    args[timeout_at] = _capped(args[timeout_at])
                else:
                    kwargs["timeout"] = FALLBACK_SECONDS
            return getattr(self.fallback, name)(*args, **kwargs)

    return wrapper


class ResilientRedisCache(ReadableRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.fallback = LocMemCache(f"fallback-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 2000}})

    get = _resilient("get")
    get_many = _resilient("get_many")
    has_key = _resilient("has_key")
    add = _resilient("add", timeout_at=2)
    set = _resilient("set", timeout_at=2)
    set_many = _resilient("set_many", timeout_at=1)
    touch = _resilient("touch", timeout_at=1)
    delete = _resilient("delete")
    delete_many = _resilient("delete_many")
    clear = _resilient("clear")


class SharedFileCache(ReadsWhatItCan, FileBasedCache):
    """Django's file-based cache, shared by every process on the machine, with an `add` that
    only one of them wins, as on Redis: the page cache makes a page once while the others
    serve the last version (its ``:making`` key), and registration asks its provider once.

    What the page cache needs of its cache holds across processes here: `set` writes a
    whole file and renames it into place (a reader sees the old value or the new one), and
    `get_many`, `set_many` and `delete` are made of those. It needs no `incr` and lists no
    keys. Django's own `add` looks then writes, so two processes may both win it: here it
    holds a lock on a file of the directory meanwhile (not a cache file: never culled nor
    cleared)."""

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._createdir()
        with open(os.path.join(self._dir, "add.lock"), "ab") as lock:
            locks.lock(lock, locks.LOCK_EX)
            try:
                return super().add(key, value, timeout, version)
            finally:
                locks.unlock(lock)
