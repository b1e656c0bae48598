"""The public search: sessions with their day and time, accents, filters, partners and
speakers found with their edition, the language switch keeping the query."""

import io

import pytest
from bs4 import BeautifulSoup


@pytest.fixture
def indexed(demo):
    from django.core.management import call_command

    call_command("update_index", stdout=io.StringIO())


def search(client, **params):
    soup = BeautifulSoup(client.get("/fr/search/", params).content, "html.parser")
    return soup, [a.get_text(strip=True) for a in soup.select(".search-results h2 a")]


def test_search_finds_a_session_with_its_day_and_time(indexed, client):
    soup, titles = search(client, q="plénière")
    assert "Conférence plénière" in titles
    item = soup.find("a", string="Conférence plénière").find_parent("li")
    when = " ".join(item.select_one(".search-results__when").get_text(" ").split())
    assert (
        when == "vendredi 4 juillet 2025, 11 h 30 – 13 h 00"
    )  # split() also splits no-break spaces


def test_accents_do_not_matter(indexed, client):
    _soup, with_accents = search(client, q="décentralisée")
    _soup, without = search(client, q="decentralisee")
    assert "Rencontres de l'AICT 2024" in with_accents
    assert with_accents == without
    assert search(client, q="PLENIERE")[1] == search(client, q="plénière")[1]


def test_newest_edition_first_and_filters(indexed, client):
    _soup, titles = search(client, q="Rencontres")
    editions = [t for t in titles if t.startswith("Rencontres de l'AICT 20")]
    assert editions == sorted(editions, reverse=True)
    _soup, titles = search(client, q="Rencontres", edition="2024")
    assert titles == ["Rencontres de l'AICT 2024"]
    _soup, titles = search(client, q="ateliers", type="workshop")
    assert titles == ["Ateliers", "Ateliers"]
    _soup, titles = search(client, q="ateliers", type="plenary")
    assert titles == []


def test_partners_are_found_with_their_edition(indexed, client):
    soup, titles = search(client, q="platforma")
    assert "PLATFORMA" in titles
    link = soup.find("a", string="PLATFORMA")
    assert link["href"] == "/fr/2025/partenaires/"


def test_speakers_are_found_on_their_edition_page(indexed, client):
    from sessions.factories import PersonFactory, SessionSpeakerFactory
    from sessions.models import SessionPage

    person = PersonFactory(first_name="Hélène", last_name="Décamps", slug="helene-decamps")
    SessionSpeakerFactory(
        session=SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr"),
        person=person,
    )
    person.save()  # indexed on save outside the tests; here by hand
    from wagtail.search.backends import get_search_backend

    get_search_backend().add(person)
    soup, titles = search(client, q="helene decamps")
    assert "Hélène Décamps" in titles
    assert (
        soup.find("a", string="Hélène Décamps")["href"] == "/fr/2025/intervenants/helene-decamps/"
    )


def test_search_page_switches_language_keeping_the_query(demo, client):
    soup = BeautifulSoup(client.get("/fr/search/", {"q": "atelier"}).content, "html.parser")
    links = {a["lang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert links == {"en": "/en/search/?q=atelier", "es": "/es/search/?q=atelier"}
