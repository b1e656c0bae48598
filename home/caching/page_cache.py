"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

A page view by a visitor without a session is kept under its site, its host as the site is
configured (``cache_host``) and its path, with the tags of what it shows
(``page:<translation key>``, ``edition:<key>``, ``sessions:<key>``, ``site``) and the
instant its rendering started. Changing something marks its tags with the
instant of the change, once the transaction has committed; an entry is served only while
none of its tags has been marked since it started rendering. So a publish, a move or a
snippet edit drops exactly the pages that show it, in every language, on every server,
without listing cache keys. The tags' marks never expire; entries do, at the page's own
lifetime (shorter when the page changes with the clock: registration opening, an edition
starting or ending, availability read from the registration provider).

Editors (anyone with a session cookie) are never served from, nor stored into, the cache.

A view says what may be kept through its response, as Django's own cache middleware reads
``Cache-Control`` from the response: ``keep_for_visitors(response, page, tags=…, until=…,
query=…)`` attaches a small ``KeptForVisitors`` to it, and only a response that carries one
may be stored. It is an attribute of the response rather than headers the middleware would
strip (a CDN's ``Surrogate-Key``): what it carries is the page itself (its tags and lifetime
are asked only when the view is stored, not on an editor's view) and an instant, which have
no header form, and a header forgotten on a path that does not store (an editor's view, an
exempt address) would reach the client. ``BasePage.serve`` attaches the page's own; a view
that shows more, changes at an instant of its own or honours parameters attaches its own.
"""

import gzip
import hashlib
import logging
import re
import time
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from .sites import (
    SITE_TAG,
    cache_host,
    known_rows,
    request_site,
    site_rows,
    sites_are_stale,
)
from .tags import ensure_marks, is_fresh, tag_key

logger = logging.getLogger(__name__)

ENTRY_PREFIX = "page-cache:entry:"
STATUS_HEADER = "X-Page-Cache"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def with_body(response, entry, request):
    """The stored page, kept gzipped (a fraction of the bytes to move out of the cache),
    sent as it is to the clients that accept it and unpacked for the others."""
    if accepts_gzip(request):
        response.content = entry["gzip"]
        response.headers["Content-Encoding"] = "gzip"
    else:
        response.content = gzip.decompress(entry["gzip"])
    response.headers["Content-Length"] = str(len(response.content))
    return response


def enabled():
    return settings.PAGE_CACHE_SECONDS > 0


_query_params = None


def query_params():
    """The query parameters some page reads (`cache_query_params` on its model): the only ones
    that may make an entry of their own. Any other parameter (`?x=1`, a tracker's `utm_*`)
    is left out of the key, so such addresses share the page's entry instead of filling the
    cache."""
    global _query_params
    if _query_params is None:
        from wagtail.models import get_page_models

        _query_params = frozenset(
            name for model in get_page_models() for name in getattr(model, "cache_query_params", ())
        )
    return _query_params


def query_pairs(request):
    """The request's values of those parameters, in a canonical order."""
    names = query_params()
    return sorted(
        (name, value) for name, values in request.GET.lists() if name in names for value in values
    )


def entry_key(request):
    """The entry of the request's address: its site, its host as kept (cache_host), its
    path and the parameters its page reads; None when nothing is kept for it."""
    host = cache_host(request)
    if host is None:
        return None
    query = urlencode(query_pairs(request))
    address = f"{request_site(request)[0]}|{host}{request.path}?{query}"
    return ENTRY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def written_as_kept(request):
    """Whether the client wrote its ``Host:`` as the page is kept (cache_host): a page
    writes its absolute links (canonical, hreflang, structured data) with the host as
    written, so a page made for ``example.org:1234`` or ``EXAMPLE.org`` is kept for nobody;
    such requests are still served the page kept for the host as configured."""
    return request.get_host() == cache_host(request)


# --- what a view says of its response ------------------------------------------------------


class KeptForVisitors(NamedTuple):
    """What a page's view says of its response for the page cache (keep_for_visitors)."""

    page: object  # the page shown: its cache_tags() and cache_lifetime(now)
    tags: frozenset  # what the view shows besides the page (a speaker: person:<key>)
    until: datetime | None  # the instant the view changes by itself (the next session)
    query: tuple  # the parameters the view honoured, as its own links write them, sorted


def keep_for_visitors(response, page, *, tags=(), until=None, query=()):
    """`response` may be kept for anonymous visitors as a view of `page`, also dropped by
    `tags`, kept until `until` at most, and only for a request whose parameters are `query`
    (any other value is made for its visitor, kept for nobody). Returns the response."""
    response.kept_for_visitors = KeptForVisitors(page, frozenset(tags), until, tuple(sorted(query)))
    return response


def kept_for_visitors(response):
    """The KeptForVisitors a view attached to its response, or None: kept for nobody."""
    return getattr(response, "kept_for_visitors", None)


def is_anonymous_view(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


class PageCacheMiddleware:
    """Serves and stores anonymous page views; placed right after the security middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not enabled()
            or not is_anonymous_view(request)
            or request.path_info in settings.PAGE_CACHE_EXEMPT_PATHS
        ):
            return self.get_response(request)
        key, cached, stale = self.find(request)
        if key is None:
            return self.get_response(request)  # a host kept for nobody (cache_host)
        if cached is not None:
            return cached
        making = f"{key}:making"
        if stale is not None and not cache.add(making, 1, 30):
            # Another request is making the page again: the others get the last version
            # meanwhile, rather than all making it at once.
            return self.respond(stale, request, "stale")
        try:
            started = time.time()
            response = self.get_response(request)
            if response.status_code >= 500 and stale is not None:
                # The database is restarting, say: the last known page beats an error page.
                logger.warning("serving a stale page after an error: %s", request.path)
                return self.respond(stale, request, "stale")
            self.store(request, response, key, started)
            return response
        finally:
            if stale is not None:
                cache.delete(making)

    class Found(NamedTuple):
        key: str | None  # the entry's key; None when nothing is kept for this host
        fresh: HttpResponse | None  # the kept page, to send as it is
        stale: dict | None  # an entry some change made stale: served while one is remade

    class Looked(NamedTuple):
        site_mark: float | None  # the ``site`` tag's mark, read in the same round trip
        fresh: HttpResponse | None
        stale: dict | None

    # The tags of the addresses this worker has served: a hit then costs one round trip to
    # the cache (the entry and its tags' marks together). A stale memo only costs a second one.
    known_tags = {}
    known_tags_limit = 20000

    def find(self, request):
        """Found(key, fresh response or None, stale entry or None) of the request's address. The
        site comes from what this process knows of the sites, and the ``site`` tag's mark
        with the entry, in the same round trip to the cache: only when the sites changed
        since are they read again and the entry looked up anew."""
        rows = known_rows()
        if rows is not None:
            request_site(request, rows)
            key = entry_key(request)
            looked = self.lookup(key, request)
            if not sites_are_stale(looked.site_mark):
                return self.Found(key, looked.fresh, looked.stale)
            site_rows(looked.site_mark, checked=True)
        request_site(request, site_rows() if rows is None else known_rows())
        key = entry_key(request)
        looked = self.lookup(key, request)
        return self.Found(key, looked.fresh, looked.stale)

    def lookup(self, key, request):
        """Looked(the ``site`` tag's mark, fresh response or None, the stale entry if any)."""
        site = tag_key(SITE_TAG)
        if key is None:
            return self.Looked(cache.get(site), None, None)
        tags = self.known_tags.get(key, [])
        found = cache.get_many([key, site, *(tag_key(tag) for tag in tags)])
        mark = found.get(site)
        entry = found.get(key)
        if entry is None:
            return self.Looked(mark, None, None)
        if entry["tags"] != tags:
            if len(self.known_tags) >= self.known_tags_limit:
                self.known_tags.clear()
            self.known_tags[key] = entry["tags"]
            found = cache.get_many([tag_key(tag) for tag in entry["tags"]])
        if not is_fresh(entry, found):
            return self.Looked(mark, None, entry)
        return self.Looked(mark, self.respond(entry, request, "hit"), None)

    def respond(self, entry, request, status):
        response = HttpResponse(status=entry["status"])
        for header, value in entry["headers"]:
            response.headers[header] = value
        response.headers[STATUS_HEADER] = status
        return with_body(response, entry, request)

    def store(self, request, response, key, started):
        """Keep the response for the next visitors of its address, if it may be kept."""
        kept = kept_for_visitors(response)
        if not may_keep(request, response, kept):
            return
        lifetime = kept_lifetime(kept, timezone.now())
        add_cache_headers(response, lifetime)
        if lifetime <= 0:
            return
        entry = make_entry(response, kept, started)
        cache.set(key, entry, lifetime)
        if accepts_gzip(request):
            with_body(response, entry, request)


# --- storing a response, step by step (PageCacheMiddleware.store) ---------------------------


def may_keep(request, response, kept):
    """Whether the response is one any anonymous visitor of the address may be given: a
    page's view that says so (`kept`), a whole HTML page answering 200 to a GET, setting no
    cookie (a visitor's own), for a host written as it is kept, and for parameters the view
    honoured. Anything else is made for its visitor and left as it is."""
    if (
        kept is None
        or request.method != "GET"
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or not response.get("Content-Type", "").startswith("text/html")
        or not written_as_kept(request)
    ):
        return False
    # A parameter the page does not read, a malformed value or one that names no option of
    # the page: kept for nobody, else every value would be an entry of its own.
    return query_pairs(request) == list(kept.query)


def kept_lifetime(kept, now):
    """Seconds the view may be kept: the page's own lifetime (shorter when the page changes
    with the clock), and for a view that changes at an instant of its own (now and next: the
    next session boundary) until then at most."""
    lifetime = kept.page.cache_lifetime(now)
    if kept.until is not None:
        lifetime = min(lifetime, max(0, int((kept.until - now).total_seconds()) + 1))
    return lifetime


def add_cache_headers(response, lifetime):
    """The headers of a view kept for visitors, sent with it and kept in its entry: it varies
    with the cookie (an editor is never given it) and the encoding; browsers ask again each
    time, and the CDN, when there is one, keeps it as long as we do, since it is purged on
    every change."""
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        patch_cache_control(response, public=True, max_age=0, s_maxage=lifetime)
    else:
        patch_cache_control(response, max_age=0)
    response.headers[STATUS_HEADER] = "miss"


# Headers an entry does not keep: said afresh on each response (with_body, respond).
UNKEPT_HEADERS = {STATUS_HEADER, "Content-Length", "Content-Encoding"}


def make_entry(response, kept, started):
    """The entry of the view: its tags (the page's and the view's own; a tag never marked
    gets a mark older than anything, else the entry would never be fresh), the instant its
    rendering started (it holds while none of its tags is marked since), its status, its
    headers and its body, gzipped."""
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    tags = sorted(kept.page.cache_tags() | kept.tags)
    ensure_marks(tags)
    return {
        "tags": tags,
        "started": started,
        "status": response.status_code,
        "headers": [(h, v) for h, v in response.items() if h not in UNKEPT_HEADERS],
        "gzip": gzip.compress(response.content, 6),
    }
