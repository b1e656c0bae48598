"""« Mon programme » (issue 16, 1), the server's side: a star on every session, the page the
browser fills from its own storage, and the calendar address that carries the selection."""

from django.test import Client

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from sessions.models import SessionPage
from sessions.selection import session_code

MINE = {
    "fr": "/fr/2025/programme/mon-programme/",
    "en": "/en/2025/programme/mon-programme/",
    "es": "/es/2025/programa/mon-programme/",
}


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def session(slug):
    return SessionPage.objects.get(slug=slug, locale__language_code="fr")


def code(slug):
    return session_code(session(slug).translation_key)


@pytest.fixture
def visitor(demo_translated):
    return Client()


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk() if c.name == "VEVENT"]


def test_every_session_has_a_star_shown_by_the_script(visitor):
    programme = soup_of(visitor.get("/fr/2025/programme/"))
    cards = programme.select(".session-card")
    stars = programme.select(".session-card button.star[data-star][hidden]")
    assert len(stars) == len(cards) == 14
    assert stars[0]["aria-pressed"] == "false"
    assert stars[0].get_text(" ", strip=True).startswith("Mon programme")
    page = soup_of(visitor.get("/en/2025/programme/official-opening/"))
    (star,) = page.select("button.star")
    assert star["data-star"] == code("seance-ouverture")  # the same in every language
    assert page.select_one(".star-line a")["href"] == "/en/2025/programme/mon-programme/"
    assert page.select_one("script[src='/static/js/site.js']") is not None


def test_my_programme_page_holds_every_session_for_the_browser_to_pick(visitor):
    for language, url in MINE.items():
        page = soup_of(visitor.get(url))
        items = page.select("[data-my-programme] li[data-session]")
        assert len(items) == 14, language
        assert all(item.has_attr("hidden") for item in items)  # the browser shows its own
        assert page.select_one("noscript").get_text(strip=True)
        calendar = url.removesuffix("mon-programme/") + "mon-programme.ics"
        assert page.select_one("[data-subscribe-link=https]")["href"] == calendar
    english = soup_of(visitor.get(MINE["en"]))
    opening = english.select_one(f"li[data-session='{code('seance-ouverture')}']")
    assert "Official opening session of the Rencontres" in opening.get_text()
    assert opening["data-start"] == "2025-07-04T07:00:00+00:00"  # 9 h in Paris


def test_the_calendar_carries_the_selection_in_its_address(visitor):
    chosen = f"{code('ateliers-matin')}.{code('conference-pleniere')}"
    french = events(visitor.get(f"/fr/2025/programme/mon-programme.ics?s={chosen}"))
    assert [str(e["SUMMARY"]) for e in french] == ["Ateliers", "Conférence plénière"]
    assert all(int(e["SEQUENCE"]) == 0 for e in french)
    english = events(visitor.get(f"/en/2025/programme/mon-programme.ics?s={chosen}"))
    assert [str(e["SUMMARY"]) for e in english] == ["Workshops", "Plenary conference"]
    # The same events as each session's own calendar file: a calendar app merges them.
    assert english[0]["UID"] == french[0]["UID"]


def test_a_cancelled_session_is_cancelled_in_the_calendar(visitor):
    plenary = session("conference-pleniere")
    plenary.status = "cancelled"
    plenary.save_revision().publish()
    (event,) = events(
        visitor.get(f"/fr/2025/programme/mon-programme.ics?s={code('conference-pleniere')}")
    )
    assert event["STATUS"] == "CANCELLED"
    assert int(event["SEQUENCE"]) == 1


@pytest.mark.parametrize("selection", ["xyz", "1234", "abcdefgh.", "ABCDEFGH;rm", "a" * 5000])
def test_a_mistyped_calendar_address_says_so_in_the_visitors_language(visitor, selection):
    response = visitor.get(f"/fr/2025/programme/mon-programme.ics?s={selection}")
    assert response.status_code == 400
    assert "adresse de calendrier est incomplète" in response.content.decode()
    response = visitor.get(f"/es/2025/programa/mon-programme.ics?s={selection}")
    assert "dirección de calendario está incompleta" in response.content.decode()


def test_codes_of_no_session_give_an_empty_calendar(visitor):
    assert events(visitor.get("/fr/2025/programme/mon-programme.ics?s=00000000")) == []


def test_a_moved_session_says_so_in_my_programme(visitor):
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime(2025, 7, 2, 10, 0, tzinfo=dt.UTC), tick=False):
        plenary = session("conference-pleniere")
        plenary.start += dt.timedelta(minutes=30)
        plenary.end += dt.timedelta(minutes=30)
        plenary.save_revision().publish()
    page = soup_of(visitor.get(MINE["fr"]))
    item = page.select_one(f"li[data-session='{code('conference-pleniere')}']")
    assert " ".join(item.select_one(".my-session__change").get_text().split()) == (
        "Modifiée le 2 juillet : 11 h 30 → 12 h 00"
    )
    english = soup_of(visitor.get(MINE["en"]))
    item = english.select_one(f"li[data-session='{code('conference-pleniere')}']")
    assert "Changed on 2 July: 11:30 → 12:00" in " ".join(item.get_text().split())
