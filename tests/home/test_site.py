"""Site-wide pages: search, sitemap, robots.txt, the 404 page, accessible page chrome."""

import io

import pytest
from bs4 import BeautifulSoup


@pytest.fixture
def indexed(demo):
    from django.core.management import call_command

    call_command("update_index", stdout=io.StringIO())


def test_search_finds_a_session(demo, indexed, client):
    response = client.get("/fr/search/", {"q": "plénière"})
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".search-results h2 a")]
    assert "Conférence plénière" in titles


def test_empty_search_shows_the_form_only(demo, client):
    soup = BeautifulSoup(client.get("/fr/search/").content, "html.parser")
    assert soup.select_one("form.search-form") is not None
    assert soup.select_one(".search-results") is None


def test_sitemap_and_robots(demo, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/fr/2025/programme/ateliers-matin/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_404_page(demo, client):
    response = client.get("/fr/2031/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/fr/",
        "/fr/2025/",
        "/fr/2025/programme/",
        "/fr/2025/programme/ateliers-matin/",
        "/fr/2025/infos-pratiques/",
        "/fr/2025/partenaires/",
        "/fr/2025/intervenants/",
    ],
)
def test_accessible_page_chrome(demo, client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.html["lang"] == "fr"
    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#main" and soup.select_one("main#main") is not None
    assert soup.select_one("header") and soup.select_one("footer") and soup.select_one("nav")
    assert len(soup.find_all("h1")) == 1
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), (
        levels
    )  # no skipped level
    assert all(img.has_attr("alt") for img in soup.find_all("img"))
    labels = {label["for"] for label in soup.find_all("label", attrs={"for": True})}
    for field in soup.select("main input:not([type=hidden]), main select"):
        assert field["id"] in labels
    # No script runs: the only script element allowed is JSON-LD data.
    assert all(s.get("type") == "application/ld+json" for s in soup.find_all("script"))


def test_search_page_switches_language_keeping_the_query(demo, client):
    soup = BeautifulSoup(client.get("/fr/search/", {"q": "atelier"}).content, "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert links == {"en": "/en/search/?q=atelier", "es": "/es/search/?q=atelier"}


@pytest.mark.parametrize(
    ("url", "title", "description", "locale"),
    [
        (
            "/fr/",
            "Rencontres de l'action internationale des collectivités territoriales",
            "Chaque année, Cités Unies France réunit",
            "fr_FR",
        ),
        ("/fr/2025/", "Rencontres de l'AICT 2025", "Construisons l’action internationale", "fr_FR"),
        ("/fr/2025/programme/", "Programme", None, "fr_FR"),
    ],
)
def test_link_previews_on_every_page(demo, client, url, title, description, locale):
    soup = BeautifulSoup(client.get(url).content, "html.parser")

    def meta(key):
        tag = soup.find("meta", property=key) or soup.find("meta", attrs={"name": key})
        return tag["content"] if tag else None

    assert meta("og:title") == title
    assert meta("og:url") == f"http://testserver{url}"
    assert meta("og:locale") == locale
    assert meta("og:image") == "http://testserver/static/img/share.png"
    from django.contrib.staticfiles import finders

    assert finders.find("img/share.png") is not None
    assert meta("twitter:card") == "summary_large_image"
    if description:
        assert meta("og:description").startswith(description)
        assert meta("description").startswith(description)
