"""Machine-readable exports of a page, declared once by the page and served at "<page
address><file name>" (/fr/2025/programme/calendar.ics): Wagtail's own routing only serves
addresses without dots, so cms/urls.py routes the declared file names here.

A page model lists its exports:

    exports = (Export("calendar", "calendar.ics", "serve_calendar", "text/calendar", filtered=True),)

Its views get ``exports`` in their context ({name: BoundExport}), so templates take the
addresses, file names and media types from the declaration: ``{{ exports.calendar.url }}``.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.http import Http404, HttpResponse

from wagtail import hooks
from wagtail.models import Page, Site


@dataclass(frozen=True)
class Export:
    name: str  # how templates name it: exports.<name>
    filename: str  # the last part of its address
    view: str  # the page method that serves it
    content_type: str  # for type="…" on links and <link rel="alternate">
    filtered: bool = False  # follows the page's filters (the query string)


@dataclass(frozen=True)
class BoundExport:
    url: str
    filename: str
    content_type: str


def exports_of(page):
    return {export.filename: export for export in getattr(page, "exports", ())}


def filenames_pattern():
    """The declared file names, as a regular expression for cms/urls.py."""
    names = sorted(
        {
            export.filename
            for model in apps.get_models()
            if issubclass(model, Page)
            for export in getattr(model, "exports", ())
        }
    )
    return "|".join(re.escape(name) for name in names)


def export_links(page, request, query=""):
    """{name: BoundExport} for `page`; `query` (with its "?") goes to the filtered ones."""
    base = page.get_url(request) or ""
    return {
        export.name: BoundExport(
            url=base + export.filename + (query if export.filtered else ""),
            filename=export.filename,
            content_type=export.content_type,
        )
        for export in getattr(page, "exports", ())
    }


def serve_export(request, path, filename):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    page, args, kwargs = site.root_page.localized.specific.route(request, components)
    export = exports_of(page).get(filename)
    if export is None:
        raise Http404
    # Privacy and other checks Wagtail runs before serving the page itself.
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return getattr(page, export.view)(request)
