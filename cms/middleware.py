from django.conf import settings
from django.utils import translation


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
