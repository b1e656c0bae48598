"""Now and next (issue 16, 3): at several instants of the 2025 programme (4 July 2025, Paris),
room by room, on a phone and on the screens at the doors, kept until the next boundary."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.test import Client

import pytest
import time_machine
from bs4 import BeautifulSoup

from sessions.models import Room

PARIS = ZoneInfo("Europe/Paris")
NOW = {"fr": "/fr/2025/programme/maintenant/", "en": "/en/2025/programme/maintenant/"}
SCREENS = "/fr/2025/programme/ecrans/"


def at(hour, minute=0, second=0, day=4):
    return time_machine.travel(
        dt.datetime(2025, 7, day, hour, minute, second, tzinfo=PARIS), tick=False
    )


def page(visitor, url):
    response = visitor.get(url)
    assert response.status_code == 200, url
    return response, BeautifulSoup(response.content, "html.parser")


def words(node):
    return " ".join(node.get_text(" ").split())


def rooms(soup, selector=".now-room"):
    """{room: (now, next)} as the page shows them."""
    found = {}
    for section in soup.select(selector):
        name = words(section.select_one("h2"))
        now, following = (words(dd) for dd in section.select("dd"))
        found[name] = (now, following)
    return found


@pytest.fixture
def visitor(demo_translated):
    return Client()


@pytest.fixture
def partners_room():
    return Room.objects.get(name="Espace des Partenaires", locale__language_code="fr")


def test_the_day_before_it_says_when_the_rencontres_start(visitor):
    with at(12, day=3):
        _response, soup = page(visitor, NOW["fr"])
    assert "Les Rencontres commencent le vendredi 4 juillet 2025 à 8 h 00." in words(soup)
    assert soup.select(".now-room") == []


def test_mid_morning_each_room_shows_what_is_on_and_what_comes_next(visitor):
    with at(10):
        _response, soup = page(visitor, NOW["fr"])
    assert rooms(soup) == {
        "Espace des Partenaires": (
            "Rencontres B to B 9 h 30 – 11 h 00",
            "Pause café à l’Espace des partenaires 11 h 00 – 11 h 30",
        ),
        "Ailleurs sur le site": (
            "Ateliers 9 h 30 – 11 h 00 Réunions régionales 9 h 30 – 11 h 00",
            "Conférence plénière 11 h 30 – 13 h 00",
        ),
    }
    links = [a["href"] for a in soup.select(".now-room a")]
    assert "/fr/2025/programme/ateliers-matin/" in links


def test_during_the_break_the_plenary_is_next_and_english_reads_english(visitor):
    with at(11, 15):
        _response, soup = page(visitor, NOW["en"])
    assert rooms(soup) == {
        "Partners’ Area": (
            "Coffee break in the Partners’ Area 11:00 – 11:30",
            "B2B meetings 15:00 – 16:30",
        ),
        "Elsewhere in the venue": ("Nothing at the moment.", "Plenary conference 11:30 – 13:00"),
    }


def test_after_the_closing_it_says_the_rencontres_have_ended(visitor):
    with at(18, 30):
        _response, soup = page(visitor, NOW["fr"])
    assert "Les Rencontres ont pris fin le vendredi 4 juillet 2025." in words(soup)


def test_a_room_screen_in_large_type_refreshes_itself_at_the_next_boundary(visitor, partners_room):
    url = f"{SCREENS}{partners_room.pk}/"
    with at(10, 59, 30):
        response, soup = page(visitor, url)
    assert words(soup.select_one("h1")) == "Espace des Partenaires"
    assert words(soup.select_one(".screen__now dd")) == "Rencontres B to B 9 h 30 – 11 h 00"
    assert (
        words(soup.select_one(".screen__next dd"))
        == "11 h 00 Pause café à l’Espace des partenaires"
    )
    # 30 seconds to the end of the B2B meetings: the page asks again then, from a file
    # (the Content-Security-Policy allows no inline script).
    assert soup.body["data-refresh-seconds"] == "31"
    assert soup.select_one("script[src$='js/screen.js']") is not None
    assert not [s for s in soup.select("script") if s.string and s.string.strip()]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    with at(11, 0, 5):
        _response, soup = page(visitor, url)
    assert words(soup.select_one(".screen__now dd")).startswith("Pause café")
    assert soup.body["data-refresh-seconds"] == "120"  # 29 min to go: at most two minutes


def test_the_venue_screen_lists_every_room(visitor):
    with at(9, 45):
        _response, soup = page(visitor, SCREENS)
    headings = [words(h) for h in soup.select(".screen__room h2")]
    assert headings == ["Espace des Partenaires", "Ailleurs sur le site"]


def test_an_unknown_room_screen_is_not_found(visitor):
    assert visitor.get(f"{SCREENS}999999/").status_code == 404


def test_the_page_is_kept_until_the_next_session_boundary(visitor):
    with at(10, 59, 30):
        first, _soup = page(visitor, NOW["fr"])
        again, _soup = page(visitor, NOW["fr"])
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    with at(11, 0, 1):
        later, soup = page(visitor, NOW["fr"])
    assert later["X-Page-Cache"] == "miss"
    assert rooms(soup)["Espace des Partenaires"][0].startswith("Pause café")


def test_a_room_screen_reads_in_the_language_of_its_address(visitor, partners_room):
    english = Room.objects.get(
        translation_key=partners_room.translation_key, locale__language_code="en"
    )
    with at(10):
        # The French room's number leads to the English room's screen (one address each).
        moved = visitor.get(f"/en/2025/programme/ecrans/{partners_room.pk}/")
        assert moved["Location"] == f"/en/2025/programme/ecrans/{english.pk}/"
        _response, soup = page(visitor, moved["Location"])
    assert words(soup.select_one("h1")) == "Partners’ Area"
    assert words(soup.select_one(".screen__now dd")) == "B2B meetings 9:30 – 11:00"
