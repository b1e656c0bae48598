"""Parts of a page: the site's footer, headings, the current navigation item, the registration
call to action, a fallback description."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.caching import sites
from home.caching.fragments import Kept, fragment

from .dates import date_range

register = template.Library()


@register.filter
def is_within(page, other):
    """Whether `page` is `other` or one of its descendants (for the navigation's current item)."""
    return bool(page and other and page.path.startswith(other.path))


@register.simple_tag
def heading(level, element_id, text):
    """<h2 id="…">text</h2> at the level the including template asks for (2 by default)."""
    level = level if level in (2, 3, 4) else 2
    return format_html('<h{0} id="{1}">{2}</h{0}>', level, element_id, text)


@register.simple_tag
def edition_registration(edition):
    """The edition's registration call to action in the page's language, at request time."""
    if edition is None:
        return None
    return edition.registration(get_language())


@register.simple_tag(takes_context=True)
def fallback_description(context):
    """The page's description for search engines and link previews when its editors wrote
    none: what the page is, of which edition, when and where; a speaker's biography."""
    page, edition, person = context.get("page"), context.get("edition"), context.get("person")
    if person is not None and person.bio:
        return Truncator(" ".join(person.bio.split())).chars(300)
    if edition is None or not getattr(edition, "start", None):
        return _(
            "The international action meetings of local and regional authorities, organised "
            "by Cités Unies France."
        )
    facts = {
        "edition": edition.title,
        "dates": date_range(edition.start, edition.end, edition.tzinfo),
        "place": edition.venue.city if edition.venue_id else "",
    }
    if person is not None:
        text = _("%(name)s speaks at %(edition)s, %(dates)s") % {**facts, "name": person.full_name}
    elif page is None or page.pk == edition.pk:
        text = _("%(edition)s, %(dates)s") % facts
    else:
        text = _("%(page)s — %(edition)s, %(dates)s") % {**facts, "page": page.title}
    return f"{text}, {facts['place']}." if facts["place"] else f"{text}."


@register.simple_tag(takes_context=True)
def site_footer(context):
    """The site's footer: the same on every page of an edition in a language (its partners'
    logos, the organisation's contacts, the legal pages), so made once and kept in the page
    cache under the tags its content changes mark (the site's settings and legal pages:
    ``site``; the edition's partners, tiers and logos: ``edition:<key>``). A preview makes it
    afresh (it may show unsaved partners)."""
    request = context.get("request")
    edition = context.get("edition") or None

    def compute():
        template = context.template.engine.get_template("components/site_footer.html")
        tags = {"site"} | ({f"edition:{edition.translation_key}"} if edition else set())
        partners = edition.footer_partners() if edition is not None else []
        with context.push(footer_partners=partners):
            return Kept(template.render(context), tags)

    if request is None or getattr(request, "is_preview", False) or (edition and not edition.pk):
        return mark_safe(compute().value)
    key = f"footer:{sites.site_key(request)}:{get_language()}:{edition.pk if edition else 0}"
    return mark_safe(fragment(key, compute))


class PageFragmentNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        page, request = context.get("page"), context.get("request")

        def compute():
            return Kept(self.nodelist.render(context), page.cache_tags())

        if (
            page is None
            or not page.pk
            or request is None
            or getattr(request, "is_preview", False)
            or request.GET
        ):
            return self.nodelist.render(context)
        key = f"page-fragment:{page.pk}:{get_language()}:{self.name.resolve(context)}"
        return mark_safe(fragment(key, compute))


@register.tag
def page_fragment(parser, token):
    """`{% page_fragment "name" %}…{% endpage_fragment %}`: a part of the page's view, made
    once and shared through the cache under the page's own tags (dropped exactly when the
    page's cached view is). For a list of pictures (the speakers' photos, the partners'
    logos): each picture's HTML is one read of the shared cache, so a list of a hundred made
    a hundred round trips to Redis on every view made from the database; the list is one.
    Not kept for a preview, nor for a view with parameters (it may filter what it shows)."""
    _tag, name = token.split_contents()
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(nodelist, parser.compile_filter(name))
