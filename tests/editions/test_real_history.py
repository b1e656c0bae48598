"""Editions as history knows them: days without times, no number, another name, a few
figures, a side event the day after, organisers that are not partners; and a search that
finds them by what people remember."""

import datetime
import json
import zoneinfo

from django.urls import reverse
from django.utils import translation

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from editions.factories import EditionPageFactory
from editions.models import EditionPage
from sessions.factories import SessionPageFactory
from sessions.importing.exporting import export_programme
from sessions.importing.planning import Planner
from sessions.importing.reading import read
from sessions.models import ProgrammePage, SessionPage
from tests.admin_forms import EDITION_FORM, add_page, field_errors, session_form
from tests.helpers import json_ld, workbook
from tests.helpers import page_soup as soup

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def edition_form(**values):
    return {**EDITION_FORM, "year": "2018", "slug": "2018", **values}


# --- dates without times ---------------------------------------------------------------------


def test_days_typed_without_times_are_explained(admin_client, home):
    response = add_page(
        admin_client, home, EditionPage, edition_form(start="04/07/2018", end="04/07/2018")
    )
    assert response.status_code == 200
    (message,) = field_errors(response)["end"]
    assert "Aucune heure n'a été saisie" in message and "Dates seulement" in message
    assert not EditionPage.objects.exists()


def test_a_two_day_edition_of_dates_only(admin_client, home, client):
    response = add_page(
        admin_client,
        home,
        EditionPage,
        edition_form(start="04/07/2018", end="05/07/2018", dates_only="on"),
    )
    assert response.status_code == 302, field_errors(response)
    edition = EditionPage.objects.get(year=2018, locale__language_code="fr")
    assert edition.dates_only
    # Whole days in the edition's time zone: midnight of the 4th to midnight after the 5th.
    assert edition.start == datetime.datetime(2018, 7, 4, tzinfo=PARIS)
    assert edition.end == datetime.datetime(2018, 7, 6, tzinfo=PARIS)
    assert edition.days == [datetime.date(2018, 7, 4), datetime.date(2018, 7, 5)]

    page = soup(client, "/fr/2018/")
    assert "du mercredi 4 juillet 2018 au jeudi 5 juillet 2018" in " ".join(
        page.select_one(".facts").get_text(" ").split()
    )
    event = next(d for d in json_ld(page) if d.get("@type") == "Event")
    assert (event["startDate"], event["endDate"]) == ("2018-07-04", "2018-07-05")

    # The editor finds the days as typed when coming back to the page.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[edition.pk]))
    form = BeautifulSoup(edit.content, "html.parser")
    assert form.select_one("#id_start")["value"].startswith("04/07/2018")
    assert form.select_one("#id_end")["value"].startswith("05/07/2018")
    assert form.select_one("#id_dates_only").has_attr("checked")


def test_a_one_day_session_of_dates_only_in_calendars_and_json_ld(home, client):
    edition = EditionPageFactory(
        parent=home,
        year=2018,
        dates_only=True,
        start=datetime.datetime(2018, 7, 4, tzinfo=PARIS),
        end=datetime.datetime(2018, 7, 6, tzinfo=PARIS),
    )
    programme = edition.add_child(instance=ProgrammePage(title="Programme", slug="programme"))
    session = SessionPageFactory(
        parent=programme,
        title="Séminaire",
        dates_only=True,
        start=datetime.datetime(2018, 7, 5, tzinfo=PARIS),
        end=datetime.datetime(2018, 7, 6, tzinfo=PARIS),
    )
    calendar = Calendar.from_ical(client.get(session.url + "calendar.ics").content)
    (event,) = calendar.walk("VEVENT")
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert event.decoded("dtstart") == datetime.date(2018, 7, 5)
    assert event.decoded("dtend") == datetime.date(2018, 7, 6)  # RFC 5545: the day after
    page = soup(client, session.url)
    data = next(d for d in json_ld(page) if d.get("superEvent"))
    assert (data["startDate"], data["endDate"]) == ("2018-07-05", "2018-07-05")
    facts = " ".join(page.select_one(".facts").get_text(" ").split())
    assert "jeudi 5 juillet 2018" in facts and "Horaire" not in facts
    programme_page = soup(client, programme.url)
    assert "Toute la journée" in programme_page.select_one(".slot__time").get_text()


# --- the number, the name, the figures, the notes --------------------------------------------


def test_an_edition_without_a_number_under_another_name(admin_client, home, client):
    response = add_page(
        admin_client,
        home,
        EditionPage,
        edition_form(
            number="",
            title="Assises 2018",
            event_name="Assises de la coopération décentralisée",
            participants="1000",
            countries="30",
            figures_approximate="on",
        ),
    )
    assert response.status_code == 302, field_errors(response)
    edition = EditionPage.objects.get(year=2018, locale__language_code="fr")
    assert edition.number is None
    page = soup(client, "/fr/2018/")
    assert page.title.get_text().endswith("— Assises de la coopération décentralisée")
    assert (
        page.select_one(".site-header__name").get_text(strip=True)
        == "Assises de la coopération décentralisée"
    )
    assert "édition" not in page.select_one(".edition-hero").get_text().split("Assises")[0]
    event = next(d for d in json_ld(page) if d.get("@type") == "Event")
    assert event["name"] == "Assises de la coopération décentralisée"
    assert event["alternateName"] == "Assises 2018"
    figures = " ".join(page.select_one(".key-figures").get_text(" ").split())
    assert "environ 1 000 participants" in figures.replace("\u202f", " ").replace("\xa0", " ")
    assert "environ 30 pays" in figures
    card = soup(client, "/fr/").select_one(".edition-card")
    assert "1 000 participants" in card.get_text(" ").replace("\u202f", " ").replace("\xa0", " ")


