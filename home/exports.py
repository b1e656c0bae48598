"""Machine-readable exports of a page at "<page address><file name>", e.g.
/fr/2025/programme/calendar.ics: Wagtail's own routing only serves addresses without dots."""

from django.http import Http404, HttpResponse

from wagtail import hooks
from wagtail.models import Site


def serve_export(request, path, filename):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in path.split("/") if component]
    page, args, kwargs = site.root_page.localized.specific.route(request, components)
    exporter = getattr(page, "exports", {}).get(filename)
    if exporter is None:
        raise Http404
    # Privacy and other checks Wagtail runs before serving the page itself.
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return getattr(page, exporter)(request)
