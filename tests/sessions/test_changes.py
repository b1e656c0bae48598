"""What changed (issue 16, 4): made from the published revisions, shown in each language on
the change log, its Atom feed and the session's page, and counted in calendars' SEQUENCE."""

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from django.test import Client

import pytest
import time_machine
from bs4 import BeautifulSoup

from sessions.factories import PersonFactory
from sessions.models import (
    ChangeKind,
    ProgrammePage,
    Room,
    SessionChange,
    SessionPage,
    SessionSpeaker,
)

PARIS = ZoneInfo("Europe/Paris")
LOGS = {
    "fr": "/fr/2025/programme/modifications/",
    "en": "/en/2025/programme/modifications/",
    "es": "/es/2025/programa/modifications/",
}
SESSION_PAGES = {
    "fr": "/fr/2025/programme/seance-ouverture/",
    "en": "/en/2025/programme/official-opening/",
    "es": "/es/2025/programa/apertura-oficial/",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def opening(code="fr"):
    french = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    return SessionPage.objects.get(
        translation_key=french.translation_key, locale__language_code=code
    )


def text(response):
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


def log_lines(visitor, code):
    soup = BeautifulSoup(visitor.get(LOGS[code]).content, "html.parser")
    return [" ".join(li.get_text(" ").split()) for li in soup.select(".change-list li")]


def publish(page):
    page.save_revision().publish()


def workshop(programme, title, slug, hour):
    """A new workshop of an hour on 4 July 2025, in the tree, not published."""
    session = SessionPage(
        title=title,
        slug=slug,
        session_type="workshop",
        start=dt.datetime(2025, 7, 4, hour, 0, tzinfo=PARIS),
        end=dt.datetime(2025, 7, 4, hour + 1, 0, tzinfo=PARIS),
    )
    programme.add_child(instance=session)
    return session


def move_by(session, minutes):
    session.start += dt.timedelta(minutes=minutes)
    session.end += dt.timedelta(minutes=minutes)


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def on_the_eve(demo_translated):
    """2 July 2025, two days before the 16th Rencontres."""
    with time_machine.travel(dt.datetime(2025, 7, 2, 10, 0, tzinfo=PARIS), tick=False):
        yield demo_translated


def test_a_time_change_reaches_every_language_its_page_the_feed_and_calendars(on_the_eve, visitor):
    nothing = {
        "fr": "Aucune modification depuis la publication du programme.",
        "en": "No change since the programme was published.",
        "es": "Ningún cambio desde la publicación del programa.",
    }
    for code in LOGS:  # what visitors had before: kept in the page cache
        assert nothing[code] in text(visitor.get(LOGS[code]))
        page = BeautifulSoup(visitor.get(SESSION_PAGES[code]).content, "html.parser")
        assert page.select_one(".changes-note") is None
    session = opening()
    move_by(session, 15)
    publish(session)

    assert log_lines(visitor, "fr") == [
        "10 h 00 Séance d’ouverture officielle des Rencontres 9 h 00 → 9 h 15"
    ]
    assert log_lines(visitor, "en") == [
        "10:00 Official opening session of the Rencontres 9:00 → 9:15"
    ]
    assert log_lines(visitor, "es") == [
        "10:00 Sesión de apertura oficial de los Rencontres 9:00 → 9:15"
    ]
    assert "Modifiée le 2 juillet : 9 h 00 → 9 h 15" in text(visitor.get(SESSION_PAGES["fr"]))
    assert "Changed on 2 July: 9:00 → 9:15" in text(visitor.get(SESSION_PAGES["en"]))
    assert "Modificada el 2 de julio: 9:00 → 9:15" in text(visitor.get(SESSION_PAGES["es"]))

    # The programme links to its log and to the feed.
    soup = BeautifulSoup(visitor.get("/fr/2025/programme/").content, "html.parser")
    assert soup.select_one(".changes-note a")["href"] == LOGS["fr"]
    feed_link = soup.select_one('link[rel=alternate][type="application/atom+xml"]')
    assert feed_link["href"] == "/fr/2025/programme/modifications.atom"
    feed = ET.fromstring(visitor.get(feed_link["href"]).content)
    entries = feed.findall(f"{ATOM}entry")
    assert [" ".join(e.find(f"{ATOM}title").text.split()) for e in entries] == [
        "Séance d’ouverture officielle des Rencontres : 9 h 00 → 9 h 15"
    ]
    assert entries[0].find(f"{ATOM}link").get("href").endswith(SESSION_PAGES["fr"])

    # The calendar event says it is the first revision of what calendars had.
    calendar = visitor.get(SESSION_PAGES["fr"] + "calendar.ics").content.decode()
    assert "SEQUENCE:1" in calendar
    move_by(session, 15)
    publish(session)
    calendar = visitor.get(SESSION_PAGES["en"] + "calendar.ics").content.decode()
    assert "SEQUENCE:2" in calendar


def test_drafts_and_edits_before_the_first_publication_are_not_changes(on_the_eve, visitor):
    session = opening()
    move_by(session, 30)
    session.save_revision()  # a draft: visitors saw nothing
    move_by(session, 30)
    session.save_revision()
    assert not SessionChange.objects.exists()
    publish(session)
    # One change, from what visitors saw to what they see: not the drafts in between.
    (change,) = SessionChange.objects.all()
    assert change.kind == ChangeKind.TIME
    assert log_lines(visitor, "fr") == [
        "10 h 00 Séance d’ouverture officielle des Rencontres 9 h 00 → 10 h 00"
    ]

    programme = ProgrammePage.objects.get(slug="programme", locale__language_code="fr")
    assert programme.announced_at is not None  # the demo's programme was announced
    programme.announced_at = None  # as while a programme is being put together
    publish(programme)
    new = workshop(programme, "Atelier ajouté la veille", "atelier-veille", 14)
    new.save_revision()
    new.start += dt.timedelta(hours=1)
    new.end += dt.timedelta(hours=1)
    new.save_revision().publish()
    # Not announced yet: a new session is part of the programme being put together.
    assert SessionChange.objects.filter(kind=ChangeKind.ADDED).count() == 0
    programme.announced_at = dt.datetime(2025, 6, 1, tzinfo=PARIS)
    publish(programme)
    later = workshop(programme, "Atelier de dernière minute", "atelier-derniere-minute", 16)
    publish(later)
    lines = log_lines(visitor, "fr")
    assert lines[0] == "10 h 00 Atelier de dernière minute Séance ajoutée"
    assert len(lines) == 2


def test_cancellations_rooms_and_speakers_are_listed(on_the_eve, visitor):
    session = opening()
    room = Room.objects.filter(locale__language_code="fr").first()
    person = PersonFactory(first_name="Awa", last_name="Diop")
    session.room = room
    session.speakers.add(SessionSpeaker(person=person))
    publish(session)
    session.status = "cancelled"
    session.speakers.clear()
    publish(session)
    kinds = list(SessionChange.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["room", "speaker_added", "cancelled", "speaker_withdrawn"]
    body = text(visitor.get(LOGS["fr"]))
    assert f"Salle : à annoncer → {room.name}" in body
    assert "Intervenant·e ajouté·e : Awa Diop" in body
    assert "Séance annulée" in body
    assert "Intervenant·e retiré·e : Awa Diop" in body
    english = text(visitor.get(LOGS["en"]))
    assert "Session cancelled" in english and "Speaker added: Awa Diop" in english
    spanish = text(visitor.get(LOGS["es"]))
    assert "Sesión cancelada" in spanish and "Ponente retirado/a: Awa Diop" in spanish


def test_a_withdrawn_session_is_still_named_in_the_log(on_the_eve, visitor):
    opening().unpublish()
    soup = BeautifulSoup(visitor.get(LOGS["en"]).content, "html.parser")
    (line,) = soup.select(".change-list li")
    assert "Official opening session of the Rencontres" in line.get_text()
    assert line.select_one("a") is None  # its page is gone
    assert "withdrawn from the programme" in line.get_text()
