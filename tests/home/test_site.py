"""Site-wide pages: sitemap, robots.txt, the 404 page, accessible page chrome (the search:
tests/search/)."""

import re

import pytest
from bs4 import BeautifulSoup


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
    # Scripts are files of the site's own (the stars of « Mon programme », the offline copy);
    # the only inline script element allowed is JSON-LD data.
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            continue
        assert script["src"].startswith("/static/js/") and not script.string, script


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
    if url == "/fr/":
        assert meta("og:image") == "http://testserver/static/img/share.png"
        from django.contrib.staticfiles import finders

        assert finders.find("img/share.png") is not None
    else:  # an edition's pages share its poster, cropped to the size link previews use
        assert re.fullmatch(
            r"http://testserver/media/images/affiche-aict-2025.*\.fill-1200x630\.format-jpeg\.jpg",
            meta("og:image"),
        )
        assert (meta("og:image:width"), meta("og:image:height")) == ("1200", "630")
    assert meta("twitter:card") == "summary_large_image"
    if description:
        assert meta("og:description").startswith(description)
        assert meta("description").startswith(description)


def test_public_pages_carry_a_content_security_policy_without_inline_script(demo, client):
    for url in ["/fr/", "/fr/2025/", "/fr/2025/programme/", "/en/search/?q=atelier"]:
        response = client.get(url, follow=True)
        policy = dict(
            part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
        )
        assert policy["script-src"] == "'self'"
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert policy["object-src"] == "'none'"
        # Never framed, as X-Frame-Options: DENY says too.
        assert policy["frame-ancestors"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"


def test_the_liveness_check_answers_without_the_database(db, client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/alive")
    assert response.status_code == 200
    assert response.content == b"ok\n"


def policy_of(header):
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def test_the_admin_has_a_content_security_policy_its_preview_included(demo, admin_client):
    from django.test import Client

    from sessions.models import SessionPage

    for url in ["/admin/login/", "/admin/", "/admin/pages/"]:
        response = (Client() if "login" in url else admin_client).get(url)
        assert response.status_code == 200, url
        enforced = policy_of(response["Content-Security-Policy"])
        assert enforced["object-src"] == "'none'"
        assert enforced["base-uri"] == "'self'"
        assert enforced["form-action"] == "'self'"
        assert enforced["frame-ancestors"] == "'self'"
        reported = policy_of(response["Content-Security-Policy-Report-Only"])
        assert reported["script-src"] == "'self'"
        assert "gravatar" not in response.content.decode()
    # Wagtail's preview is framed by the admin itself: both headers allow exactly that.
    session = SessionPage.objects.filter(locale__language_code="fr").first()
    response = admin_client.get(f"/admin/pages/{session.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy_of(response["Content-Security-Policy"])["frame-ancestors"] == "'self'"
    # The page itself, as Wagtail renders it for the panel (through the whole middleware
    # chain, at its public address): framed by the site only, the public policy otherwise.
    preview = session.make_preview_request()
    policy = policy_of(preview["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert session.title in preview.content.decode()
    # A visit to the same address is never framed.
    visit = Client().get(session.url)
    assert policy_of(visit["Content-Security-Policy"])["frame-ancestors"] == "'none'"


def test_the_favicon_is_served_and_named_by_every_page(demo, client):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 302
    icon = response["Location"]
    assert icon.endswith(".ico")
    soup = BeautifulSoup(client.get("/fr/2025/").content, "html.parser")
    named = [link["href"] for link in soup.select("link[rel~=icon], link[rel=apple-touch-icon]")]
    assert icon in named and len(named) == 3
    for href in named:
        found = finders.find(href.removeprefix("/static/"))
        assert found, href
    with open(finders.find(icon.removeprefix("/static/")), "rb") as ico:
        assert ico.read(4) == b"\x00\x00\x01\x00"  # an ICO file's header


def description(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select_one('meta[name="description"]')["content"]


def test_every_page_has_a_description_even_when_its_editors_wrote_none(demo_translated, client):
    from sessions.factories import PersonFactory, SessionSpeakerFactory
    from sessions.models import ProgrammePage, SessionPage

    # The demo's programme page has no introduction: what it is, of which edition, when, where.
    assert description(client, "/fr/2025/programme/") == (
        "Programme — Rencontres de l'AICT 2025, vendredi 4 juillet 2025, Paris."
    )
    # The same in English and Spanish, at each language's own address, with its own dates.
    programmes = {
        page.locale.language_code: page
        for page in ProgrammePage.objects.live().filter(url_path__contains="/2025/")
    }
    assert description(client, programmes["en"].url) == (
        f"{programmes['en'].title} — Rencontres de l'AICT 2025, Friday 4 July 2025, Paris."
    )
    assert description(client, programmes["es"].url) == (
        f"{programmes['es'].title} — Rencontres de l'AICT 2025, viernes 4 de julio de 2025, Paris."
    )
    # A speaker is described by their biography, or by where they speak.
    opening = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    bio = "Maire de Montpellier depuis 2020,\n  président de Montpellier Méditerranée Métropole."
    with_bio = PersonFactory(slug="michel-durand", bio=bio)
    person = PersonFactory(slug="awa-diop", first_name="Awa", last_name="Diop", bio="")
    SessionSpeakerFactory(session=opening, person=with_bio)
    SessionSpeakerFactory(session=opening, person=person)
    text = description(client, f"/fr/2025/intervenants/{person.slug}/")
    assert text == (
        "Awa Diop intervient aux Rencontres de l'AICT 2025, vendredi 4 juillet 2025, Paris."
    )
    text = description(client, f"/fr/2025/intervenants/{with_bio.slug}/")
    assert text == (
        "Maire de Montpellier depuis 2020, président de Montpellier Méditerranée Métropole."
    )
    # A page outside any edition.
    assert "Cités Unies France" in description(client, "/fr/search/?q=atelier")
    for url in [
        "/fr/",
        "/en/",
        "/es/",
        "/fr/2025/",
        programmes["es"].url,
        "/fr/2025/intervenants/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert description(client, url).strip(), url
