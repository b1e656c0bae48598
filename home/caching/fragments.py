"""Fragments: a value shared by many pages (the site's footer, an edition's chrome, a session's
card, the route to a page), kept in the shared cache under the tags of what it shows, by the
same rule as whole pages (home/caching/page_cache.py): it holds while none of its tags has
been marked since it was computed.

Two calls: `fragment(key, compute)` for one value, `fragments(keys, compute_missing)` for
many in the same round trips to the cache. What is computed comes back as `Kept(value, tags)`.
"""

import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache

from .tags import ensure_marks, is_fresh, tag_key

PREFIX = "page-cache:fragment:"


class Kept(NamedTuple):
    """A computed value and the tags of what it shows (``page:<key>``, ``site``…)."""

    value: object
    tags: set


def fragment(key, compute, timeout=None):
    """The value kept under `key`, else `compute()`'s: it returns Kept(value, tags), and the value
    is kept under the tags. An exception from `compute()` keeps nothing."""
    return fragments([key], lambda _missing: {key: compute()}, timeout)[key]


def fragments(keys, compute_missing, timeout=None):
    """{key: value} for each of `keys`, in two round trips to the cache when they are all
    fresh (one for the values, one for their tags' marks), however many there are:
    `compute_missing(missing keys)` returns {key: Kept(value, tags)} for the others, kept in
    one more."""
    stored = {PREFIX + key: key for key in keys}
    entries = cache.get_many(list(stored))
    tags = {tag for entry in entries.values() for tag in entry["tags"]}
    marks = cache.get_many([tag_key(tag) for tag in tags]) if tags else {}
    values = {
        stored[name]: entry["value"] for name, entry in entries.items() if is_fresh(entry, marks)
    }
    missing = [key for key in keys if key not in values]
    if missing:
        # Taken before computing: a change marked while the value is made drops it.
        started = time.time()
        computed = compute_missing(missing)
        ensure_marks(sorted({tag for _value, tags in computed.values() for tag in tags}))
        cache.set_many(
            {
                PREFIX + key: {"tags": sorted(tags), "started": started, "value": value}
                for key, (value, tags) in computed.items()
            },
            timeout or settings.PAGE_CACHE_SECONDS or 600,
        )
        values.update({key: value for key, (value, _tags) in computed.items()})
    return values


def forget(key):
    """Drop the value kept under `key` (one its reader could not use)."""
    cache.delete(PREFIX + key)
