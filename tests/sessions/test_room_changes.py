"""A room renamed or deleted under published sessions (issue 24, finding 11): a room change
of each of them in every language's change log, its feed and the session's page, and a
higher SEQUENCE in calendars."""

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from django.test import Client

import pytest
import time_machine
from bs4 import BeautifulSoup

from sessions.models import ChangeKind, Room, SessionChange, SessionPage

PARIS = ZoneInfo("Europe/Paris")
PROGRAMME = {"fr": "/fr/2025/programme/", "en": "/en/2025/programme/", "es": "/es/2025/programa/"}
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def on_the_eve(demo_translated):
    """2 July 2025, two days before the 16th Rencontres."""
    with time_machine.travel(dt.datetime(2025, 7, 2, 10, 0, tzinfo=PARIS), tick=False):
        yield demo_translated


@pytest.fixture
def room():
    return Room.objects.get(name="Espace des Partenaires", locale__language_code="fr")


def names(room):
    """{language: the room's name on that language's pages}."""
    return dict(
        Room.objects.filter(translation_key=room.translation_key).values_list(
            "locale__language_code", "name"
        )
    )


def sessions_in(room):
    """{language: [the live sessions in the room, as pages of that language]}."""
    french = list(SessionPage.objects.live().filter(room=room).order_by("start", "pk"))
    assert len(french) >= 2, "the demo places several sessions in this room"
    found = {"fr": french}
    for code in ("en", "es"):
        found[code] = [
            SessionPage.objects.get(translation_key=s.translation_key, locale__language_code=code)
            for s in french
        ]
    return found


def words(response):
    assert response.status_code == 200, response
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def log_lines(visitor, code):
    soup = BeautifulSoup(visitor.get(PROGRAMME[code] + "modifications/").content, "html.parser")
    return [" ".join(li.get_text(" ").split()) for li in soup.select(".change-list li")]


def feed_titles(visitor, code):
    feed = ET.fromstring(visitor.get(PROGRAMME[code] + "modifications.atom").content)
    return [" ".join(e.find(f"{ATOM}title").text.split()) for e in feed.findall(f"{ATOM}entry")]


def event(visitor, session):
    """The session's calendar event, unfolded: {property: value}."""
    ics = visitor.get(session.url + "calendar.ics").content.decode().replace("\r\n ", "")
    block = ics.split("BEGIN:VEVENT", 1)[1].split("END:VEVENT", 1)[0]
    return dict(line.split(":", 1) for line in block.splitlines() if ":" in line)


def warm(visitor, pages):
    """What visitors had before: logs, feeds, session pages and calendars, kept in the cache."""
    for code in PROGRAMME:
        assert log_lines(visitor, code) == []
        assert feed_titles(visitor, code) == []
        for session in pages[code]:
            assert event(visitor, session)["SEQUENCE"] == "0"
            assert "Modifi" not in words(visitor.get(session.url))


def test_a_room_renamed_is_a_change_of_its_sessions_in_every_language(on_the_eve, visitor, room):
    pages = sessions_in(room)
    before = names(room)
    warm(visitor, pages)
    assert before["fr"] in event(visitor, pages["fr"][0])["LOCATION"]

    room.name = "Salle Victor-Hugo"
    room.save()

    first = pages["fr"][0]
    assert set(SessionChange.objects.values_list("kind", flat=True)) == {ChangeKind.ROOM}
    assert SessionChange.objects.count() == len(pages["fr"])
    # French visitors read the new name; English and Spanish ones, whose rooms keep their
    # translated names for now, are told what the French room became.
    told = {
        "fr": "Salle : Espace des Partenaires → Salle Victor-Hugo",
        "en": "Room: Espace des Partenaires → Salle Victor-Hugo",
        "es": "Sala: Espace des Partenaires → Salle Victor-Hugo",
    }
    for code in PROGRAMME:
        lines = log_lines(visitor, code)
        assert len(lines) == len(pages[code]), code
        for session in pages[code]:
            assert any(session.title in line and told[code] in line for line in lines), code
        titles = feed_titles(visitor, code)
        assert any(
            pages[code][0].title in title and told[code].split(" ", 1)[1] in title
            for title in titles
        ), (code, titles)
    assert "Modifiée le 2 juillet : salle : Espace des Partenaires → Salle Victor-Hugo" in words(
        visitor.get(first.url)
    )
    assert "Changed on 2 July: room: Espace des Partenaires → Salle Victor-Hugo" in words(
        visitor.get(pages["en"][0].url)
    )
    assert "Modificada el 2 de julio: sala: Espace des Partenaires → Salle Victor-Hugo" in words(
        visitor.get(pages["es"][0].url)
    )
    # Calendars replace the event, with the room's new name where it changed.
    for code in PROGRAMME:
        for session in pages[code]:
            assert event(visitor, session)["SEQUENCE"] == "1", (code, session.title)
    assert "Salle Victor-Hugo" in event(visitor, first)["LOCATION"]

    # Saving the row again without a new name (its capacity, say, or a draft's bookkeeping
    # when rooms are moderated) is not a change of its sessions.
    room.capacity = 120
    room.save()
    Room.objects.get(pk=room.pk).save(update_fields=["capacity"])
    assert SessionChange.objects.count() == len(pages["fr"])


def test_a_translators_new_name_is_words_and_the_french_one_a_change(on_the_eve, visitor, room):
    pages = sessions_in(room)
    english = Room.objects.get(translation_key=room.translation_key, locale__language_code="en")
    english.name = "Partners’ Hall"
    english.save()
    # The French room is the fact: a translation's words make no change of its sessions.
    assert not SessionChange.objects.exists()
    assert event(visitor, pages["en"][0])["SEQUENCE"] == "0"
    room.name = "Espace Partenaires"
    room.save()
    lines = log_lines(visitor, "en")
    assert len(lines) == len(pages["en"])
    assert all("Room: Espace des Partenaires → Espace Partenaires" in line for line in lines)
    assert event(visitor, pages["en"][0])["SEQUENCE"] == "1"


def test_a_room_deleted_is_a_change_of_its_sessions_in_every_language(on_the_eve, visitor, room):
    pages = sessions_in(room)
    before = names(room)
    warm(visitor, pages)

    room.delete()

    told = {
        "fr": f"Salle : {before['fr']} → à annoncer",
        "en": f"Room: {before['en']} → to be announced",
        "es": f"Sala: {before['es']} → por anunciar",
    }
    for code in PROGRAMME:
        lines = log_lines(visitor, code)
        assert len(lines) == len(pages[code]), (code, lines)
        assert all(told[code] in line for line in lines), (code, lines)
        assert any(told[code].split(" ", 1)[1] in title for title in feed_titles(visitor, code))
        for session in pages[code]:
            calendar = event(visitor, session)
            assert calendar["SEQUENCE"] == "1", (code, session.title)
            # The room is gone in every language, not only on the French pages.
            assert before[code] not in calendar["LOCATION"], code
    assert f"Modifiée le 2 juillet : salle : {before['fr']} → à annoncer" in words(
        visitor.get(pages["fr"][0].url)
    )
    assert f"Changed on 2 July: room: {before['en']} → to be announced" in words(
        visitor.get(pages["en"][0].url)
    )

    # The session published again later: the deletion was told once, not again now.
    first = SessionPage.objects.get(pk=pages["fr"][0].pk)
    first.summary = "Résumé mis à jour."
    first.save_revision().publish()
    assert SessionChange.objects.filter(session_key=first.translation_key).count() == 1
    assert event(visitor, first)["SEQUENCE"] == "1"
