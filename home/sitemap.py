"""sitemap.xml: every page the public may see (home/visibility.py) that does not show the
French words in another language, each with its translations as hreflang alternates (and
x-default, the French source), from two queries."""

from collections import defaultdict

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.models import Page

from home import visibility
from home.roles import HOME_DEPTH


@require_GET
def sitemap(request):
    from .translation import with_shows_french_words

    # A page that still shows the French words (an alias, or not translated yet) is not a
    # translation: neither listed nor an alternate (its canonical address is the French page).
    pages = [
        page
        for page in with_shows_french_words(
            visibility.visible(Page.objects.filter(depth__gte=HOME_DEPTH))
        )
        .select_related("locale")
        .order_by("path")
        if not page.shows_french_words
    ]
    groups = defaultdict(dict)
    for page in pages:
        groups[page.translation_key][page.locale.language_code] = page
    order = [code for code, _name in settings.LANGUAGES]

    def absolute(page):
        # The host that was asked (what the CDN forwards), not the Site record's hostname.
        url = page.get_url(request)
        return request.build_absolute_uri(url) if url else None

    urls = []
    for page in pages:
        loc = absolute(page)
        if not loc:
            continue
        translations = groups[page.translation_key]
        alternates = [
            (code, absolute(translations[code])) for code in order if code in translations
        ]
        if settings.LANGUAGE_CODE in translations:
            alternates.append(("x-default", absolute(translations[settings.LANGUAGE_CODE])))
        urls.append({"loc": loc, "lastmod": page.last_published_at, "alternates": alternates})
    return TemplateResponse(
        request, "sitemap.xml", {"urls": urls}, content_type="application/xml; charset=utf-8"
    )
