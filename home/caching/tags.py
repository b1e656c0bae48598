"""Tags and their marks: what the page cache and the fragments are kept under.

A kept value names the tags of what it shows (``page:<translation key>``, ``edition:<key>``,
``sessions:<key>``, ``site``) and the instant it started being made. A change marks its
tags with the instant of the change, in the shared cache; a value holds while none of its
tags has been marked since it started.
"""

import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

TAG_PREFIX = "page-cache:tag:"


def tag_key(tag):
    return TAG_PREFIX + tag


_deferred = threading.local()


@contextmanager
def invalidation_deferred():
    """Tags invalidated inside are marked once, on leaving: an import publishes hundreds of
    pages and people, and each mark writes to the shared cache. Nothing inside reads the
    page cache, so one mark at the end drops what each mark would have dropped."""
    if getattr(_deferred, "tags", None) is not None:
        yield  # already deferred by an outer block, which marks them
        return
    _deferred.tags = set()
    try:
        yield
    finally:
        tags, _deferred.tags = _deferred.tags, None
        invalidate(tags)


def invalidate(tags):
    """Mark `tags` as changed now and again once the current transaction commits.

    The second mark drops what another server rendered from the old data while the change
    was being written; the first covers code that never commits (tests in a transaction).
    """
    pending = getattr(_deferred, "tags", None)
    if pending is not None:
        pending.update(tags)
        return
    tags = sorted(set(tags))
    if not tags:
        return

    def mark():
        now = time.time()
        cache.set_many({tag_key(tag): now for tag in tags}, timeout=None)

    mark()
    transaction.on_commit(mark)


def is_fresh(entry, marks):
    """An entry holds while every tag is known and unmarked since it started rendering."""
    margin = settings.PAGE_CACHE_CLOCK_MARGIN
    for tag in entry["tags"]:
        marked = marks.get(tag_key(tag))
        if marked is None or marked >= entry["started"] - margin:
            return False
    return True


def ensure_marks(tags):
    """Give the tags never marked yet (or evicted) a mark older than anything, so that what
    is stored under them now holds until they change."""
    marks = cache.get_many([tag_key(tag) for tag in tags])
    unknown = {tag_key(tag): 0.0 for tag in tags if tag_key(tag) not in marks}
    if unknown:
        cache.set_many(unknown, timeout=None)
