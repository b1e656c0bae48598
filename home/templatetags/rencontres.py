"""Template helpers for the public site: ordinals, date ranges, phone links, headings."""

import contextlib
import time
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django import template
from django.template.base import Token
from django.utils import timezone
from django.utils.formats import date_format, get_format_modules, number_format, time_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as image_tag_parser

from home.caching import page_cache
from home.caching.fragments import fragment
from home.clock import to_local
from home.days import is_midnight, last_day
from home.text import tel_href as _tel_href

register = template.Library()


@register.filter
def edition_ordinal(number):
    """16 -> « 16e » in French, "16th" in English, "16.ª" in Spanish (une édition, una edición)."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return ""
    language = (get_language() or "fr")[:2]
    if language == "fr":
        return "1re" if number == 1 else f"{number}e"
    if language == "es":
        return f"{number}.ª"
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _local(value, tz):
    return to_local(value, tz or None)


@register.simple_tag
def date_range(start, end, tz=None):
    """« vendredi 4 juillet 2025 », or « du mercredi 23 octobre 2024 au jeudi 24 octobre 2024 »."""
    if not start:
        return ""
    start = _local(start, tz)
    # An end at midnight (whole days) closes the day before.
    last = last_day(end, start.tzinfo) if end else start.date()
    if last <= start.date():
        return date_format(start, "DATE_FORMAT")
    return _("from %(start)s to %(end)s") % {
        "start": date_format(start, "DATE_FORMAT"),
        "end": date_format(last, "DATE_FORMAT"),
    }


@register.simple_tag
def time_range(start, end, tz=None):
    """« 9 h 30 – 11 h 00 » in the given time zone."""
    if not start:
        return ""
    zone = _local(start, tz).tzinfo
    if end and end > start and is_midnight(start, zone) and is_midnight(end, zone):
        return _("all day")  # whole days: no time is known
    text = date_format(_local(start, tz), "TIME_FORMAT")
    if end:
        text += " – " + date_format(_local(end, tz), "TIME_FORMAT")
    return text


@register.filter
def day_date(value):
    """« 15 avril 2025 », "15 April 2025", "15 de abril de 2025": the DAY_FORMAT of the
    active language's format module (Django only looks up its own format names)."""
    if not value:
        return ""
    modules = get_format_modules(get_language())
    fmt = next((m.DAY_FORMAT for m in modules if hasattr(m, "DAY_FORMAT")), "j F Y")
    return date_format(to_local(value) if timezone.is_aware(value) else value, fmt)


@register.filter
def intcomma_local(number):
    """1200 -> « 1 200 » in French, "1,200" in English, "1.200" in Spanish."""
    return number_format(number, force_grouping=True)


@register.filter
def tel_href(number):
    return _tel_href(number)


SHORT_URL_LENGTH = 32


@register.filter
def short_url(url):
    """An address as print shows it, to be read and typed: no scheme, no « www. », no
    query; the path only while the whole stays short (« cites-unies-france.org », not
    « https://cites-unies-france.org/Rencontres-de-l-AICT- »). mailto: and tel: give the
    address or the number."""
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme in ("mailto", "tel"):
        return parts.path
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return url
    path = parts.path.rstrip("/")
    whole = host + path
    return whole if len(whole) <= SHORT_URL_LENGTH else host


@register.filter
def iso(value):
    return value.isoformat() if value else ""


@register.simple_tag
def slot_time(slot):
    """When a slot of the timetable is, as the programme and the edition page head it:
    « 9 h 30 – 11 h 00 » in <time> elements, or « Toute la journée ». A tag rather than an
    included template: it runs once per slot, some thirty times on a programme."""
    if slot.dates_only:
        return capfirst(_("all day"))

    def moment(value):
        local = timezone.localtime(value)
        return format_html(
            '<time datetime="{}">{}</time>', iso(value), time_format(local, "TIME_FORMAT")
        )

    if slot.end:
        return format_html("{} – {}", moment(slot.start), moment(slot.end))
    return moment(slot.start)


@register.filter
def is_within(page, other):
    """Whether `page` is `other` or one of its descendants (for the navigation's current item)."""
    return bool(page and other and page.path.startswith(other.path))


@register.filter
def quoted(text):
    """Quotation marks of the page's language: « … » in French, “…” in English, «…» in Spanish."""
    if not text:
        return ""
    language = (get_language() or "fr")[:2]
    if language == "fr":
        return f"«\u00a0{text}\u00a0»"
    if language == "es":
        return f"«{text}»"
    return f"“{text}”"


