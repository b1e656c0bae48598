from django import template

from sessions.selection import session_code as code

register = template.Library()


@register.filter
def session_code(translation_key):
    """A session's short code in a visitor's « Mon programme » (sessions/selection.py)."""
    return code(translation_key)
