"""frab-compatible schedule.xml and schedule.json, validated against the format's public
schemas in ../shared/schemas/ (read where they lie, never copied into the project)."""

import json

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

import jsonschema
import pytest
import xmlschema
from bs4 import BeautifulSoup

from sessions.factories import (
    PersonFactory,
    RoomFactory,
    SessionPageFactory,
    SessionSpeakerFactory,
)
from sessions.models import SessionPage

SCHEMAS = settings.BASE_DIR.parent / "shared" / "schemas"
pytestmark = pytest.mark.skipif(
    not SCHEMAS.exists(), reason="../shared/schemas is not beside the project"
)


@pytest.fixture(scope="module")
def xml_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "frab-schedule.xml.xsd"))


@pytest.fixture(scope="module")
def json_validator():
    schema = json.loads((SCHEMAS / "frab-schedule.schema.json").read_text())
    return jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())


def assert_valid_json(validator, data):
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def test_demo_programme_validates_in_both_formats(demo, client, xml_schema, json_validator):
    response = client.get("/fr/2025/programme/schedule.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert_valid_json(json_validator, data)
    xml = client.get("/fr/2025/programme/schedule.xml")
    assert xml["Content-Type"] == "application/xml; charset=utf-8"
    xml_schema.validate(xml.content.decode())

    conference = data["schedule"]["conference"]
    assert conference["acronym"] == "aict2025"
    assert conference["time_zone_name"] == "Europe/Paris"
    events = [e for day in conference["days"] for room in day["rooms"].values() for e in room]
    assert len(events) == 14
    workshop = next(e for e in events if e["slug"] == "aict2025-ateliers-matin")
    assert workshop["date"] == "2025-07-04T09:30:00+02:00"
    assert (workshop["start"], workshop["duration"]) == ("09:30", "01:30")
    assert workshop["type"] == "workshop" and workshop["track"] == "Atelier"
    assert workshop["language"] == "fr"
    assert workshop["url"] == "http://testserver/fr/2025/programme/ateliers-matin/"
    b2b = next(e for e in events if e["slug"] == "aict2025-rencontres-b-to-b-matin")
    assert b2b["room"] == "Espace des Partenaires"
    assert {r["name"] for r in conference["rooms"]} == {
        "Espace des Partenaires",
        "Salons de l’Hôtel des Arts & Métiers",
    }


def test_persons_abstract_cancelled_and_filters(
    programme, edition, client, xml_schema, json_validator
):
    room = RoomFactory(name="Étoile 1", venue=edition.venue)
    workshop = SessionPageFactory(
        parent=programme,
        title="Atelier climat",
        summary="Adaptation locale.",
        room=room,
        slug="atelier-climat",
    )
    SessionSpeakerFactory(
        session=workshop, person=PersonFactory(first_name="Awa", last_name="Diop", bio="Maire.")
    )
    SessionPageFactory(
        parent=programme,
        title="Plénière",
        session_type="plenary",
        status="cancelled",
        at=(11, 30),
        slug="pleniere",
    )
    data = client.get(programme.url + "schedule.json").json()
    assert_valid_json(json_validator, data)
    xml_schema.validate(client.get(programme.url + "schedule.xml").content.decode())
    events = {
        e["slug"]: e
        for day in data["schedule"]["conference"]["days"]
        for r in day["rooms"].values()
        for e in r
    }
    assert events["aict2025-atelier-climat"]["persons"] == [
        {
            "name": "Awa Diop",
            "guid": str(workshop.speakers.get().person.translation_key),
            "biography": "Maire.",
        }
    ]
    assert events["aict2025-atelier-climat"]["abstract"] == "Adaptation locale."
    assert events["aict2025-pleniere"]["title"] == "Plénière (Annulée)"
    filtered = client.get(programme.url + "schedule.json", {"type": "plenary"}).json()
    slugs = [
        e["slug"]
        for day in filtered["schedule"]["conference"]["days"]
        for r in day["rooms"].values()
        for e in r
    ]
    assert slugs == ["aict2025-pleniere"]


def test_programme_page_advertises_its_exports(demo, client):
    soup = BeautifulSoup(client.get("/fr/2025/programme/").content, "html.parser")
    types = {
        link["type"]: link["href"] for link in soup.find_all("link", rel="alternate", type=True)
    }
    assert types == {
        "text/calendar": "/fr/2025/programme/calendar.ics",
        "application/json": "/fr/2025/programme/schedule.json",
        "application/xml": "/fr/2025/programme/schedule.xml",
        "application/atom+xml": "/fr/2025/programme/modifications.atom",
    }


def test_guids_are_stable_and_shared_by_translations(demo_translated, client):
    def guids(url):
        data = client.get(url).json()
        return {
            e["guid"]: e["title"]
            for day in data["schedule"]["conference"]["days"]
            for r in day["rooms"].values()
            for e in r
        }

    french, english = (
        guids("/fr/2025/programme/schedule.json"),
        guids("/en/2025/programme/schedule.json"),
    )
    assert set(french) == set(english)
    workshop = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    assert french[str(workshop.translation_key)] == "Ateliers"
    assert english[str(workshop.translation_key)] == "Workshops"


@pytest.mark.django_db
def test_export_size_and_queries_grow_linearly(client, home, venue):
    from editions.factories import EditionPageFactory
    from sessions.factories import ProgrammePageFactory

    measures = []
    for year, size in ((2025, 5), (2026, 50)):
        edition = EditionPageFactory(parent=home, year=year, venue=venue)
        programme = ProgrammePageFactory(parent=edition)
        for n in range(size):
            session = SessionPageFactory(parent=programme, at=(9 + n % 8, 0), minutes=45)
            SessionSpeakerFactory(session=session)
        client.get(programme.url + "schedule.xml")
        with CaptureQueriesContext(connection) as queries:
            body = client.get(programme.url + "schedule.xml").content
        measures.append((len(queries), len(body)))
    (small_q, small_size), (large_q, large_size) = measures
    assert small_q == large_q
    assert large_size < small_size * 12  # ten times the sessions, not more than linear growth
