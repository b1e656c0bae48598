"""The programme offline: what the service worker (static/js/sw.js, served at
/sw.js) keeps of the current edition in the visitor's language, the page it shows for what it
does not keep, and the web app manifest that makes the site installable.

The list (`/<language>/hors-ligne.json`) names the current edition's page, programme,
sessions, speakers and their pages, practical information, change log and « Mon programme »,
with the files every page needs. Its version is made of the page cache's marks of what those
pages show (home.caching.page_cache): any publication that changes one of them changes the version,
and the service worker then fetches the list's pages again.
"""

import hashlib
import json
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Site

from home import visibility
from home.caching import sites
from home.caching.fragments import Kept, fragment
from home.caching.tags import tag_key

# The programme's own views kept with it (ProgrammePage's routes): « Mon programme » and the
# change log; now and next and the screens are of the moment, not for offline reading.
OWN_VIEWS = ("my_programme", "changes")

# What every page loads (fonts: the Latin faces; the extended ones load for rare letters).
ASSETS = (
    "css/site.css",
    "js/site.js",
    "fonts/source-sans-3/source-sans-3-latin-400-normal.woff2",
    "fonts/source-sans-3/source-sans-3-latin-700-normal.woff2",
    "img/icon.svg",
    "img/icon-192.png",
)


def home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    root = site.root_page.localized.specific
    if not hasattr(root, "current_edition"):
        raise Http404
    return root


class OfflinePages(NamedTuple):
    urls: list
    tags: set  # what they show


def edition_pages(edition, request):
    """The addresses of the current edition's pages kept offline, and the tags of what
    they show."""
    from .listing import listed_sessions
    from .models import ProgrammePage, SpeakerIndexPage

    urls = [edition.get_url(request)]
    tags = {"site", f"edition:{edition.translation_key}", f"sessions:{edition.translation_key}"}
    tags.add(f"page:{edition.translation_key}")
    # What the public may see, nothing a password or a login keeps (home/visibility.py).
    children = visibility.visible(edition.get_children()).specific()
    for child in children:
        child.know_edition(edition)
        url = child.get_url(request)
        if url is None:
            continue
        tags.add(f"page:{child.translation_key}")
        if isinstance(child, ProgrammePage):
            urls += [url, *(url + child.reverse_subpage(name) for name in OWN_VIEWS)]
            for session in listed_sessions(child, child.session_rows(), request):
                urls.append(session.url)
                tags.add(f"page:{session.translation_key}")
        elif isinstance(child, SpeakerIndexPage):
            urls.append(url)
            for slug, key in child.speakers().values_list("slug", "translation_key"):
                if slug:
                    urls.append(f"{url}{slug}/")
                    tags.add(f"person:{key}")
        elif getattr(child, "page_role", None) == "practical":
            urls.append(url)
    return OfflinePages(urls, tags)


def offline_list_data(request):
    home = home_page(request)
    edition = home.current_edition()
    language = get_language()

    def compute():
        if edition is None:
            return Kept(([], {"site"}), {"site"})
        urls, tags = edition_pages(edition, request)
        return Kept((urls, tags), tags | {"site"})

    key = f"offline-list:{sites.site_key(request)}:{language}"
    pages, tags = fragment(key, compute)
    pages = [home.get_url(request), *pages]
    # The version: the page cache's marks of what these pages show (a mark is the instant
    # of the tag's last change), the files' addresses (fingerprinted in production).
    marks = cache.get_many([tag_key(tag) for tag in sorted(tags)])
    assets = [static(name) for name in ASSETS]
    # The page for what is not kept, in every language (a visitor may follow a link to
    # another language's page while offline); the visitor's own first.
    codes = [language] + [code for code, _name in settings.LANGUAGES if code != language]
    offline = [f"/{code}/hors-ligne/" for code in codes]
    fingerprint = json.dumps([sorted(marks.items()), pages, assets, offline])
    return {
        "version": hashlib.sha256(fingerprint.encode()).hexdigest()[:16],
        "language": language,
        "edition": edition.title if edition is not None else "",
        "pages": pages,
        "assets": assets,
        "offline": offline,
    }


@require_GET
def offline_list(request):
    response = JsonResponse(offline_list_data(request))
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def offline_page(request):
    """Shown by the service worker for a page it does not keep, when the network fails."""
    home = home_page(request)
    edition = home.current_edition()
    context = {
        "page_title": _("Not available offline"),
        "home": home,
        "current": edition,
        "edition": None,
    }
    return render(request, "offline.html", context)


@require_GET
def web_manifest(request):
    """The web app manifest: the site installable, in the visitor's language, in the current
    edition's colour."""
    from editions.identity import accent_of

    home = home_page(request)
    edition = home.current_edition()
    language = get_language()
    name = (edition.event_name if edition and edition.event_name else "") or _(
        "Rencontres de l'AICT"
    )
    data = {
        "name": name,
        "short_name": _("Rencontres"),
        "description": _("The programme of the Rencontres, also offline."),
        "lang": language,
        "dir": "ltr",
        "start_url": home.get_url(request),
        "scope": "/",
        "id": f"/{language}/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": accent_of(edition),
        "icons": [
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("img/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/manifest+json"
    )


@require_GET
def service_worker(request):
    """static/js/sw.js at the site's root, so that it may answer for every page."""
    from django.contrib.staticfiles import finders

    found = finders.find("js/sw.js")
    if found is None:  # collected only (production): read it from the collected files
        from django.contrib.staticfiles.storage import staticfiles_storage

        with staticfiles_storage.open("js/sw.js") as source:
            content = source.read()
    else:
        with open(found, "rb") as source:
            content = source.read()
    response = HttpResponse(content, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
