from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError


class AdminDefaultLanguageMiddleware:
    """The admin speaks the site's source language (French) whatever the browser asks for.

    Wagtail then uses an editor's own preference (account settings) when one is set, so a
    translator can still choose English or Spanish for the admin.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/admin/"

    def __call__(self, request):
        if request.path.startswith(self.prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


def serialise(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


class ContentSecurityPolicyMiddleware:
    """A Content-Security-Policy everywhere. The public site: scripts, styles and frames only
    from where the settings allow, never inline (the public pages have no script of their
    own; JSON-LD data blocks are not scripts), never framed, except a page rendered as
    Wagtail's preview (the admin's preview panel frames it, from the site itself). The admin:
    what Wagtail works under, enforced, and the strict rest reported only (settings:
    ADMIN_CONTENT_SECURITY_*)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = serialise(settings.CONTENT_SECURITY_POLICY)
        self.admin_policy = serialise(settings.ADMIN_CONTENT_SECURITY_POLICY)
        self.admin_report_only = serialise(settings.ADMIN_CONTENT_SECURITY_POLICY_REPORT_ONLY)

    # Uploaded files opened on their own (an SVG logo, say) may run nothing at all.
    media_policy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox"

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.MEDIA_URL):
            response.headers["Content-Security-Policy"] = self.media_policy
        elif request.path.startswith(("/admin/", "/django-admin/")):
            response.headers.setdefault("Content-Security-Policy", self.admin_policy)
            response.headers.setdefault(
                "Content-Security-Policy-Report-Only", self.admin_report_only
            )
        else:
            response.headers.setdefault("Content-Security-Policy", self.public_policy(request))
        return response

    def public_policy(self, request):
        """The public policy, allowing by their hashes the `<style>` blocks the page declared
        while rendering (`request.csp_style_hashes`: an edition's colours).

        Wagtail renders a preview through the whole middleware chain, with a request of its
        own (`is_preview`) for the page's public address: that response is what the admin's
        preview panel frames, so it may be framed by the site itself (the admin's preview
        view also answers X-Frame-Options: SAMEORIGIN). A real visit is never framed."""
        hashes = getattr(request, "csp_style_hashes", None)
        preview = getattr(request, "is_preview", False)
        if not hashes and not preview:
            return self.policy
        policy = dict(settings.CONTENT_SECURITY_POLICY)
        if hashes:
            policy["style-src"] = [*policy.get("style-src", []), *sorted(hashes)]
        if preview:
            policy["frame-ancestors"] = ["'self'"]
        return serialise(policy)


class RejectNulMiddleware:
    """No address may carry a NUL character: PostgreSQL cannot store or compare one, so such a
    request would otherwise end in a database error wherever its text reaches a query. No
    real visitor sends one; it gets a plain 400."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in name or any("\x00" in value for value in values)
            for name, values in request.GET.lists()
        ):
            return HttpResponseBadRequest("Bad request", content_type="text/plain")
        return self.get_response(request)


class MissingFieldMiddleware:
    """A form posted without a field its view reads unguarded (Wagtail's StreamField count,
    wagtail-localize's PO upload): no browser sends that, a crafted request does. It gets a
    plain 400 rather than a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError):
            return HttpResponseBadRequest(
                "Bad request: a form field is missing.", content_type="text/plain"
            )
        return None
