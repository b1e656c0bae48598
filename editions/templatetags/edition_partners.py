"""`{% partners_grid edition heading_level %}`: an edition's partners by tier, their logos
included, made once and shared through the cache.

Each logo is a picture whose HTML the shared cache keeps (home/templatetags/pictures.py), one
read each: forty partners made forty round trips to Redis on every edition page made from
the database. The whole grid is one fragment instead, kept under the tags of everything on
the edition's pages (``edition:<key>``), which a partner's, a row's or a logo's change marks,
as it does for the footer's logos.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.caching.fragments import Kept, fragment

register = template.Library()


@register.simple_tag(takes_context=True)
def partners_grid(context, edition, heading_level, show_descriptions=False):
    request = context.get("request")

    def compute():
        engine = context.template.engine
        with context.push(heading_level=heading_level, show_descriptions=show_descriptions):
            html = engine.get_template("components/partners_by_tier.html").render(context)
        return Kept(html, edition.page_and_edition_tags(edition))

    if request is None or getattr(request, "is_preview", False) or not edition.pk:
        return mark_safe(compute().value)
    key = f"partners-grid:{edition.pk}:{get_language()}:{heading_level}:{bool(show_descriptions)}"
    return mark_safe(fragment(key, compute))
