from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home.caching import routing
from home.exports import filenames_pattern
from home.sitemap import sitemap
from search import views as search_views
from sessions import offline

from .views import alive, favicon_ico, robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon_ico, name="favicon_ico"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("alive", alive, name="alive"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# /fr/, /en/, /es/ (French included); "/" is redirected by the browser's language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("hors-ligne.json", offline.offline_list, name="offline_list"),
    path("hors-ligne/", offline.offline_page, name="offline_page"),
    path("manifest.webmanifest", offline.web_manifest, name="web_manifest"),
    # A page's exports (calendar.ics…) are routes of the page, served by Wagtail's own view
    # like the page itself (home/exports.py); Wagtail's pattern takes no dots.
    re_path(
        rf"^(?P<path>(?:[\w\-]+/)*(?:{filenames_pattern()}))$",
        routing.serve,
        name="page_export",
    ),
    # Wagtail's serve view, its route kept in the cache (home/caching/routing.py): same
    # address and name, so Wagtail's page URLs reverse to it.
    # Wagtail's own utility views (_util/: a page's password form) are Wagtail's.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