@register.simple_tag
def heading(level, element_id, text):
    """<h2 id="…">text</h2> at the level the including template asks for (2 by default)."""
    level = level if level in (2, 3, 4) else 2
    return format_html('<h{0} id="{1}">{2}</h{0}>', level, element_id, text)


OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "ar": "ar_AR", "pt": "pt_PT"}


@register.filter
def og_locale(language_code):
    """Open Graph wants language_TERRITORY: fr → fr_FR."""
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag
def edition_registration(edition):
    """The edition's registration call to action in the page's language, at request time."""
    if edition is None:
        return None
    return edition.registration(get_language())


@register.filter
def title_lang_attr(page):
    """`lang_attr` for a page's title: none when its title is translated although its other
    words are still French (a menu entry: home/languages.py's `title_translated`)."""
    if getattr(page, "title_translated", False):
        return ""
    return lang_attr(page)


@register.filter
def lang_attr(obj):
    """` lang="fr"` where `obj` (a page or a snippet) still has the French words in a page of
    another language (home/translation/); nothing otherwise."""
    from home.translation import words_language

    code = words_language(obj)
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}"', code)


class DistinctWidthsPictureNode(PictureNode):
    """Wagtail's `picture`, less the renditions that are no wider than a smaller one of the
    same format: a source image smaller than the largest size asked for gives two renditions
    of the same width, which a `srcset` may not hold (the Nu HTML checker's error)."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        if self.output_var_name:
            renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
            context[self.output_var_name] = Picture(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        # The HTML is a function of the image's file and focal point, the sizes asked and the
        # attributes: made once per process (looking up six renditions costs milliseconds a
        # picture, on every render of a page made without the page cache). A replaced file
        # or a moved focal point makes another key, as it makes other renditions.
        key = (
            image.pk,
            image.file.name,
            image.get_focal_point().as_tuple() if image.has_focal_point() else None,
            tuple(self.filter_specs),
            tuple(sorted((name, str(value)) for name, value in attrs.items())),
        )
        html = recalled_picture(key)
        if html is None:
            renditions = distinct_widths(get_renditions_or_not_found(image, self.get_filters()))
            if len(renditions) == len({suffix(r) for r in renditions.values()}):
                # One width per format: a `srcset` of plain addresses, which `sizes` may not
                # go with.
                attrs.pop("sizes", None)
            html = Picture(renditions, attrs).__html__()
            if all(r.file.name != "not-found" for r in renditions.values()):
                remember_picture(key, html)
        return html


# The pictures' HTML, per process: {key: (html, when made)}, the oldest dropped first, each
# kept ten minutes at most (a rendition deleted by another process without its image
# changing, by `wagtail_update_image_renditions --purge-only`, is asked again by then).
# This process forgets them all when a rendition or an image changes or goes.
PICTURES = {}
PICTURES_KEPT = 5000
PICTURE_SECONDS = 600


def recalled_picture(key):
    found = PICTURES.get(key)
    if found is None or time.monotonic() - found[1] > PICTURE_SECONDS:
        return None
    return found[0]


def remember_picture(key, html):
    if len(PICTURES) >= PICTURES_KEPT:
        with contextlib.suppress(RuntimeError, StopIteration):  # another thread changed it
            PICTURES.pop(next(iter(PICTURES)), None)
    PICTURES[key] = (html, time.monotonic())


def forget_pictures(**kwargs):
    PICTURES.clear()


def suffix(rendition):
    return PurePosixPath(rendition.file.name).suffix


def distinct_widths(renditions):
    """{spec: rendition} without a rendition whose format and width an earlier one has."""
    kept, seen = {}, set()
    for spec, rendition in renditions.items():
        key = (suffix(rendition), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


@register.tag
def responsive_picture(parser, token):
    """`{% responsive_picture image format-{avif,webp,jpeg} fill-{240x300,480x600} … %}`: as
    Wagtail's `picture` tag, whose arguments it takes, with distinct widths."""
    _name, arguments = token.contents.split(None, 1)
    # Wagtail's own parser, given the same arguments under the name of its `picture` tag.
    as_picture = Token(token.token_type, f"picture {arguments}", token.position, token.lineno)
    node = image_tag_parser(parser, as_picture)
    return DistinctWidthsPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


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
            return template.render(context), tags

    if request is None or getattr(request, "is_preview", False) or (edition and not edition.pk):
        return mark_safe(compute()[0])
    key = f"footer:{page_cache.site_key(request)}:{get_language()}:{edition.pk if edition else 0}"
    return mark_safe(fragment(key, compute))