def test_figures_take_the_singular_or_plural_of_the_readers_language(home, client):
    edition = EditionPageFactory(parent=home, year=2018, participants=1, countries=12)
    assert [words for _n, words, _r in edition.key_figures()] == ["participant", "pays"]
    with translation.override("en"):
        assert [words for _n, words, _r in edition.key_figures()] == [
            "participant",
            "countries",
        ]
    with translation.override("es"):
        assert [words for _n, words, _r in edition.key_figures()] == [
            "participante",
            "países",
        ]


# --- associated events, other organisers ------------------------------------------------------


def test_a_side_seminar_the_day_after_is_an_associated_event(admin_client, admin_programme, client):
    data = session_form(start="04/07/2026 09:30", end="04/07/2026 12:00")
    refused = add_page(admin_client, admin_programme, SessionPage, data)
    (message,) = field_errors(refused)["start"]
    assert "choisissez le type « Événement associé »" in message
    data["session_type"] = "associated"
    data["title"] = "Séminaire associé"
    data["slug"] = "seminaire-associe"
    data["other_organisers"] = "Association des maires du Sahel\nRéseau Euromed"
    response = add_page(admin_client, admin_programme, SessionPage, data)
    assert response.status_code == 302, field_errors(response)

    page = soup(client, admin_programme.url)
    apart = page.select_one("section.associated")
    assert "Séminaire associé" in apart.get_text()
    assert "samedi 4 juillet 2026" in apart.get_text(" ")
    assert all("Séminaire associé" not in day.get_text() for day in page.select("section.day"))
    session = SessionPage.objects.get(slug="seminaire-associe", locale__language_code="fr")
    session_page = soup(client, session.url)
    organisers = session_page.select_one(".organisers-list").get_text(" ")
    assert "Association des maires du Sahel" in organisers and "Réseau Euromed" in organisers
    organizer = next(d for d in json_ld(session_page) if d.get("superEvent"))["organizer"]
    assert {o["name"] for o in organizer} >= {"Association des maires du Sahel", "Réseau Euromed"}
    schedule = json.loads(client.get(admin_programme.url + "schedule.json").content)
    days = schedule["schedule"]["conference"]["days"]
    assert [d["date"] for d in days] == ["2026-07-03", "2026-07-04"]


def test_the_import_takes_associated_events_dates_only_and_other_organisers(programme):
    data = workbook(
        ["Référence", "Jour", "Début", "Fin", "Type", "Titre", "Autres organisateurs"],
        [
            ["S1", "05/07/2025", "", "", "Événement associé", "Séminaire du lendemain", "AIMF"],
            ["S2", "05/07/2025", "10:00", "11:00", "Atelier", "Atelier hors jour", ""],
        ],
    )
    plan = Planner(programme).plan(read("p.xlsx", data))
    assert [(s.reference, s.dates_only, s.other_organisers) for s in plan.sessions] == [
        ("S1", True, "AIMF")
    ]
    ((line, message),) = plan.problems
    assert line == 3 and "Événement associé" in message
    from sessions.importing.writing import Writer

    plan.problems = []
    Writer(programme).write(plan)
    session = SessionPage.objects.get(reference="S1", locale=programme.locale)
    assert session.dates_only and session.is_associated
    assert session.start == datetime.datetime(2025, 7, 5, tzinfo=PARIS)
    exported = export_programme(programme)
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(exported)).active
    headers = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "S1")
    assert row[headers.index("Début")] in (None, "")
    assert row[headers.index("Autres organisateurs")] == "AIMF"
    assert row[headers.index("Type")] == "Événement associé"


# --- search ----------------------------------------------------------------------------------


def test_search_finds_editions_by_venue_status_and_note_with_dates(home, venue, client):
    EditionPageFactory(
        parent=home,
        year=2022,
        venue=venue,
        status="cancelled",
        status_note="Annulée le jour même après un incident technique.",
    )
    EditionPageFactory(parent=home, year=2024, venue=venue)
    from django.core.management import call_command

    call_command("update_index", verbosity=0)
    for words, years in [
        ("Arts Métiers", {"2022", "2024"}),
        ("incident", {"2022"}),
        ("annulée", {"2022"}),
    ]:
        page = soup(client, reverse("search") + "?q=" + words)
        found = {a.get_text() for a in page.select(".search-results h2 a")}
        assert {t[-4:] for t in found} == years, words
    page = soup(client, reverse("search") + "?q=incident")
    when = page.select_one(".search-results__when").get_text(" ")
    assert "2022" in when and "Annulée" in when


@pytest.mark.parametrize("url", ["/fr/2022/", "/fr/2020/", "/fr/2019/", "/fr/2012/", "/en/2022/"])
def test_the_demo_archive_shows_every_status(demo_translated, client, url):
    page = soup(client, url)
    assert page.select_one("h1")
    text = page.get_text(" ")
    expected = {
        "/fr/2022/": "Annulée",
        "/fr/2020/": "dates annoncées initialement : du jeudi 2 juillet 2020 au vendredi 3 juillet 2020",
        "/fr/2019/": "Reportée",
        "/fr/2012/": "Assises de la coopération décentralisée",
        "/en/2022/": "Cancelled",
    }[url]
    assert expected in " ".join(text.split())
