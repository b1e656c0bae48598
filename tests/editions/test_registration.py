"""The registration call to action with a plain link and with pretix, against a real HTTP
server on 127.0.0.1 speaking pretix's API: open, sold out, unlimited quotas, pagination,
a provider that hangs or fails, and the last known availability."""

import datetime
import json
import time
import zoneinfo

from django.core.cache import cache

import pytest
import time_machine
from bs4 import BeautifulSoup

from editions.factories import EditionPageFactory
from editions.models import EditionPage
from tests.helpers import errors_of
from tests.pretix_server import EVENT, ORGANIZER, TOKEN, PretixServer, quota

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
DURING = datetime.datetime(2026, 5, 4, 12, 0, tzinfo=PARIS)  # registration open
BEFORE = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=PARIS)
AFTER = datetime.datetime(2026, 7, 5, 12, 0, tzinfo=PARIS)


@pytest.fixture
def pretix():
    with PretixServer() as server:
        yield server


@pytest.fixture
def pretix_edition(home, venue, pretix, settings):
    settings.PRETIX_API_TOKEN = TOKEN
    return EditionPageFactory(
        parent=home,
        year=2026,
        venue=venue,
        registration_provider="pretix",
        pretix_url=pretix.url,
        pretix_organizer=ORGANIZER,
        pretix_event=EVENT,
        registration_opens=datetime.datetime(2026, 4, 15, 9, 0, tzinfo=PARIS),
    )


def visit(client, url="/fr/2026/", moment=DURING):
    """The page at `moment` (the clock ticks on from it), timed, and its CTA block."""
    with time_machine.travel(moment, tick=True):
        began = time.monotonic()
        response = client.get(url)
        elapsed = time.monotonic() - began
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(".registration"), soup, elapsed


def offer(soup):
    data = json.loads(soup.find("script", type="application/ld+json").string)
    return data["offers"]


def test_open_registration_links_to_the_shop_in_the_visitors_language(client, pretix_edition):
    cta, soup, _ = visit(client)
    link = cta.find("a")
    assert link.get_text(strip=True) == "S’inscrire"
    assert link["href"] == (
        f"{pretix_edition.pretix_url}/locale/set?locale=fr&next=%2Fcuf%2Frencontres-2026%2F"
    )
    assert pretix_edition.registration_link("es").startswith(
        f"{pretix_edition.pretix_url}/locale/set?locale=es&"
    )
    assert offer(soup)["availability"] == "https://schema.org/InStock"


def test_the_token_comes_from_the_environment_and_never_reaches_the_page(
    client, pretix_edition, pretix
):
    _, soup, _ = visit(client)
    assert pretix.requests == [
        (
            f"/api/v1/organizers/{ORGANIZER}/events/{EVENT}/quotas/?with_availability=true",
            f"Token {TOKEN}",
        )
    ]
    assert TOKEN not in str(soup)
    assert not [f for f in EditionPage._meta.get_fields() if "token" in f.name]


def test_sold_out_when_every_counted_quota_is_sold_out(client, pretix_edition, pretix):
    pretix.quota_pages = [
        [
            quota(1, False, 0),
            quota(2, True, 40, closed=True),  # closed: sells nothing
            quota(3, True, 99, ignore_for_event_availability=True),  # the lunch, say
        ]
    ]
    cta, soup, _ = visit(client)
    assert cta.select_one(".registration__state").get_text(strip=True) == "Complet"
    assert "S’inscrire" not in cta.get_text()
    assert cta.find("a")["href"].startswith(pretix.url)  # the waiting list stays reachable
    assert offer(soup)["availability"] == "https://schema.org/SoldOut"


def test_an_unlimited_quota_is_never_sold_out(client, pretix_edition, pretix):
    pretix.quota_pages = [[quota(1, False, 0), quota(2, True, None)]]
    cta, _, _ = visit(client)
    assert cta.find("a").get_text(strip=True) == "S’inscrire"


def test_every_page_of_quotas_is_read(client, pretix_edition, pretix):
    pretix.quota_pages = [[quota(1, False, 0)], [quota(2, False, 0)], [quota(3, True, 5)]]
    cta, _, _ = visit(client)
    assert cta.find("a").get_text(strip=True) == "S’inscrire"
    assert [path.rsplit("page=", 1)[-1] for path, _ in pretix.requests[1:]] == ["2", "3"]
    pretix.quota_pages = [[quota(1, False, 0)], [quota(2, False, 0)]]
    cache.clear()
    cta, _, _ = visit(client)
    assert cta.select_one(".registration__state").get_text(strip=True) == "Complet"


def test_the_availability_is_cached_for_a_minute(client, pretix_edition, pretix):
    visit(client)
    visit(client, "/fr/2026/")
    assert len(pretix.requests) == 1
    visit(client, moment=DURING + datetime.timedelta(seconds=61))
    assert len(pretix.requests) == 2


