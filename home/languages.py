"""The language switcher and hreflang alternates of a page, from one query per page."""

from typing import NamedTuple

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

from home import visibility


def language_home_url(language_code):
    """/en/: that language's home (Wagtail falls back to the source home if it has none)."""
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


class ChromePages(NamedTuple):
    nav: list  # the edition's child pages shown in menus
    translations: dict  # language code -> the page in that language


def chrome_pages(page, edition):
    """The edition's navigation and the page's translations, those a visitor of the page
    may see (home/visibility.py), in a single query."""
    condition = Q(translation_key=page.translation_key)
    if edition is not None:
        condition |= Q(path__startswith=edition.path, depth=edition.depth + 1, show_in_menus=True)
    from wagtail_localize.models import StringTranslation

    from .translation import with_shows_french_words

    # Each row knows whether it shows the French words (shows_french_words): an alias or a
    # page no translator has published; and whether its title is
    # translated (title_translated): a page still in French shows its translated title in
    # menus (home/translation/publishing.py, show_french_words).
    title_translated = StringTranslation.objects.filter(
        context__object_id=OuterRef("translation_key"),
        context__path="title",
        locale_id=OuterRef("locale_id"),
        has_error=False,
    )
    rows = list(
        visibility.visible(with_shows_french_words(Page.objects.filter(condition)), within=page)
        .annotate(title_translated=Exists(title_translated))
        .select_related("locale")
        .order_by("path")
    )
    nav = [
        row
        for row in rows
        if edition is not None
        and row.show_in_menus
        and row.depth == edition.depth + 1
        and row.path.startswith(edition.path)
    ]
    translations = {
        row.locale.language_code: row for row in rows if row.translation_key == page.translation_key
    }
    return ChromePages(nav, translations)


def language_links(request, page, translations, suffix=""):
    """One entry per configured language: the same page when it is live in that language
    (translated or still in French), else that language's home; `suffix` carries a sub-route
    (a speaker's page) along."""
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            url = translated.get_url(request) + suffix
        else:
            url = language_home_url(code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "exists": translated is not None,
                "shows_french_words": translated is not None and translated.shows_french_words,
            }
        )
    return links


def alternates(request, translations, suffix=""):
    """(hreflang, absolute URL) for each live translation, plus x-default (the source);
    a page that still shows the French words is not a translation."""
    links = [
        (code, request.build_absolute_uri(page.get_url(request) + suffix))
        for code, _name in settings.LANGUAGES
        if (page := translations.get(code)) is not None and not page.shows_french_words
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        links.append(("x-default", request.build_absolute_uri(default.get_url(request) + suffix)))
    return links
