import pytest

from partners.factories import PartnerFactory
from sessions.factories import PersonFactory, RoomFactory


@pytest.fixture
def world(programme, edition, venue):
    """What the file refers to: a room at the venue, a partner, a known speaker."""
    RoomFactory(name="Espace des partenaires", venue=venue)
    PartnerFactory(name="PLATFORMA")
    PersonFactory(first_name="Michaël", last_name="Delafosse", slug="michael-delafosse")
    return programme
