from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language

from wagtail.models import Locale, Page


def search(request):
    """Full-text search over the live pages of the visitor's language."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        results = Page.objects.live().public().filter(locale=locale).specific().search(query)
    paginator = Paginator(results, 20)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "search_query": query,
            "search_results": page if query else None,
            "language_links": language_links(query),
        },
    )


def language_links(query):
    """The same search in each language."""
    suffix = f"?{urlencode({'q': query})}" if query else ""
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse("search") + suffix
        links.append(
            {"code": code, "name": name, "url": url, "current": code == current, "translated": True}
        )
    return links
