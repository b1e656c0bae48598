"""Page routing kept in the cache, for views the page cache cannot answer.

Wagtail finds the page of an address with one query after another: the site, the active
locale, the site's root page, the page itself (one query on ``url_path``, HomePage.locate),
its specific row, its view restrictions and its ancestors, then the page's edition. Every
publish on the day, filter combination, logged-in editor and preview pays for them again.
The outcome changes only when the site, a page on the way or the page's edition changes, so
it is kept as a fragment of the page cache (``home.caching.fragments.fragment``) under the tags
those changes mark: ``site``, the page and each of its ancestors in every language, and the
page's edition. A view then starts from one round trip to the cache.

What is kept is the page as found (its row, its edition, its view restrictions); the page's
own ``route()`` still runs on each view, so a sub-route (a speaker below the speakers page)
and the page's live state are decided as Wagtail would. It is served by `serve`, in place of
Wagtail's view of the same name and address (cms/urls.py), through Wagtail's public API
only.
"""

import hashlib
import pickle
from typing import NamedTuple

from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.utils.translation import get_language

from wagtail import hooks
from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from home.caching import sites
from home.caching.fragments import Kept, forget, fragment
from home.caching.pickles import UNREADABLE
from home.caching.tags import invalidate


def route_key(request, path):
    """The site is the one Wagtail finds for the request's host and port, named by its pk
    (home.caching.sites.site_key: a port, a case or a final dot of the client's own is not a
    new entry), the root page by the active language, the page by the path below it."""
    address = f"{sites.site_key(request)}|{get_language()}|{path}"
    return "route:" + hashlib.sha256(address.encode()).hexdigest()


def ancestor_tags(page):
    """``page:`` tags of the page and of every page above it, in one query."""
    prefixes = [page.path[: depth * Page.steplen] for depth in range(1, page.depth + 1)]
    keys = Page.objects.filter(path__in=prefixes).values_list("translation_key", flat=True)
    return {f"page:{key}" for key in keys}


class Route(NamedTuple):
    page: object  # the specific page, with what serving it needs loaded
    remaining: list  # the path's parts below it, for the page's own route()


def find(request, path):
    """Kept(Route, tags) for the cache: the page at `path` of the request's site, with what
    serving it needs; Http404 when there is none (nothing is kept for a missing page)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.localized.specific
    locate = getattr(root, "locate", None)
    if locate is None:
        raise Http404
    page, remaining = locate([part for part in path.split("/") if part])
    tags = {"site"} | ancestor_tags(page)
    edition = getattr(page, "edition", None)  # a cached property: kept with the page
    if edition is not None:
        tags.add(f"edition:{edition.translation_key}")
    for name in getattr(page, "route_relations", ()):
        getattr(page, name)  # loaded now, kept with the page; the page's tags cover it
    page.kept_view_restrictions = list(page.get_view_restrictions())
    return Kept(Route(page, remaining), tags)


def serve_route(request, page, args, kwargs):
    """What Wagtail's serve view does once it has the route (wagtail.views.serve): its
    `on_serve_page` and `before_serve_page` hooks (view restrictions among them), then the
    page."""
    chain = wagtail_views.serve_chain
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        chain = wrap(chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)


class NotKept(Exception):
    """The route led to a page that did not answer 200: nothing is kept."""


def serve(request, path):
    """Wagtail's serve view, with the page found from the cache.

    What routing found is kept only once the view has answered 200: an address that leads
    nowhere (a mistyped speaker below the speakers page, an attacker's random paths) costs
    its queries but never fills the cache. It is kept as it was found, pickled before the
    view ran (the view may set attributes on the page). The site is Wagtail's to find
    (Site.find_for_request, one query per request): the page, its edition and its view
    restrictions are what is kept."""
    if request.method not in ("GET", "HEAD"):
        return wagtail_views.serve(request, path)
    served = []

    def compute():
        route, tags = find(request, path)
        page, remaining = route
        kept = pickle.dumps(tuple(route), pickle.HIGHEST_PROTOCOL)
        served.append(serve_route(request, *page.route(request, remaining)))
        if served[0].status_code != 200:
            raise NotKept
        return Kept(kept, tags)

    try:
        kept = fragment(route_key(request, path), compute)
    except NotKept:
        return served[0]
    except Http404:
        if served:
            raise
        return wagtail_views.serve(request, path)  # Wagtail's own routing answers
    if served:
        return served[0]
    try:
        page, remaining = pickle.loads(kept)
    except UNREADABLE:
        # Kept by another release (a page class since moved or renamed): found again.
        forget(route_key(request, path))
        return serve(request, path)
    return serve_route(request, *page.route(request, remaining))


def on_site_changed(sender, **kwargs):
    """A site's host, port or root page, or a language added or removed: every address may
    now lead elsewhere, and every page's links change."""
    invalidate({"site"})


def connect():
    """The receivers, for the sites and the languages (HomeConfig.ready)."""
    for model in (Site, Locale):
        label = model._meta.label
        post_save.connect(on_site_changed, sender=model, dispatch_uid=f"routing.saved.{label}")
        post_delete.connect(on_site_changed, sender=model, dispatch_uid=f"routing.deleted.{label}")
