"""The translation editor's template (templates/wagtail_localize/admin/)."""

from django import template

from home.admin.localize import editor_props

register = template.Library()


@register.filter
def plain_strings_as_text(props):
    return editor_props(props)
