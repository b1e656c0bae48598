"""An edition's status reaches every one of its sessions on every output (page, programme,
ICS, frab, JSON-LD, PDF) in every language; the sessions' status changes in bulk and goes
through the spreadsheet."""

import datetime
import io
import json

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from editions.models import EditionPage
from sessions.importing.exporting import export_programme
from sessions.importing.planning import Planner
from sessions.importing.reading import read
from sessions.models import ProgrammePage, SessionPage
from tests.helpers import json_ld, workbook
from tests.helpers import page_soup as soup


def set_edition_status(status, note=""):
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    edition = edition.get_latest_revision_as_object()
    edition.status = status
    edition.status_note = note
    if status == "rescheduled":  # first announced for two days in June
        edition.previous_start = edition.start - datetime.timedelta(days=20)
        edition.previous_end = edition.end - datetime.timedelta(days=19)
    edition.save_revision().publish()


def pdf_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(reader.pages[0].extract_text().split()), " ".join(
        " ".join(page.extract_text().split()) for page in reader.pages
    )


def test_a_cancelled_edition_cancels_its_sessions_everywhere_in_every_language(
    demo_translated, client
):
    set_edition_status("cancelled", "Incident technique sur le lieu.")
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    assert session.status == "scheduled"  # its own status is kept, the edition's is shown

    page = soup(client, session.url)
    status = page.select_one("article.session p.status--cancelled").get_text(" ", strip=True)
    assert "Cette séance est annulée." in status
    assert "Toute l’édition est concernée." in status or "Toute l'édition est concernée." in status
    assert "Incident technique sur le lieu." in status
    assert page.find("a", string="Ajouter à mon agenda") is None
    event = next(d for d in json_ld(page) if d["url"].endswith("/ateliers-matin/"))
    assert event["eventStatus"] == "https://schema.org/EventCancelled"

    programme = soup(client, "/fr/2025/programme/")
    cards = programme.select(".session-card")
    assert cards and all("session-card--cancelled" in c["class"] for c in cards)
    assert all("Annulée" in c.select_one(".badge--cancelled").get_text() for c in cards)
    assert "Ajouter le programme à mon agenda" not in programme.get_text()

    calendar = Calendar.from_ical(client.get("/fr/2025/programme/calendar.ics").content)
    assert {str(e["status"]) for e in calendar.walk("VEVENT")} == {"CANCELLED"}

    schedule = json.loads(client.get("/fr/2025/programme/schedule.json").content)
    titles = [
        talk["title"]
        for day in schedule["schedule"]["conference"]["days"]
        for talks in day["rooms"].values()
        for talk in talks
    ]
    assert titles and all(title.endswith("(Annulée)") for title in titles)

    edition_data = json_ld(soup(client, "/fr/2025/"))
    edition_event = next(d for d in edition_data if d.get("subEvent"))
    assert {s["eventStatus"] for s in edition_event["subEvent"]} == {
        "https://schema.org/EventCancelled"
    }

    cover, _text = pdf_text(client, "/fr/2025/programme/programme.pdf")
    assert "ANNULÉE" in cover and "Incident technique sur le lieu." in cover

    # The English pages say it too (the status is a fact, spread to the translations).
    english = SessionPage.objects.get(
        translation_key=session.translation_key, locale__language_code="en"
    )
    page = soup(client, english.url)
    assert (
        "This session is cancelled."
        in page.select_one("article.session p.status--cancelled").get_text()
    )
    english_programme = ProgrammePage.objects.get(locale__language_code="en")
    en_calendar = Calendar.from_ical(client.get(english_programme.url + "calendar.ics").content)
    assert {str(e["status"]) for e in en_calendar.walk("VEVENT")} == {"CANCELLED"}
    cover, _text = pdf_text(client, english_programme.url + "programme.pdf")
    assert "CANCELLED" in cover


