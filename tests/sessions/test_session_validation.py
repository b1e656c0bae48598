import datetime

from django.utils import translation

from editions.factories import VenueFactory
from sessions.factories import RoomFactory, SessionPageFactory
from sessions.models import SessionPage
from tests.helpers import TREE_FIELDS, errors_of, validate


def new_session(programme, start, end, **fields):
    tz = programme.edition.tzinfo
    session = SessionPage(
        title="Atelier",
        slug="atelier",
        session_type="workshop",
        start=datetime.datetime(*start, tzinfo=tz),
        end=datetime.datetime(*end, tzinfo=tz),
        **fields,
    )
    session._parent_for_validation = programme
    return session


def test_a_valid_session(programme):
    new_session(programme, (2025, 7, 4, 9, 30), (2025, 7, 4, 11, 0)).full_clean(exclude=TREE_FIELDS)


def test_end_after_start(programme):
    session = new_session(programme, (2025, 7, 4, 11, 0), (2025, 7, 4, 10, 30))
    assert errors_of(session)["end"] == ["La fin doit être postérieure au début."]


def test_inside_the_edition_dates(programme):
    session = new_session(programme, (2025, 7, 5, 9, 0), (2025, 7, 5, 10, 0))
    assert errors_of(session)["start"] == [
        "La séance doit avoir lieu le jour de l'édition, le 04/07/2025. Pour un événement en dehors de ces jours, choisissez le type « Événement associé »."
    ]
    session = new_session(programme, (2025, 7, 4, 23, 0), (2025, 7, 5, 1, 0))
    assert "end" in errors_of(session)


def test_room_must_be_at_the_edition_venue(programme, edition):
    elsewhere = RoomFactory(venue=VenueFactory(name="Cité des Sciences"))
    session = new_session(programme, (2025, 7, 4, 9, 30), (2025, 7, 4, 11, 0), room=elsewhere)
    assert errors_of(session)["room"] == [
        f"Cette salle ne se trouve pas au lieu de l'édition ({edition.venue.name})."
    ]
    here = RoomFactory(venue=edition.venue)
    session.room = here
    validate(session)


def test_a_saved_session_is_checked_against_its_edition_too(programme):
    session = SessionPageFactory(parent=programme)
    session.end = session.start - datetime.timedelta(minutes=5)
    assert "end" in errors_of(session)


def test_interpretation_languages_round_trip(programme):
    session = SessionPageFactory(parent=programme, interpretation_languages=["en", "es"])
    session.refresh_from_db()
    assert session.interpretation_languages == ["en", "es"]
    with translation.override("fr"):
        assert session.interpretation_labels() == ["anglais", "espagnol"]
    session.interpretation_languages = ["xx"]
    assert "interpretation_languages" in errors_of(session)
