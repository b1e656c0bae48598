"""What every page shows around its content, computed once and shared through the cache
(home.caching.fragments.fragment), dropped by the same changes that drop the pages showing it."""

from django.utils import translation

from wagtail.models import Page, Site

from home.caching.fragments import Kept, fragment


def site_chrome(request):
    """The site settings and the legal pages in the current language (the footer)."""
    from .models import SiteSettings

    site = Site.find_for_request(request)
    if site is None:
        return {"settings": None, "legal_pages": []}
    language = translation.get_language()

    def compute():
        settings = SiteSettings.for_site(site)
        ids = [
            settings.legal_notice_page_id,
            settings.privacy_page_id,
            settings.accessibility_page_id,
        ]
        chosen = {p.pk: p for p in Page.objects.filter(pk__in=[i for i in ids if i])}
        keys = [chosen[i].translation_key for i in ids if i in chosen]
        translated = {
            p.translation_key: p
            for p in Page.objects.live().filter(
                translation_key__in=keys, locale__language_code=language
            )
        }
        originals = {p.translation_key: p for p in chosen.values() if p.live}
        legal = [translated.get(key) or originals.get(key) for key in keys]
        tags = {"site"} | {f"page:{key}" for key in keys}
        return Kept({"settings": settings, "legal_pages": [p for p in legal if p]}, tags)

    return fragment(f"site:{site.pk}:{language}", compute)


class LazySiteChrome:
    """For templates: reads the shared chrome on first use only."""

    def __init__(self, request):
        self.request = request
        self._value = None

    def _get(self):
        if self._value is None:
            self._value = site_chrome(self.request)
        return self._value

    @property
    def settings(self):
        return self._get()["settings"]

    @property
    def legal_pages(self):
        return self._get()["legal_pages"]


def context_processor(request):
    return {"site_chrome": LazySiteChrome(request)}
