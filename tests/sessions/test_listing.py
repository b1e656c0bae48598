"""The programme reads its sessions as rows and keeps each card's HTML under the session's
own tags (sessions/listing.py): a change shows on every card that shows it, in every
language, and a publish costs the card of the session it touched, not the other 79."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from sessions.factories import PersonFactory, SessionSpeakerFactory
from sessions.models import Person, Room, SessionPage

PROGRAMMES = {"fr": "/fr/2025/programme/", "en": "/en/2025/programme/", "es": "/es/2025/programa/"}


@pytest.fixture
def uncached(demo_translated, settings):
    """Pages made from the database at each request (as for every publish on the day, each
    filter, each preview, each editor): only the fragment caches remain."""
    settings.PAGE_CACHE_SECONDS = 0
    return demo_translated


def card_of(client, url, title_part):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    cards = [
        card
        for card in soup.select("article.session-card")
        if title_part in card.select_one(".session-card__title").get_text()
    ]
    assert len(cards) == 1, (url, title_part)
    return cards[0]


def card_at(client, url, address):
    """The card linking to `address`."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    (card,) = [
        c for c in soup.select("article.session-card") if c.select_one(f"a[href='{address}']")
    ]
    return card


def speaker_queries(queries):
    return [q["sql"] for q in queries if '"programme_sessionspeaker"' in q["sql"]]


def test_a_publish_renders_again_only_the_card_it_touched(uncached, client):
    url = PROGRAMMES["fr"]
    client.get(url)  # every card made once
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert speaker_queries(warm) == []  # no session page loaded: every card from the cache

    session = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    session.title = "Séance d'ouverture solennelle"
    session.save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        card = card_of(client, url, "solennelle")
    loaded = speaker_queries(after)
    assert len(loaded) == 1
    # The speakers of that session only (the card's page loaded again, not its neighbours').
    assert re.search(rf"IN \({session.pk}\)", loaded[0]), loaded[0]
    assert card.select_one("a")["href"] == "/fr/2025/programme/seance-ouverture/"


def test_a_speaker_renamed_shows_on_the_cards_in_every_language(uncached, client):
    from wagtail.models import Locale

    opening = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    person = PersonFactory(first_name="Awa", last_name="Diop")
    SessionSpeakerFactory(session=opening, person=person)
    for code in ("en", "es"):  # each language's copy lists the person's copy, as synced
        locale = Locale.objects.get(language_code=code)
        copy = person.copy_for_translation(locale)
        copy.save()
        SessionSpeakerFactory(session=opening.get_translation(locale), person=copy)
    for language, url in PROGRAMMES.items():
        assert "Awa Diop" in client.get(url).content.decode(), language
    for copy in Person.objects.filter(translation_key=person.translation_key):
        copy.last_name = "Diop-Sall"
        copy.save()
    for language, url in PROGRAMMES.items():
        speakers = [
            card.get_text()
            for card in BeautifulSoup(client.get(url).content, "html.parser").select(
                ".session-card__speakers"
            )
        ]
        assert any("Awa Diop-Sall" in text for text in speakers), (language, speakers)


def test_a_room_renamed_shows_on_its_sessions_cards(uncached, client):
    session = (
        SessionPage.objects.filter(locale__language_code="fr", room__isnull=False)
        .select_related("room")
        .first()
    )
    url = PROGRAMMES["fr"]
    before = card_at(client, url, session.url)
    assert before.select_one(".session-card__room").get_text() == session.room.name
    room = Room.objects.get(pk=session.room_id)
    room.name = "Salle Victor-Hugo"
    room.save()
    after = card_at(client, url, session.url)
    assert after.select_one(".session-card__room").get_text() == "Salle Victor-Hugo"
    # The filter offers the new name too (it reads the rows, not the cards).
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    rooms = [option.get_text() for option in soup.select("#filter-room option")]
    assert "Salle Victor-Hugo" in rooms


def test_an_edition_cancelled_marks_every_card_in_every_language(uncached, client):
    from editions.models import EditionPage

    for url in PROGRAMMES.values():
        client.get(url)
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    edition.status = "cancelled"
    edition.save_revision().publish()
    labels = {"fr": "Annulée", "en": "Cancelled", "es": "Cancelada"}
    for language, url in PROGRAMMES.items():
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        cards = soup.select("article.session-card")
        assert cards, language
        for card in cards:
            assert "session-card--cancelled" in card["class"], language
            assert card.select_one(".badge--cancelled").get_text() == labels[language]


def test_a_translated_title_published_shows_on_that_language_only(uncached, client):
    from wagtail.models import Locale

    source = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    english = source.get_translation(Locale.objects.get(language_code="en"))
    for url in PROGRAMMES.values():
        client.get(url)
    english.title = "Grand opening of the Rencontres"
    english.save_revision().publish()
    assert card_of(client, PROGRAMMES["en"], "Grand opening")
    french = BeautifulSoup(client.get(PROGRAMMES["fr"]).content, "html.parser")
    assert "Grand opening" not in french.get_text()


def test_the_filtered_programme_reuses_the_cards_of_the_whole_one(uncached, client):
    client.get(PROGRAMMES["fr"])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PROGRAMMES["fr"] + "?type=workshop")
    assert response.status_code == 200
    assert speaker_queries(queries) == []
    soup = BeautifulSoup(response.content, "html.parser")
    cards = soup.select("article.session-card")
    assert cards and all("session-card--workshop" in card["class"] for card in cards)


def test_every_card_missing_is_made_in_one_go(uncached, client):
    from django.core.cache import cache

    client.get(PROGRAMMES["fr"])
    cache.clear()  # a new cache server, say: all the cards to make again
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PROGRAMMES["fr"])
    assert response.status_code == 200
    assert len(speaker_queries(queries)) == 1  # the speakers of every card, in one query
