"""Nobody can fill the cache with addresses (issue 24, finding 7): one address per thing,
and entries kept per site, not per ``Host:`` header as the client wrote it."""

from django.core.cache import cache
from django.test import Client

import pytest
from bs4 import BeautifulSoup

from editions.factories import VenueFactory
from sessions.factories import PersonFactory, RoomFactory, SessionSpeakerFactory
from sessions.models import Room, SessionPage, SpeakerIndexPage

PROGRAMME = "/fr/2025/programme/"
SCREENS = f"{PROGRAMME}ecrans/"


@pytest.fixture
def visitor():
    return Client()


def partners_room():
    return Room.objects.get(name="Espace des Partenaires", locale__language_code="fr")


def kept():
    """Every key in the (in-memory) test cache, the tags' marks included."""
    return sorted(key for key in cache._cache if ":making" not in key)


def entries():
    return [key for key in kept() if "page-cache:entry:" in key]


def routes():
    return [key for key in kept() if "page-cache:fragment:route:" in key]


def canonical_link(response):
    return BeautifulSoup(response.content, "html.parser").select_one("link[rel=canonical]")["href"]


def addresses():
    """A page, a sub-route of the programme, a room's screen and a speaker's page."""
    session = SessionPage.objects.live().filter(locale__language_code="fr").first()
    speakers = SpeakerIndexPage.objects.get(locale__language_code="fr", slug="intervenants")
    person = PersonFactory(first_name="Awa", last_name="Diop", slug="awa-diop")
    SessionSpeakerFactory(session=session, person=person, locale=session.locale)
    return [
        PROGRAMME,
        session.url,
        f"{PROGRAMME}maintenant/",
        f"{SCREENS}{partners_room().pk}/",
        f"{speakers.url}{person.slug}/",
    ]


def test_a_thousand_variants_of_the_same_addresses_leave_the_cache_as_it_was(
    demo, visitor, settings
):
    # Production names its hosts; a subdomain pattern must not open the cache either.
    settings.ALLOWED_HOSTS = ["testserver", ".example.org"]
    urls = addresses()
    for url in urls:
        visitor.get(url)
        assert visitor.get(url).headers["X-Page-Cache"] == "hit", url
    before = kept()
    assert len(entries()) == len(urls)
    assert len(routes()) == len(urls)

    room = partners_room().pk
    sent = 0
    for n in range(250):
        # The same room written with zeros in front: sent to its one address.
        response = visitor.get(f"{SCREENS}{'0' * (n + 1)}{room}/")
        assert response.status_code == 301
        assert response["Location"] == f"{SCREENS}{room}/"
        # The same pages with a port, a case or a final dot of the client's own, or on a
        # subdomain nobody configured: answered, and kept for nobody.
        url = urls[n % len(urls)]
        for host in (f"testserver:{1024 + n}", "TestServer" if n % 2 else "testserver.", None):
            if host is None:
                host = f"visiteur-{n}.example.org"
            response = Client(HTTP_HOST=host).get(url)
            assert response.status_code == 200, (host, url)
        sent += 4
    assert sent == 1000
    assert kept() == before


def test_a_page_made_for_a_port_of_the_clients_own_is_kept_for_nobody(demo, visitor):
    """Pages write their absolute links with the host as it was asked: the page made for
    ``testserver:4444`` is not what the next visitor gets, and the page kept for the site's
    host is what that client gets."""
    odd = Client(HTTP_HOST="testserver:4444")
    first = odd.get(PROGRAMME)
    assert canonical_link(first) == f"http://testserver:4444{PROGRAMME}"
    assert entries() == []
    made = visitor.get(PROGRAMME)
    assert made.headers["X-Page-Cache"] == "miss"
    assert canonical_link(made) == f"http://testserver{PROGRAMME}"
    again = odd.get(PROGRAMME)
    assert again.headers["X-Page-Cache"] == "hit"
    assert canonical_link(again) == f"http://testserver{PROGRAMME}"
    assert len(entries()) == 1


def test_a_room_is_one_address_per_language(demo_translated, visitor):
    """The number of the room's copy in another language leads to the room's own number in
    the page's language, for good (one entry per room and language)."""
    french = partners_room()
    english = Room.objects.get(translation_key=french.translation_key, locale__language_code="en")
    response = visitor.get(f"/en/2025/programme/ecrans/{french.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"/en/2025/programme/ecrans/{english.pk}/"
    response = visitor.get(f"{SCREENS}{english.pk}/")
    assert response.status_code == 301
    assert response["Location"] == f"{SCREENS}{french.pk}/"


def test_a_room_of_another_venue_has_no_screen(demo, visitor):
    elsewhere = RoomFactory(name="Salle Gaveau", venue=VenueFactory(name="Palais des congrès"))
    assert visitor.get(f"{SCREENS}{elsewhere.pk}/").status_code == 404
    assert visitor.get(f"{SCREENS}0{elsewhere.pk}/").status_code == 404
    # A number longer than any row's is not found either (and costs no server error).
    assert visitor.get(f"{SCREENS}{'9' * 5000}/").status_code == 404
    assert visitor.get(f"{SCREENS}{partners_room().pk}/").status_code == 200
