"""The printed programme: an A4 PDF made from the same content as the programme page, in
the page's language, by WeasyPrint. It is rendered as HTML first (a few queries) and the
PDF is cached under the HTML's fingerprint, so it is made again only when something it
shows has changed."""

import hashlib
import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

CACHE_TIMEOUT = 30 * 24 * 3600
BASE_URL = "https://pdf.invalid/"  # nothing is fetched from the network


def fetch(url):
    """WeasyPrint's resources come from our storages, never over HTTP."""
    from weasyprint import default_url_fetcher

    if url.startswith("data:"):
        return default_url_fetcher(url)
    path = unquote(urlsplit(url).path)
    mime_type = mimetypes.guess_type(path)[0]
    if path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        return {"file_obj": default_storage.open(name), "mime_type": mime_type}
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        if found:
            return {"file_obj": open(found, "rb"), "mime_type": mime_type}  # noqa: SIM115
    raise ValueError(f"not served to the PDF: {url}")


def programme_context(programme):
    from editions.models import PracticalInfoPage

    edition = programme.edition
    return {
        "programme": programme,
        "edition": edition,
        "days": programme.schedule(),
        "info": PracticalInfoPage.objects.live().child_of(edition).first() if edition else None,
        "partners_by_tier": edition.partners_by_tier() if edition else [],
        "language_code": programme.locale.language_code,
    }


def programme_html(programme):
    return render_to_string("pdf/programme.html", programme_context(programme))


def programme_pdf(programme):
    """(pdf bytes, whether it came from the cache)."""
    html = programme_html(programme)
    key = "programme-pdf:" + hashlib.sha256(html.encode()).hexdigest()
    pdf = cache.get(key)
    if pdf is not None:
        return pdf, True
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=fetch).write_pdf()
    cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf, False
