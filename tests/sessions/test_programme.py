"""The programme page: days × slots, parallel sessions, filters without JavaScript, constant queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
)
from sessions.models import SessionStatus


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def day(programme, edition):
    room = RoomFactory(name="Étoile 1", venue=edition.venue)
    sessions = {
        "opening": SessionPageFactory(
            parent=programme,
            title="Séance d’ouverture",
            session_type="opening",
            at=(9, 0),
            minutes=30,
        ),
        "workshop": SessionPageFactory(
            parent=programme,
            title="Atelier diplomatie",
            session_type="workshop",
            at=(9, 30),
            room=room,
        ),
        "regional": SessionPageFactory(
            parent=programme,
            title="Réunion Afrique",
            session_type="regional",
            at=(9, 30),
            region="Afrique de l'Ouest",
        ),
        "cancelled": SessionPageFactory(
            parent=programme,
            title="Atelier annulé",
            session_type="workshop",
            at=(15, 0),
            status=SessionStatus.CANCELLED,
        ),
    }
    SessionSpeakerFactory(
        session=sessions["workshop"], person=PersonFactory(first_name="Ada", last_name="Lovelace")
    )
    return room, sessions


def test_sessions_grouped_by_day_and_slot(client, programme, day):
    soup = soup_of(client.get(programme.url))
    days = soup.select("section.day")
    assert [d.h2.get_text(strip=True) for d in days] == ["vendredi 4 juillet 2025"]
    slots = days[0].select("section.slot")
    assert [s.h3.time.get_text(strip=True) for s in slots] == [
        "9\u00a0h\u00a000",
        "9\u00a0h\u00a030",
        "15\u00a0h\u00a000",
    ]
    parallel = slots[1]
    assert "2 séances en parallèle" in parallel.h3.get_text(" ", strip=True)
    assert parallel.select_one("ul.slot__sessions--parallel") is not None
    titles = [a.get_text(strip=True) for a in parallel.select(".session-card__title a")]
    assert titles == ["Atelier diplomatie", "Réunion Afrique"]
    assert "Ada Lovelace" in parallel.get_text()
    assert "Heure locale, fuseau Europe/Paris (UTC+02:00)".lower() in soup.get_text(" ").lower()


def test_cancelled_session_stays_visible_and_marked(client, programme, day):
    soup = soup_of(client.get(programme.url))
    card = soup.select_one(".session-card--cancelled")
    assert "Atelier annulé" in card.get_text()
    assert "Annulée" in card.get_text()
    session_page = soup_of(client.get(day[1]["cancelled"].url))
    assert "Cette séance est annulée." in session_page.get_text()


def test_filter_by_type_and_room_with_a_link_to_clear(client, programme, day):
    room, _ = day
    soup = soup_of(client.get(programme.url, {"type": "workshop"}))
    titles = [a.get_text(strip=True) for a in soup.select(".session-card__title a")]
    assert titles == ["Atelier diplomatie", "Atelier annulé"]
    clear = soup.select_one("a.filters__clear")
    assert clear["href"] == programme.url
    assert soup.select_one("#filter-type option[selected]")["value"] == "workshop"

    soup = soup_of(client.get(programme.url, {"type": "workshop", "room": room.pk}))
    assert [a.get_text(strip=True) for a in soup.select(".session-card__title a")] == [
        "Atelier diplomatie"
    ]

    soup = soup_of(client.get(programme.url, {"type": "closing"}))
    assert "Aucune séance ne correspond à ces filtres." in soup.get_text()


def test_unknown_filter_values_are_ignored(client, programme, day):
    soup = soup_of(client.get(programme.url, {"type": "<script>", "room": "abc"}))
    assert len(soup.select(".session-card")) == 4
    assert soup.select_one("a.filters__clear") is None


def test_filter_form_works_without_javascript(client, programme, day):
    soup = soup_of(client.get(programme.url))
    form = soup.select_one("form.filters")
    assert form["method"] == "get"
    assert form.select_one("button[type=submit]") is not None
    # The only script is the site's file for the stars and the offline copy: nothing of the
    # form's depends on it.
    assert [s.get("src") for s in soup.find_all("script")] == ["/static/js/site.js"]
    assert not [a for tag in form.find_all(True) for a in tag.attrs if a.startswith("on")]


def programme_queries(client, programme, edition, count):
    room = RoomFactory(venue=edition.venue)
    for n in range(count):
        session = SessionPageFactory(
            parent=programme, at=(9 + n % 8, 0), minutes=45, room=room if n % 2 else None
        )
        SessionSpeakerFactory(session=session)
        SessionSpeakerFactory(session=session, role="moderator")
    client.get(programme.url)  # warm caches (site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(programme.url)
    assert len(BeautifulSoup(response.content, "html.parser").select(".session-card")) == count
    return len(queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_programme(client, home, venue, settings):
    from editions.factories import EditionPageFactory

    settings.PAGE_CACHE_SECONDS = 0  # count a page made from the database
    from sessions.factories import ProgrammePageFactory

    small = EditionPageFactory(parent=home, year=2025, venue=venue)
    large = EditionPageFactory(parent=home, year=2026, venue=venue)
    small_count = programme_queries(client, ProgrammePageFactory(parent=small), small, 5)
    large_count = programme_queries(client, ProgrammePageFactory(parent=large), large, 50)
    assert small_count == large_count
    assert large_count <= 15


def test_filters_by_day_region_and_language_combine(client, programme, day):
    _room, sessions = day
    english = SessionPageFactory(
        parent=programme,
        title="Workshop in English",
        language="en",
        region="Afrique de l'Ouest",
        at=(15, 0),
    )
    soup = soup_of(client.get(programme.url, {"region": "Afrique de l'Ouest"}))
    assert [a.get_text(strip=True) for a in soup.select(".session-card__title a")] == [
        "Réunion Afrique",
        "Workshop in English",
    ]
    soup = soup_of(client.get(programme.url, {"region": "Afrique de l'Ouest", "language": "en"}))
    assert [a.get_text(strip=True) for a in soup.select(".session-card__title a")] == [
        english.title
    ]
    assert "1 séance correspond à ces filtres." in soup.get_text()
    assert (
        soup.select_one(".export-links a")["href"]
        == f"{programme.url}calendar.ics?region=Afrique+de+l%27Ouest&language=en"
    )
    soup = soup_of(client.get(programme.url, {"day": "2025-07-04", "type": "opening"}))
    assert [a.get_text(strip=True) for a in soup.select(".session-card__title a")] == [
        "Séance d’ouverture"
    ]
    soup = soup_of(client.get(programme.url, {"day": "2025-07-05"}))
    assert "Aucune séance ne correspond à ces filtres." in soup.get_text()
    soup = soup_of(client.get(programme.url, {"day": "demain"}))
    assert len(soup.select(".session-card")) == 5
