"""The programme offline (issue 16, 2), the server's side: the list the service worker keeps,
its version after a publication, the page for what is not kept, the web app manifest and the
worker itself at the site's root."""

import gzip
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

import pytest
from bs4 import BeautifulSoup

from sessions.models import SessionPage

LIST = "/fr/hors-ligne.json"


@pytest.fixture
def visitor(demo_translated):
    return Client()


def body_of(visitor, url):
    """(bytes as sent, compressed when the server compresses them): pages from the site,
    the site's files as the production server sends them (WhiteNoise: gzip but for fonts
    and images, which are compressed already)."""
    if url.startswith(settings.STATIC_URL):
        with open(finders.find(url.removeprefix(settings.STATIC_URL)), "rb") as source:
            body = source.read()
        return body if url.endswith((".woff2", ".png")) else gzip.compress(body)
    response = visitor.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, url
    if response.get("Content-Encoding") == "gzip":
        return response.content
    return gzip.compress(response.content)


def kept(visitor, url=LIST):
    response = visitor.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    return json.loads(response.content)


def test_the_list_names_the_current_editions_pages_in_the_visitors_language(visitor):
    french = kept(visitor)
    pages = french["pages"]
    assert pages[:2] == ["/fr/", "/fr/2025/"]
    for page in (
        "/fr/2025/programme/",
        "/fr/2025/programme/seance-ouverture/",
        "/fr/2025/programme/mon-programme/",
        "/fr/2025/programme/modifications/",
        "/fr/2025/intervenants/",
        "/fr/2025/infos-pratiques/",
    ):
        assert page in pages, page
    sessions = [p for p in pages if p.startswith("/fr/2025/programme/") and p.count("/") == 5]
    assert len(sessions) == 14 + 2  # the sessions, « Mon programme » and the change log
    assert french["offline"] == ["/fr/hors-ligne/", "/en/hors-ligne/", "/es/hors-ligne/"]
    assert "/static/css/site.css" in french["assets"]
    assert not [p for p in pages if "/2024/" in p]  # past editions stay online
    english = kept(visitor, "/en/hors-ligne.json")
    assert "/en/2025/programme/official-opening/" in english["pages"]
    # Every page of the list answers, and the whole is light for a phone (text compressed).
    weight = sum(
        len(body_of(visitor, url)) for url in french["pages"] + french["assets"] + french["offline"]
    )
    assert weight < 1_000_000, weight


def test_a_publication_changes_the_version_and_only_then(visitor):
    before = kept(visitor)["version"]
    assert kept(visitor)["version"] == before
    session = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    session.title = "Séance d’ouverture, nouvelle heure"
    session.save_revision()  # a draft: nothing visitors see
    assert kept(visitor)["version"] == before
    session.save_revision().publish()
    assert kept(visitor)["version"] != before


def test_a_page_not_kept_says_so_in_the_visitors_language(visitor):
    for url, words in (
        ("/fr/hors-ligne/", "Vous êtes hors ligne, et cette page n’a pas été conservée"),
        ("/en/hors-ligne/", "You are offline, and this page was not kept on this device."),
        ("/es/hors-ligne/", "Está sin conexión y esta página no se guardó en este dispositivo."),
    ):
        response = visitor.get(url)
        assert response.status_code == 200
        assert words in " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def test_the_site_is_installable_in_the_editions_colour(visitor):
    from editions.models import EditionPage

    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    page = BeautifulSoup(visitor.get("/es/").content, "html.parser")
    assert page.select_one("link[rel=manifest]")["href"] == "/es/manifest.webmanifest"
    response = visitor.get("/es/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/es/" and manifest["lang"] == "es"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == (edition.accent_colour or "#1d3a6e").lower()
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix(settings.STATIC_URL)), icon


def test_the_worker_answers_for_the_whole_site(visitor):
    response = visitor.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b'addEventListener("fetch"' in response.content
