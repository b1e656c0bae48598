"""Three languages on the public site: switcher, hreflang, sitemap alternates, interface strings,
dates, translated slugs, and right-to-left support."""

import re
import xml.etree.ElementTree as ET

from django.core.cache import cache
from django.test import override_settings

from wagtail.models import Page

import pytest
import time_machine
from bs4 import BeautifulSoup


def soup_of(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def switcher(soup):
    return {
        el["lang"]: (el.get("href"), el.name == "span")
        for el in soup.select(".language-switcher [lang]")
    }


def alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("es-AR,es;q=0.8", "/es/"), ("fr-CA", "/fr/"), ("de, it", "/fr/")],
)
def test_root_redirects_by_browser_language(client, demo_translated, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_switcher_leads_to_the_same_session_in_each_language(client, demo_translated):
    soup = soup_of(client, "/fr/2025/programme/ateliers-matin/")
    assert switcher(soup) == {
        "fr": (None, True),
        "en": ("/en/2025/programme/morning-workshops/", False),
        "es": ("/es/2025/programa/talleres-manana/", False),
    }
    assert alternates(soup) == {
        "fr": "http://testserver/fr/2025/programme/ateliers-matin/",
        "en": "http://testserver/en/2025/programme/morning-workshops/",
        "es": "http://testserver/es/2025/programa/talleres-manana/",
        "x-default": "http://testserver/fr/2025/programme/ateliers-matin/",
    }
    english = soup_of(client, "/en/2025/programme/morning-workshops/")
    assert english.html["lang"] == "en"
    assert english.h1.get_text(strip=True) == "Workshops"


def test_an_untranslated_page_exists_in_french_words_marked_as_such(client, demo_translated):
    """The Spanish demo has no partners page: Spanish visitors get the French page in the
    Spanish site, its words marked lang="fr" with a note in Spanish; it is no hreflang
    alternate and its canonical address is the French page."""
    soup = soup_of(client, "/fr/2025/partenaires/")
    assert switcher(soup)["es"] == ("/es/2025/partenaires/", False)
    assert switcher(soup)["en"] == ("/en/2025/partners/", False)
    assert set(alternates(soup)) == {"fr", "en", "x-default"}

    spanish = soup_of(client, "/es/2025/partenaires/")
    assert spanish.html["lang"] == "es"
    assert spanish.main["lang"] == "fr"
    note = spanish.select_one(".untranslated-note")
    assert note["lang"] == "es"
    assert "todavía no" in note.get_text()
    assert spanish.find("link", rel="canonical")["href"] == "http://testserver/fr/2025/partenaires/"
    assert set(alternates(spanish)) == {"fr", "en", "x-default"}
    # Translated pages carry no such mark.
    english = soup_of(client, "/en/2025/partners/")
    assert not english.main.has_attr("lang")
    assert english.select_one(".untranslated-note") is None


def test_no_switcher_link_is_ever_a_404(client, demo_translated):
    checked = 0
    for page in Page.objects.live().filter(depth__gte=2):
        for href, current in switcher(soup_of(client, page.url)).values():
            if not current:
                assert client.get(href).status_code == 200, (page.url, href)
                checked += 1
    assert checked > 80


def test_speaker_pages_keep_their_sub_route_across_languages(
    client, demo_translated, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    from sessions.factories import PersonFactory, SessionSpeakerFactory
    from sessions.models import SessionPage

    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    ada = PersonFactory(first_name="Ada", last_name="Lovelace", slug="ada-lovelace")
    SessionSpeakerFactory(session=session, person=ada, locale=session.locale)
    english = Locale.objects.get(language_code="en")
    for obj in (ada, session):
        source, _ = TranslationSource.get_or_create_from_instance(obj)
        source.update_from_db()
        with django_capture_on_commit_callbacks(execute=True):
            source.create_or_update_translation(english, fallback=True)

    soup = soup_of(client, "/fr/2025/intervenants/ada-lovelace/")
    assert switcher(soup)["en"] == ("/en/2025/speakers/ada-lovelace/", False)
    assert alternates(soup)["en"] == "http://testserver/en/2025/speakers/ada-lovelace/"
    assert (
        soup_of(client, "/en/2025/speakers/ada-lovelace/").h1.get_text(strip=True) == "Ada Lovelace"
    )


def test_year_slug_is_shared_and_other_slugs_are_translated(client, demo_translated):
    assert client.get("/en/2025/speakers/").status_code == 200
    assert client.get("/en/2025/practical-information/").status_code == 200
    assert client.get("/es/2025/informacion-practica/").status_code == 200
    assert client.get("/en/intervenants/").status_code == 404


def test_sitemap_lists_every_language_with_alternates(client, demo_translated):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    session = entries["http://testserver/en/2025/programme/morning-workshops/"]
    assert session == {
        "fr": "http://testserver/fr/2025/programme/ateliers-matin/",
        "en": "http://testserver/en/2025/programme/morning-workshops/",
        "es": "http://testserver/es/2025/programa/talleres-manana/",
        "x-default": "http://testserver/fr/2025/programme/ateliers-matin/",
    }
    assert "es" not in entries["http://testserver/fr/2025/partenaires/"]
    # Pages that still show the French words (aliases) are not listed.
    assert "http://testserver/es/2025/partenaires/" not in entries
    assert len(entries) == Page.objects.live().filter(depth__gte=2, alias_of__isnull=True).count()


FRENCH_INTERFACE = [
    "Rechercher",
    "Intervenants",
    "Horaires",
    "Voir sur la carte",
    "Inscriptions closes",
    "Suivez-nous",
    "Accueil",
    "Lieu",
]
ENGLISH_INTERFACE = [
    "Search the site",
    "Online registration opens:",
    "Follow us",
    "Skip to main content",
    "Venue",
]


@pytest.mark.parametrize(
    ("url", "date", "time"),
    [
        ("/fr/2025/programme/", "vendredi 4 juillet 2025", "9\u00a0h\u00a030"),
        ("/en/2025/programme/", "Friday 4 July 2025", "9:30"),
        ("/es/2025/programa/", "viernes 4 de julio de 2025", "9:30"),
    ],
)
def test_dates_and_times_in_the_page_language(client, demo_translated, url, date, time):
    text = soup_of(client, url).get_text(" ")
    assert date in text
    assert time in text


def test_english_pages_carry_no_french_interface_string(client, demo_translated):
    for url in [
        "/en/",
        "/en/2025/",
        "/en/2025/programme/",
        "/en/2025/programme/morning-workshops/",
        "/en/2025/practical-information/",
        "/en/2025/partners/",
    ]:
        soup = soup_of(client, url)
        chrome = " ".join(
            el.get_text(" ")
            for el in soup.select(
                "header, .edition-banner, footer, .breadcrumbs, form, dt, .badge, h2, h3"
            )
        )
        for french in FRENCH_INTERFACE:
            assert not re.search(rf"\b{re.escape(french)}\b", chrome), (url, french)
    # While registration is open, as the organiser's pre-programme presents it (the page
    # kept above is today's: forget it).
    cache.clear()
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        text = soup_of(client, "/en/2025/").get_text(" ")
    for english in ENGLISH_INTERFACE:
        assert english in text
    assert "Let’s build tomorrow’s international action" in text
    assert "Today’s global challenges call for stronger cooperation" in text
    assert "Construisons" not in text


def test_french_pages_carry_no_english_interface_string(client, demo_translated):
    text = soup_of(client, "/fr/2025/").get_text(" ")
    for english in ENGLISH_INTERFACE:
        assert english not in text


def test_spanish_page_interface(client, demo_translated):
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        text = " ".join(soup_of(client, "/es/2025/").get_text(" ").split())
    assert "Apertura de las inscripciones en línea: 15 de abril de 2025" in text
    assert "¡Construyamos la acción internacional" in text
    assert "16.ª edición" in text


@override_settings(
    LANGUAGES=[("fr", "Français"), ("en", "English"), ("es", "Español"), ("ar", "العربية")]
)
def test_a_right_to_left_language_gets_dir_rtl(client, demo_translated):
    soup = soup_of(client, "/ar/")
    assert soup.html["lang"] == "ar"
    assert soup.html["dir"] == "rtl"
    assert soup_of(client, "/fr/").html["dir"] == "ltr"
