"""Machine-readable exports of a page, declared once by the page and served as routes of the
page (``RoutablePageMixin``) at "<page address><file name>" (/fr/2025/programme/calendar.ics).

A page model lists its exports:

    exports = (Export("calendar", "calendar.ics", "serve_calendar", "text/calendar", filtered=True),)

``ExportsMixin`` turns each into a route of the page, so an export is served by Wagtail's own
``serve`` view like the page itself: every hook runs, view restrictions included, and a
restricted page's export answers as the page does (the password form, the login page).
Wagtail's URL pattern only takes addresses without dots, so cms/urls.py sends the declared
file names to that same view (``filenames_pattern``).

Its views get ``exports`` in their context ({name: BoundExport}), so templates take the
addresses, file names and media types from the declaration: ``{{ exports.calendar.url }}``.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.urls import path

from wagtail.models import Page

from home.models import RoutableBasePageMixin


@dataclass(frozen=True)
class Export:
    name: str  # how templates name it: exports.<name>
    filename: str  # the last part of its address
    view: str  # the page method that serves it
    content_type: str  # for type="…" on links and <link rel="alternate">
    filtered: bool = False  # follows the page's filters (the query string)

    def route(self):
        """The page's route for this export (resolved below the page's own address)."""
        method = self.view

        def serve_export(page, request):
            return getattr(page, method)(request)

        return path(f"{self.filename}/", serve_export, name=f"export-{self.name}")


@dataclass(frozen=True)
class BoundExport:
    url: str
    filename: str
    content_type: str


class ExportsMixin(RoutableBasePageMixin):
    """A page serving its declared exports as its own routes."""

    exports = ()

    @classmethod
    def get_subpage_urls(cls):
        return tuple(export.route() for export in cls.exports) + super().get_subpage_urls()


def declared_exports():
    """{page model: its exports} for every page model that declares some."""
    return {
        model: model.exports
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "exports", ())
    }


def filenames_pattern():
    """The declared file names, as a regular expression for cms/urls.py."""
    names = sorted({e.filename for exports in declared_exports().values() for e in exports})
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