@pytest.mark.parametrize(
    ("status", "schema", "ics", "words"),
    [
        ("postponed", "EventPostponed", "TENTATIVE", "Cette séance est reportée."),
        ("online", "EventMovedOnline", "CONFIRMED", "Cette séance a lieu en ligne."),
        ("rescheduled", "EventRescheduled", "CONFIRMED", "Cette séance a été déplacée."),
    ],
)
def test_every_edition_status_reaches_the_sessions(demo, client, status, schema, ics, words):
    set_edition_status(status)
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    page = soup(client, session.url)
    assert words in page.select_one(f"article.session p.status--{status}").get_text(" ", strip=True)
    event = next(d for d in json_ld(page) if d["url"].endswith("/ateliers-matin/"))
    assert event["eventStatus"] == "https://schema.org/" + schema
    mode = "Online" if status == "online" else "Offline"
    assert event["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
    if status == "online":
        assert event["location"]["@type"] == "VirtualLocation"
    calendar = Calendar.from_ical(client.get(session.url + "calendar.ics").content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["status"]) == ics
    if status == "online":
        assert str(vevent["location"]) == "En ligne"
    if status == "rescheduled":  # the whole first range is shown
        banner = page.select_one(".edition-banner p.status--rescheduled").get_text(" ", strip=True)
        assert "dates annoncées initialement : du samedi 14 juin 2025 au dimanche 15 juin 2025" in (
            banner
        )
    offered = page.find("a", string="Ajouter à mon agenda") is not None
    assert offered is (status != "postponed")


def test_a_session_cancelled_on_its_own_stays_cancelled_when_the_edition_moves_online(demo, client):
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    session.status = "cancelled"
    session.save_revision().publish()
    set_edition_status("online")
    page = soup(client, session.url)
    assert (
        "Cette séance est annulée."
        in page.select_one("article.session p.status--cancelled").get_text()
    )
    assert "Toute l" not in page.select_one("article.session p.status--cancelled").get_text()
    other = SessionPage.objects.get(slug="conference-pleniere", locale__language_code="fr")
    assert soup(client, other.url).select_one("article.session p.status--online") is not None


def bulk_url(action, ids, next_url="/admin/"):
    query = "&".join(f"id={pk}" for pk in ids)
    return (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
        + f"?{query}&next={next_url}"
    )


def test_the_bulk_action_changes_the_status_of_the_selected_sessions(demo, admin_client, client):
    sessions = list(
        SessionPage.objects.filter(locale__language_code="fr").order_by("start", "path")[:3]
    )
    edition = EditionPage.objects.get(year=2025, locale__language_code="fr")
    url = bulk_url("session_status", [s.pk for s in sessions] + [edition.pk])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    text = BeautifulSoup(confirm.content, "html.parser").get_text(" ", strip=True)
    for session in sessions:
        assert session.title in text
    # The edition is not a session: listed apart, untouched.
    assert "Seules les séances en français" in text
    response = admin_client.post(url, {"status": "cancelled"})
    assert response.status_code == 302
    for session in sessions:
        session.refresh_from_db()
        assert session.status == "cancelled" and not session.has_unpublished_changes
        assert "Cette séance est annulée." in soup(client, session.url).get_text()
    edition.refresh_from_db()
    assert edition.status == "scheduled"
    # A wrong value is refused on the form; nothing changes.
    response = admin_client.post(url, {"status": "<script>"})
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_the_bulk_action_keeps_a_pending_draft_as_a_draft(demo, admin_client):
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    draft = session.get_latest_revision_as_object()
    draft.title = "Titre en cours de rédaction"
    draft.save_revision()
    admin_client.post(bulk_url("session_status", [session.pk]), {"status": "postponed"})
    session.refresh_from_db()
    assert session.status == "scheduled"  # the live page is untouched
    latest = session.get_latest_revision_as_object()
    assert latest.status == "postponed" and latest.title == "Titre en cours de rédaction"


def test_the_spreadsheet_exports_and_imports_the_status(demo):
    programme = ProgrammePage.objects.get(locale__language_code="fr")
    session = SessionPage.objects.get(slug="ateliers-matin", locale__language_code="fr")
    session.status = "cancelled"
    session.save_revision().publish()
    book = load_workbook(io.BytesIO(export_programme(programme)))
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    assert "Statut" in headers
    rows = {
        row[0]: row[headers.index("Statut")] for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert rows[session.reference or session.slug] == "Annulée"
    assert set(rows.values()) == {"Annulée", "Prévue"}

    # Back in: « Reportée » is understood, an empty cell means scheduled, a typo is refused.
    data = workbook(
        ["Référence", "Jour", "Début", "Fin", "Type", "Titre", "Statut"],
        [
            ["X1", "04/07/2025", "10:00", "11:00", "Atelier", "Un atelier", "Reportée"],
            ["X2", "04/07/2025", "11:00", "12:00", "Atelier", "Un autre", ""],
            ["X3", "04/07/2025", "12:00", "13:00", "Atelier", "Un troisième", "Anulée"],
        ],
    )
    plan = Planner(programme).plan(read("programme.xlsx", data))
    assert [s.status for s in plan.sessions] == ["postponed", "scheduled"]
    assert plan.problems == [(4, "statut inconnu « Anulée »")]
