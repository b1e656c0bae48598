import re

from .wagtail_hooks import deny


class TranslationLocaleGuardMiddleware:
    """wagtail-localize's string, PO and machine-translation endpoints check the snippet
    type's permission only; a translator may reach them for their own language only."""

    pattern = re.compile(r"^/admin/localize/translate/(?P<translation_id>\d+)/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        match = self.pattern.match(request.path)
        if match and getattr(request, "user", None) is not None:
            from wagtail_localize.models import Translation

            from .translators import translator_languages

            languages = translator_languages(request.user)
            if languages is not None:
                locale = (
                    Translation.objects.filter(pk=match["translation_id"])
                    .values_list("target_locale__language_code", flat=True)
                    .first()
                )
                if locale not in languages:
                    deny()
        return self.get_response(request)
