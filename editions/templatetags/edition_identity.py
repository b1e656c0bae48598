"""`{% identity_style edition %}`: the editions' colours as one `<style>` block, allowed by the
Content-Security-Policy through its hash (editions/identity.py)."""

from django import template
from django.utils.html import format_html

from editions.identity import accent_of, csp_hash, identity_css, normalised
from editions.models import EditionPage
from home import visibility
from home.caching.fragments import Kept, fragment

register = template.Library()


def accents():
    """{year: colour} of every edition with an accent of its own (one query, shared through
    the cache; any edition's publish marks `site`)."""

    def compute():
        rows = (
            visibility.visible(EditionPage.objects.all())
            .exclude(accent_colour="")
            .values_list("year", "accent_colour")
            .distinct()
        )
        colours = {year: normalised(colour) for year, colour in rows}
        return Kept({year: colour for year, colour in colours.items() if colour}, {"site"})

    return fragment("edition-accents", compute)


@register.simple_tag(takes_context=True)
def identity_style(context, edition=None):
    # The page's edition as it is being shown (a preview's unsaved colour too).
    css = identity_css(accents(), accent_of(edition))
    request = context.get("request")
    if request is not None:
        hashes = getattr(request, "csp_style_hashes", set())
        hashes.add(csp_hash(css))
        request.csp_style_hashes = hashes
    return format_html("<style>{}</style>", css)
