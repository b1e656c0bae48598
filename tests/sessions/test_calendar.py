"""iCalendar exports: the whole programme, a filtered programme and each session."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
)
from sessions.models import SessionPage


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    calendar = Calendar.from_ical(response.content)
    return calendar, list(calendar.walk("VEVENT"))


def test_whole_programme(demo, client):
    calendar, found = events(client.get("/fr/2025/programme/calendar.ics"))
    assert len(found) == 14
    assert str(calendar["x-wr-timezone"]) == "Europe/Paris"
    timezones = list(calendar.walk("VTIMEZONE"))
    assert [str(tz["tzid"]) for tz in timezones] == ["Europe/Paris"]
    workshop = next(e for e in found if str(e["summary"]) == "Ateliers")
    start = workshop.decoded("dtstart")
    assert start.tzinfo is not None and str(workshop["dtstart"].params["TZID"]) == "Europe/Paris"
    assert start.astimezone(datetime.UTC) == datetime.datetime(
        2025, 7, 4, 7, 30, tzinfo=datetime.UTC
    )
    assert workshop.decoded("dtend").astimezone(datetime.UTC).hour == 9
    assert "Salons de l’Hôtel des Arts & Métiers, 9bis, avenue d’Iéna, 75116 Paris, France" in str(
        workshop["location"]
    )
    assert str(workshop["url"]) == "http://testserver/fr/2025/programme/ateliers-matin/"
    assert str(workshop["status"]) == "CONFIRMED"
    b2b = next(e for e in found if str(e["summary"]) == "Rencontres B to B")
    assert str(b2b["location"]).startswith("Espace des Partenaires, Salons")


def test_uids_are_stable_across_exports_and_time_changes(demo, client):
    first = {
        str(e["summary"]) + str(e.decoded("dtstart")): str(e["uid"])
        for e in events(client.get("/fr/2025/programme/calendar.ics"))[1]
    }
    session = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    before = {str(e["uid"]) for e in events(client.get(session.url + "calendar.ics"))[1]}
    session.start += datetime.timedelta(minutes=30)
    session.save_revision().publish()
    after = events(client.get(session.url + "calendar.ics"))[1]
    assert {str(e["uid"]) for e in after} == before
    assert after[0].decoded("dtstart").astimezone(datetime.UTC).hour == 10  # 12:00 Paris
    again = {str(e["uid"]) for e in events(client.get("/fr/2025/programme/calendar.ics"))[1]}
    assert again == set(first.values())
    assert len(again) == 14


def test_filtered_programme_export_follows_the_filters(demo, client):
    soup = BeautifulSoup(
        client.get("/fr/2025/programme/", {"type": "workshop"}).content, "html.parser"
    )
    link = soup.select_one(".export-links a")
    assert link["href"] == "/fr/2025/programme/calendar.ics?type=workshop"
    head = soup.find("link", rel="alternate", type="text/calendar")
    assert head["href"] == link["href"]
    _calendar, found = events(client.get(link["href"]))
    assert [str(e["summary"]) for e in found] == ["Ateliers", "Ateliers"]


def test_cancelled_session_is_cancelled_in_calendars(demo, client):
    session = SessionPage.objects.get(slug="cocktail-dejeuner", locale__language_code="fr")
    session.status = "cancelled"
    session.save_revision().publish()
    soup = BeautifulSoup(client.get(session.url).content, "html.parser")
    # Not offered any more; a calendar that already has it learns it is cancelled.
    assert soup.find("a", string="Ajouter à mon agenda") is None
    assert soup.find("link", rel="alternate", type="text/calendar")["href"] == (
        "/fr/2025/programme/cocktail-dejeuner/calendar.ics"
    )
    _calendar, found = events(client.get("/fr/2025/programme/cocktail-dejeuner/calendar.ics"))
    assert [str(e["status"]) for e in found] == ["CANCELLED"]


def test_english_calendar_speaks_english_with_the_same_uids(demo_translated, client):
    french = {str(e["uid"]) for e in events(client.get("/fr/2025/programme/calendar.ics"))[1]}
    english = events(client.get("/en/2025/programme/calendar.ics"))[1]
    assert {str(e["uid"]) for e in english} == french
    assert "Workshops" in {str(e["summary"]) for e in english}
    assert any("Workshop" in str(e["categories"].cats[0]) for e in english)


def test_description_lists_type_summary_and_speakers(programme, edition, client):
    session = SessionPageFactory(
        parent=programme, title="Atelier climat", summary="Adaptation locale."
    )
    SessionSpeakerFactory(session=session, person=PersonFactory(first_name="Awa", last_name="Diop"))
    _calendar, found = events(client.get(session.url + "calendar.ics"))
    assert (
        str(found[0]["description"]) == "Atelier\n\nAdaptation locale.\n\nIntervenants : Awa Diop"
    )


@pytest.mark.django_db
def test_export_queries_do_not_grow_with_the_programme(client, home, venue):
    from editions.factories import EditionPageFactory
    from sessions.factories import ProgrammePageFactory

    counts = []
    for year, size in ((2025, 5), (2026, 50)):
        edition = EditionPageFactory(parent=home, year=year, venue=venue)
        programme = ProgrammePageFactory(parent=edition)
        room = RoomFactory(venue=venue)
        for n in range(size):
            session = SessionPageFactory(parent=programme, at=(9 + n % 8, 0), minutes=45, room=room)
            SessionSpeakerFactory(session=session)
        client.get(programme.url + "calendar.ics")
        with CaptureQueriesContext(connection) as queries:
            _calendar, found = events(client.get(programme.url + "calendar.ics"))
        assert len(found) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
