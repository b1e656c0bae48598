"""django-axes' lockout page, in the visitor's language (the admin itself speaks French)."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation


def lockout_response(request, original_response=None, credentials=None):
    language = translation.get_language_from_request(request)
    with translation.override(language):
        response = TemplateResponse(
            request,
            settings.AXES_LOCKOUT_TEMPLATE,
            {"failure_limit": settings.AXES_FAILURE_LIMIT},
            status=settings.AXES_HTTP_RESPONSE_CODE,
        )
        response.render()
    response.headers["Content-Language"] = language
    return response
