"""Words in the page's language: ordinals, numbers, quotation marks, short addresses, phone
links, Open Graph locales, and `lang` where French words show on another language's page."""

from urllib.parse import urlsplit

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language

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


OG_LOCALES = {"fr": "fr_FR", "en": "en_GB", "es": "es_ES", "ar": "ar_AR", "pt": "pt_PT"}


@register.filter
def og_locale(language_code):
    """Open Graph wants language_TERRITORY: fr → fr_FR."""
    return OG_LOCALES.get(language_code, language_code)


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