def test_a_hanging_provider_costs_one_visitor_two_seconds_at_most(client, pretix_edition, pretix):
    pretix.behaviour = "hang"
    cta, _, elapsed = visit(client)
    assert elapsed < 3
    assert cta.find("a").get_text(strip=True) == "S’inscrire"  # the link regardless
    cta, _, elapsed = visit(client)
    assert elapsed < 1.5  # the next visitors do not wait the 2 s: it is retried later
    assert len(pretix.requests) == 1
    assert cta.find("a").get_text(strip=True) == "S’inscrire"


def test_a_failing_provider_keeps_the_last_known_availability(client, pretix_edition, pretix):
    pretix.quota_pages = [[quota(1, False, 0)]]
    cta, _, _ = visit(client)
    assert cta.select_one(".registration__state").get_text(strip=True) == "Complet"
    pretix.behaviour = "error"
    later = DURING + datetime.timedelta(minutes=5)
    cta, _, _ = visit(client, moment=later)
    assert len(pretix.requests) == 2  # asked again, answered 500
    assert cta.select_one(".registration__state").get_text(strip=True) == "Complet"
    cta, _, _ = visit(client, moment=later + datetime.timedelta(seconds=10))
    assert len(pretix.requests) == 2  # not asked again before 30 seconds
    pretix.behaviour = "answer"
    pretix.quota_pages = [[quota(1, True, 3)]]
    cta, _, _ = visit(client, moment=later + datetime.timedelta(seconds=31))
    assert cta.find("a").get_text(strip=True) == "S’inscrire"


def test_a_failing_provider_never_seen_before_shows_the_link(client, pretix_edition, pretix):
    pretix.behaviour = "error"
    cta, soup, _ = visit(client)
    assert cta.find("a").get_text(strip=True) == "S’inscrire"
    assert offer(soup)["availability"] == "https://schema.org/InStock"


def test_without_a_token_the_provider_is_not_asked(client, pretix_edition, pretix, settings):
    settings.PRETIX_API_TOKEN = ""
    cta, _, _ = visit(client)
    assert pretix.requests == []
    assert cta.find("a").get_text(strip=True) == "S’inscrire"


@pytest.mark.parametrize(
    ("moment", "text"),
    [(BEFORE, "Inscriptions ouvertes le 15 avril 2026"), (AFTER, None)],
)
def test_outside_the_window_the_provider_is_not_asked(client, pretix_edition, pretix, moment, text):
    cta, _, _ = visit(client, moment=moment)
    if text is None:
        # Once the edition is over, the page shows what happened, not what was once open.
        assert cta is None
    else:
        assert text in " ".join(cta.get_text(" ").split()).replace("\u202f", " ")
    assert pretix.requests == []


def test_registration_closed_before_the_edition_says_so_with_its_notes_gone(client, pretix_edition):
    pretix_edition.registration_closes = datetime.datetime(2026, 6, 1, tzinfo=PARIS)
    pretix_edition.registration_notes = "Paiement sur place en espèces uniquement."
    pretix_edition.save_revision().publish()
    cta, _, _ = visit(client, moment=datetime.datetime(2026, 6, 15, 12, tzinfo=PARIS))
    assert "Inscriptions closes" in cta.get_text(" ")
    assert "espèces" not in cta.get_text(" ")
    assert "Ouverture des inscriptions" not in cta.get_text(" ")


def test_registration_notes_are_shown_while_registration_matters(client, pretix_edition, pretix):
    pretix_edition.registration_notes = "Paiement sur place en espèces uniquement."
    pretix_edition.save_revision().publish()
    cta, _, _ = visit(client)
    assert (
        "Paiement sur place en espèces uniquement."
        in cta.select_one(".registration__notes").get_text()
    )


def test_a_plain_link_opens_in_the_visitors_language(client, home, venue):
    edition = EditionPageFactory(
        parent=home,
        year=2026,
        venue=venue,
        registration_url="https://inscriptions.example.org/rencontres?lang={lang}",
    )
    cta, _, _ = visit(client)
    assert cta.find("a")["href"] == "https://inscriptions.example.org/rencontres?lang=fr"
    assert edition.registration("en", now=DURING).url.endswith("?lang=en")


def test_pretix_needs_its_server_organiser_and_event(home):
    draft = EditionPage(
        title="Rencontres 2027",
        number=18,
        year=2027,
        start=datetime.datetime(2027, 7, 2, 8, 0, tzinfo=PARIS),
        end=datetime.datetime(2027, 7, 2, 18, 0, tzinfo=PARIS),
        registration_provider="pretix",
        pretix_url="",
        pretix_organizer="cuf",
    )
    draft._parent_for_validation = home
    errors = errors_of(draft)
    assert errors["pretix_url"] == [
        "pretix a besoin de son serveur, de l'organisateur et de l'événement."
    ]
    assert "pretix_event" in errors
    assert "pretix_organizer" not in errors
