"""Each edition's identity: its key visual and accent colour, refused when unreadable, worn
by its pages, its cards, its sharing image and its printed programme, in every language."""

import base64
import hashlib
import re

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from editions.identity import contrast_ratio
from editions.models import EditionPage
from sessions.models import ProgrammePage
from sessions.printed import programme_html
from tests.helpers import errors_of, validate


@pytest.mark.parametrize(
    ("colour", "words"),
    [
        ("#ffcc00", ["#ffcc00", "blanc", "4,5:1", "plus foncée"]),
        # 4.54:1 on white, but 4.15:1 on the banner's tint, where it is read too.
        ("#767676", ["#767676", "fond teinté clair", "4,15:1"]),
        ("#777777", ["blanc", "4,47:1"]),  # 4.48: never rounded up to « 4,5 » in a refusal
        ("bleu", ["six chiffres hexadécimaux"]),
    ],
)
def test_an_unreadable_or_unknown_colour_is_refused_in_french(edition, colour, words):
    edition.accent_colour = colour
    (message,) = errors_of(edition)["accent_colour"]
    for word in words:
        assert word in message, message


def test_a_readable_colour_is_kept_in_one_spelling(edition):
    edition.accent_colour = "8E2442"
    validate(edition)
    edition.clean()
    assert edition.accent_colour == "#8e2442"
    assert contrast_ratio("#8e2442", "#ffffff") > 7


def style_and_policy(response):
    page = BeautifulSoup(response.content, "html.parser")
    (style,) = page.head.select("style")
    digest = base64.b64encode(hashlib.sha256(style.string.encode()).digest()).decode()
    return style.string, response.headers["Content-Security-Policy"], f"'sha256-{digest}'"


def test_the_edition_wears_its_identity_in_every_language_and_output(demo_translated, client):
    french = EditionPage.objects.get(year=2025, locale__language_code="fr")
    english = EditionPage.objects.get(year=2025, locale__language_code="en")
    spanish = EditionPage.objects.get(year=2025, locale__language_code="es")
    assert french.key_visual is not None and french.accent_colour == "#8e2442"
    # A fact: the English and Spanish pages have the French colour and visual.
    for translated in (english, spanish):
        assert (translated.accent_colour, translated.key_visual_id) == (
            "#8e2442",
            french.key_visual_id,
        )

    for edition in (french, english, spanish):
        response = client.get(edition.url)
        css, policy, allowed = style_and_policy(response)
        assert ":root{--accent:#8e2442}" in css
        # Allowed by its hash alone: no 'unsafe-inline' for styles.
        style_src = re.search(r"style-src ([^;]*)", policy)[1]
        assert allowed in style_src and "unsafe-inline" not in style_src
        page = BeautifulSoup(response.content, "html.parser")
        assert page.select_one(".edition-hero__visual picture source[type='image/avif']")
        assert page.select_one(".edition-banner .edition-banner__visual") is None  # its own page
        og = page.select_one('meta[property="og:image"]')["content"]
        assert og.startswith("http://testserver/media/images/") and og.endswith(".jpg")
        assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"
        assert page.select_one('meta[property="og:image:height"]')["content"] == "630"

    # The programme: its banner shows the visual, its colours are the edition's.
    programme = ProgrammePage.objects.child_of(english).get()
    response = client.get(programme.url)
    css, _policy, _allowed = style_and_policy(response)
    assert ":root{--accent:#8e2442}" in css
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one(".edition-banner__visual picture")

    # The home page: the featured card and the archive cards, each in its edition's colour.
    home = BeautifulSoup(client.get("/fr/").content, "html.parser")
    css = home.head.style.string
    assert ":root{--accent:#1d3a6e}" in css  # the site's own navy around the cards
    assert ".accent-2025{--accent:#8e2442}" in css and ".accent-2024{--accent:#00695c}" in css
    featured = home.select_one(".edition-card--featured")
    assert "accent-2025" in featured["class"]
    assert featured.select_one(".edition-card__visual img")["alt"] == ""
    past = [card for card in home.select(".edition-card") if "accent-2024" in card["class"]]
    assert past and past[0].select_one(".edition-card__visual img")["loading"] == "lazy"

    # The printed programme's cover: the poster and the colour.
    with translation.override("en"):
        html = BeautifulSoup(programme_html(programme), "html.parser")
    assert html.select_one(".cover img.cover__visual")["src"].endswith(".jpg")
    assert "h1, h2, h3 { color: #8e2442;" in html.style.string
    assert "border-top: 4mm solid #8e2442" in html.style.string


def test_a_changed_colour_reaches_the_pages_at_once(demo, client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    client.get(edition.url)  # stored in the page cache
    edition.accent_colour = "#1b5e20"
    edition.save_revision().publish()
    css, _policy, _allowed = style_and_policy(client.get(edition.url))
    assert ":root{--accent:#1b5e20}" in css
    home = BeautifulSoup(client.get("/fr/").content, "html.parser")
    assert ".accent-2025{--accent:#1b5e20}" in home.head.style.string


def test_a_preview_shows_the_colour_being_chosen(demo):
    """Wagtail's preview of the edition with a new colour, before it is published."""

    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    edition.accent_colour = "#4a148c"
    html = edition.make_preview_request().content.decode()
    assert ":root{--accent:#4a148c}" in html
    live = EditionPage.objects.get(pk=edition.pk)
    assert live.accent_colour == "#8e2442"  # nothing published
