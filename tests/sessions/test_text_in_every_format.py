"""Text every format can carry (issue 24, 6): a title stored before control characters were
refused (old rows, revisions, translations) still gives valid Atom, frab XML and JSON, ICS,
JSON-LD, PDF and xlsx in every language, without them and with the rest of its words."""

import datetime as dt
import io
import json
import re
from zoneinfo import ZoneInfo

from django.test import Client
from django.urls import reverse

import pytest
import time_machine
from bs4 import BeautifulSoup
from defusedxml import ElementTree as SafeET
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from sessions.models import SessionPage
from sessions.selection import session_code

PARIS = ZoneInfo("Europe/Paris")
ATOM = "{http://www.w3.org/2005/Atom}"
# The probe of the issue: C0 and C1 controls and DEL, a bidi override, what ends a CDATA
# section, a script element and an emoji.
PROBE = "Atelier \x0b\x1f\x7f\x85 \u202edroite]]> <script>alert(1)</script> 🌍"
SHOWN = "Atelier  \u202edroite]]> <script>alert(1)</script> 🌍"
SUMMARY = "Résumé\x0c sur\x1b deux\x9f lignes"
SHOWN_SUMMARY = "Résumé sur deux lignes"
# What no output may carry: C0 but tab and line breaks, DEL, C1, lone surrogates.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
PROGRAMMES = {
    "fr": "/fr/2025/programme/",
    "en": "/en/2025/programme/",
    "es": "/es/2025/programa/",
}
LANGUAGES = list(PROGRAMMES)


def opening(code):
    french = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    return SessionPage.objects.get(
        translation_key=french.translation_key, locale__language_code=code
    )


def store_probe(page):
    """As data saved before the rule: straight through the ORM, no validation."""
    page.title = PROBE + f" ({page.locale.language_code})"
    page.draft_title = page.title
    page.summary = SUMMARY
    page.save_revision(clean=False).publish()


@pytest.fixture
def visitor():
    return Client()


@pytest.fixture
def probed(demo_translated):
    """2 July 2025: the opening session carries the probe in each language, and its French
    page moved by a quarter of an hour, so the change log names it."""
    with time_machine.travel(dt.datetime(2025, 7, 2, 10, 0, tzinfo=PARIS), tick=False):
        for code in ("en", "es", "fr"):
            page = opening(code)
            if code == "fr":
                page.start += dt.timedelta(minutes=15)
                page.end += dt.timedelta(minutes=15)
            store_probe(page)
        yield demo_translated


def shown(code):
    return SHOWN + f" ({code})"


def body(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    text = response.content.decode()
    assert not FORBIDDEN.search(text)
    # JSON may write them as escapes: none of those either.
    assert not re.search(r"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]", text)
    return text


def session_address(code):
    return opening(code).get_url()


def feed_titles(visitor, code):
    address = PROGRAMMES[code] + "modifications.atom"
    feed = SafeET.fromstring(body(visitor.get(address), "application/atom+xml"))
    return [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]


def test_the_change_feed_is_valid_atom_before_and_after_a_withdrawal(probed, visitor):
    for code in LANGUAGES:
        titles = feed_titles(visitor, code)
        assert any(title.startswith(shown(code)) for title in titles), (code, titles)
    opening("fr").unpublish()  # the log still names it: the feeds stay valid
    for code in LANGUAGES:
        titles = feed_titles(visitor, code)
        assert any(title.startswith(shown(code)) for title in titles), (code, titles)


def frab_event(conference, code):
    events = [e for day in conference["days"] for room in day["rooms"].values() for e in room]
    return next(e for e in events if e["guid"] == str(opening(code).translation_key))


def test_frab_xml_and_json_carry_the_title(probed, visitor):
    for code in LANGUAGES:
        response = visitor.get(PROGRAMMES[code] + "schedule.json")
        data = json.loads(body(response, "application/json"))
        event = frab_event(data["schedule"]["conference"], code)
        assert event["title"] == shown(code)
        assert event["abstract"] == SHOWN_SUMMARY

        xml = body(visitor.get(PROGRAMMES[code] + "schedule.xml"), "application/xml")
        root = SafeET.fromstring(xml.encode())
        assert shown(code) in [el.text for el in root.iter("title")]
        assert SHOWN_SUMMARY in [el.text for el in root.iter("abstract")]
        assert "<script>" not in xml  # escaped: &lt;script&gt;


def test_every_calendar_carries_the_title(probed, visitor):
    for code in LANGUAGES:
        key = opening(code).translation_key
        for address in (
            PROGRAMMES[code] + "calendar.ics",
            session_address(code) + "calendar.ics",
            PROGRAMMES[code] + f"mon-programme.ics?s={session_code(key)}",
        ):
            calendar = Calendar.from_ical(body(visitor.get(address), "text/calendar"))
            event = next(e for e in calendar.walk("VEVENT") if str(key) in str(e["uid"]))
            assert str(event["summary"]) == shown(code), address
            assert SHOWN_SUMMARY in str(event["description"]), address


def json_ld_of(visitor, address):
    html = visitor.get(address).content.decode()
    assert "<script>alert" not in html  # the title is escaped wherever the page shows it
    soup = BeautifulSoup(html, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    assert not FORBIDDEN.search(script.string)
    assert "<script>" not in script.string and "</script" not in script.string
    return json.loads(script.string)


def test_json_ld_of_the_session_and_its_edition_carries_the_title_escaped(probed, visitor):
    for code in LANGUAGES:
        data = json_ld_of(visitor, session_address(code))
        assert data["name"] == shown(code)
        assert data["description"] == SHOWN_SUMMARY
        edition = json_ld_of(visitor, opening(code).edition.get_url())
        assert shown(code) in [event["name"] for event in edition["subEvent"]]


def test_the_printed_programme_still_renders(probed, visitor):
    for code in LANGUAGES:
        response = visitor.get(PROGRAMMES[code] + "programme.pdf")
        assert response.status_code == 200
        reader = PdfReader(io.BytesIO(response.content))
        text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
        assert "]]> <script>alert(1)</script>" in text
        assert not FORBIDDEN.search(text)


def test_the_editors_export_carries_a_draft_title(probed, admin_client):
    for code in LANGUAGES:
        # A draft (the latest revision) is what the export writes.
        page = opening(code)
        page.title = PROBE + " brouillon"
        page.save_revision(clean=False)
        response = admin_client.get(reverse("programme_export", args=[page.get_parent().pk]))
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert SHOWN + " brouillon" in [cell.value for cell in sheet["F"][1:]]
        assert SHOWN_SUMMARY in [cell.value for cell in sheet["H"][1:]]
