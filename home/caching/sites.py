"""The site a request is for, as the page cache and the fragments key it.

Entries are kept per site, not per ``Host:`` header as the client wrote it: a port, a case
or a trailing dot of its own would otherwise make each request a new entry. The sites are
few; each process reads them once and again after the ``site`` tag is marked (a Site or a
language saved or deleted, on any server).
"""

import time
import weakref

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port, validate_host

from .tags import ensure_marks, tag_key

SITE_TAG = "site"
_sites = {"rows": None, "loaded": 0.0}


def known_rows():
    """The sites as this process last read them, or None before it has."""
    return _sites["rows"]


def sites_are_stale(mark):
    """Whether this process must read the sites again, given the ``site`` tag's mark."""
    if _sites["rows"] is None or mark is None:
        return True
    return mark >= _sites["loaded"] - settings.PAGE_CACHE_CLOCK_MARGIN


def site_rows(mark=None, checked=False):
    """[(pk, hostname, port, is default)] of every Site. `mark` is the ``site`` tag's mark
    when the caller fetched it (`checked`), else it is fetched here."""
    from wagtail.models import Site

    if not checked:
        mark = cache.get(tag_key(SITE_TAG))
    if sites_are_stale(mark):
        loaded = time.time()
        rows = list(Site.objects.values_list("pk", "hostname", "port", "is_default_site"))
        if mark is None:
            ensure_marks([SITE_TAG])
        _sites.update(rows=rows, loaded=loaded)
    return _sites["rows"]


def match_site(rows, hostname, port):
    """The row of the Site that Wagtail's ``Site.find_for_request`` picks for `hostname`
    and `port` (wagtail.models.sites.get_site_for_hostname, the same order), or None."""

    def rank(row):
        _pk, name, site_port, default = row
        if name == hostname and site_port == port:
            return 0
        if name == hostname and default:
            return 1
        return 2 if default else 3

    found = sorted((row for row in rows if row[1] == hostname or row[3]), key=rank)
    if not found:
        return None
    if len(found) == 1 or rank(found[0]) in (0, 1):
        return found[0]
    if rank(found[0]) == 2:
        return found[len(found) == 2]
    return None


# The Site row found for each request being served, forgotten with the request: the ``site``
# tag's mark is then checked once per request (with the entry, on the page cache's own path),
# not once per fragment the view asks for, and nothing is written on the request.
_request_sites = weakref.WeakKeyDictionary()


def request_site(request, rows=None):
    """The row of the Site the request is for, as Wagtail finds it, without a query once
    this process knows the sites; found once per request unless `rows` are given."""
    if rows is None and request in _request_sites:
        return _request_sites[request]
    hostname, _port = split_domain_port(request.get_host())
    port = request.get_port()
    row = match_site(
        site_rows() if rows is None else rows, hostname, int(port) if port.isdigit() else None
    )
    _request_sites[request] = row
    return row


def site_key(request):
    """What a fragment made for the request's site is kept under (its footer, its cards):
    the Site's pk, whatever host, port or case the client wrote."""
    row = request_site(request)
    return f"site-{row[0]}" if row is not None else "no-site"


def named_host(hostname):
    """Whether the configuration names `hostname` itself: ALLOWED_HOSTS lists it (or is
    ``*``, as in the tests); a subdomain pattern (``.example.org``) names none of those
    below it."""
    return validate_host(hostname, [h for h in settings.ALLOWED_HOSTS if not h.startswith(".")])


def cache_host(request):
    """The host a page of this request is kept under: the hostname (lower case, no final
    dot), with the port only where the Site found is configured with that hostname and
    port (not 80 or 443); None when no Site answers or the hostname is not one the site is
    configured for (a subdomain matched by a pattern): the page is then made for its
    visitor and kept for nobody."""
    row = request_site(request)
    if row is None:
        return None
    hostname, port = split_domain_port(request.get_host())
    _pk, site_hostname, site_port, _default = row
    if hostname != site_hostname and not named_host(hostname):
        return None
    if port and hostname == site_hostname and port == str(site_port) and site_port not in WEB_PORTS:
        return f"{hostname}:{port}"
    return hostname


WEB_PORTS = (80, 443)
