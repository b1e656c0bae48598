"""The printed programme: an A4 PDF made from the same content as the programme page, in
the page's language, by WeasyPrint. It is rendered as HTML first (a few queries) and the
PDF is cached under the HTML's fingerprint, so it is made again only when something it
shows has changed."""

import functools
import hashlib
import io
import mimetypes
from typing import NamedTuple
from urllib.parse import unquote, urlsplit, urlunsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.template.loader import render_to_string

from home import visibility

CACHE_TIMEOUT = 30 * 24 * 3600
BASE_URL = "https://pdf.invalid/"  # nothing is fetched from the network


def media_file(url):
    """The file behind a media URL, opened through the storage that serves it: the local media
    folder, or S3 (renditions by their public address, originals by their signed one) as in
    production. None for any other address."""
    from django.core.files.storage import storages

    clean = urlunsplit(urlsplit(url)._replace(query="", fragment=""))
    aliases = ["renditions", "default"] if "renditions" in settings.STORAGES else ["default"]
    for alias in aliases:
        storage = storages[alias]
        probe = urlsplit(storage.url("probe"))
        base = urlunsplit(probe._replace(query="", fragment=""))[: -len("probe")]
        # A local storage's URLs are paths: compare paths (WeasyPrint makes them absolute).
        target = urlsplit(url).path if base.startswith("/") else clean
        if target.startswith(base):
            name = unquote(target[len(base) :])
            if name and ".." not in name.split("/"):
                return storage.open(name)
    return None


@functools.lru_cache(maxsize=32)
def _sfnt(woff2_bytes):
    """A WOFF2 font as the plain TrueType/OpenType font it compresses. WeasyPrint does the
    same decompression itself for every font face of every PDF it makes (fontTools, in
    pure Python: more than half of a programme's rendering time); keyed by the font's own
    bytes, so a changed file is decompressed again."""
    from fontTools.ttLib import woff2

    out = io.BytesIO()
    woff2.decompress(io.BytesIO(woff2_bytes), out)
    return out.getvalue()


def _static(file_obj, path, mime_type):
    if not path.endswith(".woff2"):
        return {"file_obj": file_obj, "mime_type": mime_type}
    with file_obj:
        return {"string": _sfnt(file_obj.read()), "mime_type": "font/sfnt"}


def fetch(url):
    """WeasyPrint's resources come from our storages and static files, never over HTTP."""
    from weasyprint import default_url_fetcher

    if url.startswith("data:"):
        return default_url_fetcher(url)
    path = unquote(urlsplit(url).path)
    mime_type = mimetypes.guess_type(path)[0]
    found = media_file(url)
    if found is not None:
        return {"file_obj": found, "mime_type": mime_type}
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        found = finders.find(name) if ".." not in name.split("/") else None
        if found:
            return _static(open(found, "rb"), path, mime_type)
        if ".." not in name.split("/") and staticfiles_storage.exists(name):
            # Collected (production): the files under their own names are kept beside the
            # hashed copies.
            return _static(staticfiles_storage.open(name), path, mime_type)
    raise ValueError(f"not served to the PDF: {url}")


def programme_context(programme):
    from editions.identity import accent_of
    from editions.models import PracticalInfoPage

    edition = programme.edition
    site = programme.get_site()
    sessions = programme.with_edition(programme.sessions())
    return {
        "programme": programme,
        "edition": edition,
        "days": programme.schedule(sessions),
        "associated": programme.associated_events(sessions),
        # Only what a visitor of the programme may see: not a password-protected page.
        "info": (
            visibility.visible(PracticalInfoPage.objects.child_of(edition), within=programme)
            .order_by("path")
            .first()
            if edition
            else None
        ),
        "partners_by_tier": edition.partners_by_tier() if edition else [],
        "language_code": programme.locale.language_code,
        "accent": accent_of(edition),
        "fonts": f"{settings.STATIC_URL}fonts/source-sans-3/",
        "site_name": site.site_name if site else "",
        "address": programme.get_full_url(),
    }


def programme_html(programme):
    return render_to_string("pdf/programme.html", programme_context(programme))


class ProgrammePdf(NamedTuple):
    pdf: bytes
    cached: bool  # whether it came from the cache


def programme_pdf(programme):
    html = programme_html(programme)
    key = "programme-pdf:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is not None:
        return ProgrammePdf(pdf, cached=True)
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=fetch).write_pdf()
    cache.set(key, pdf, CACHE_TIMEOUT)
    return ProgrammePdf(pdf, cached=False)
