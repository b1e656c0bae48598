"""schema.org JSON-LD on edition and session pages."""

import datetime
import json

import time_machine
from bs4 import BeautifulSoup

from editions.factories import PARIS, EditionPageFactory
from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
)


def json_ld(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_demo_edition_event(demo, client):
    with time_machine.travel("2025-05-02 12:00 +02:00", tick=False):
        data = json_ld(client, "/fr/2025/")
    assert data["@type"] == "Event"
    assert data["name"] == "Rencontres de l'AICT 2025"
    assert data["startDate"] == "2025-07-04T08:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["inLanguage"] == "fr"
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "9bis, avenue d’Iéna",
        "postalCode": "75116",
        "addressLocality": "Paris",
        "addressCountry": "France",
    }
    assert data["organizer"]["name"] == "Cités Unies France"
    assert data["offers"]["url"] == "http://raict.org"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["offers"]["validFrom"] == "2025-04-15T00:00:00+02:00"
    assert len(data["subEvent"]) == 14
    assert data["subEvent"][0]["url"] == "http://testserver/fr/2025/programme/accueil/"


def test_registration_availability_follows_the_clock(demo, client):
    with time_machine.travel("2025-03-01 12:00 +01:00", tick=False):
        assert (
            json_ld(client, "/fr/2025/")["offers"]["availability"] == "https://schema.org/PreOrder"
        )
    with time_machine.travel("2025-06-01 12:00 +02:00", tick=False):
        data = json_ld(client, "/fr/2025/")
        assert data["offers"]["availability"] == "https://schema.org/InStock"
    # Closed (here: the edition is over) is not sold out: nothing is offered any more.
    with time_machine.travel("2025-07-05 12:00 +02:00", tick=False):
        assert "offers" not in json_ld(client, "/fr/2025/")


def test_rescheduled_and_cancelled_editions(home, client):
    EditionPageFactory(
        parent=home,
        year=2020,
        status="rescheduled",
        start=datetime.datetime(2020, 9, 10, 9, tzinfo=PARIS),
        end=datetime.datetime(2020, 9, 10, 18, tzinfo=PARIS),
        previous_start=datetime.datetime(2020, 7, 2, 9, tzinfo=PARIS),
    )
    EditionPageFactory(parent=home, year=2022, status="cancelled")
    rescheduled = json_ld(client, "/fr/2020/")
    assert rescheduled["eventStatus"] == "https://schema.org/EventRescheduled"
    assert rescheduled["previousStartDate"] == "2020-07-02T09:00:00+02:00"
    assert json_ld(client, "/fr/2022/")["eventStatus"] == "https://schema.org/EventCancelled"


def test_session_event(programme, edition, client):
    room = RoomFactory(name="Étoile 1", venue=edition.venue)
    session = SessionPageFactory(
        parent=programme, title="Atelier <climat>", room=room, language="en", status="cancelled"
    )
    SessionSpeakerFactory(session=session, person=PersonFactory(first_name="Awa", last_name="Diop"))
    response = client.get(session.url)
    assert (
        "<climat>"
        not in response.content.decode().split('application/ld+json">')[1].split("</script>")[0]
    )
    data = json_ld(client, session.url)
    assert data["name"] == "Atelier <climat>"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["inLanguage"] == "en"
    assert data["superEvent"]["url"] == "http://testserver/fr/2025/"
    assert data["location"]["name"] == "Étoile 1, Salons de l’Hôtel des Arts & Métiers"
    assert data["performer"] == [{"@type": "Person", "name": "Awa Diop"}]
    assert data["startDate"] == "2025-07-04T09:30:00+02:00"
