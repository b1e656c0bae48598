from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def alive(request):
    """The load balancer's liveness check: the process answers, the same bytes every time,
    without the database or the cache (the benchmark's floor, bench/README.md)."""
    return HttpResponse(b"ok\n", content_type="text/plain")


@require_GET
def favicon_ico(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: the icon's
    fingerprinted file (pages name it and its SVG in their head)."""
    return HttpResponseRedirect(static("img/favicon.ico"))
