"""An edition cancelled on the day, entered through the admin as the organiser's staff would:
the public page, the programme, the calendar, the structured data and the PDF all say so."""

import io
import json
import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect
from pypdf import PdfReader

from editions.models import EditionPage
from home.models import HomePage
from sessions.models import ProgrammePage, SessionPage

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def publish(page):
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name="Publier").click()
    try:
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    except Exception:  # noqa: BLE001 (any wait failure: say why the page was not published)
        errors = page.locator(".error-message, .help-critical").all_inner_texts()
        fields = page.eval_on_selector_all("[aria-invalid='true']", "els => els.map(e => e.name)")
        raise AssertionError(f"not published: {fields} {errors}") from None


def fill_title(page, value):
    """Type a page's title as an editor does, and wait for Wagtail to make its slug from it
    (it does so on leaving the field, after a 100 ms debounce: publishing sooner, on a loaded
    machine, submitted an empty slug)."""
    page.fill("#id_title", value)
    page.locator("#id_title").press("Tab")
    expect(page.locator("#id_slug")).not_to_have_value("")


def fill_date(page, selector, value):
    page.fill(selector, value)
    page.keyboard.press("Escape")
    page.locator("#id_title").click()  # leave the field: its date picker closes


def test_a_cancelled_edition_entered_in_the_admin_is_cancelled_on_every_output(
    editor_page, live_server
):
    page = editor_page
    home = HomePage.objects.get(locale__language_code="fr")
    page.goto(f"{live_server.url}/admin/pages/add/editions/editionpage/{home.pk}/")
    fill_title(page, "Rencontres de l'AICT 2018")
    page.fill("#id_number", "10")
    page.fill("#id_year", "2018")
    fill_date(page, "#id_start", "01/07/2018 09:00")
    fill_date(page, "#id_end", "01/07/2018 18:00")
    page.select_option("#id_status", "cancelled")
    page.fill("#id_status_note", "Annulée le jour même après un incident technique au lieu.")
    publish(page)
    edition = EditionPage.objects.get(year=2018, locale__language_code="fr")
    assert edition.live and edition.status == "cancelled"

    page.goto(f"{live_server.url}/admin/pages/add/programme/programmepage/{edition.pk}/")
    fill_title(page, "Programme")
    publish(page)
    programme = ProgrammePage.objects.get(locale__language_code="fr", path__startswith=edition.path)

    page.goto(f"{live_server.url}/admin/pages/add/programme/sessionpage/{programme.pk}/")
    fill_title(page, "Atelier coopération et climat")
    page.select_option("#id_session_type", "workshop")
    fill_date(page, "#id_start", "01/07/2018 10:00")
    fill_date(page, "#id_end", "01/07/2018 11:30")
    publish(page)
    assert SessionPage.objects.get(
        title="Atelier coopération et climat", locale__language_code="fr"
    ).live

    # The public pages, as a visitor's browser shows them.
    page.goto(f"{live_server.url}/fr/2018/")
    banner = page.locator(".edition-hero p.status--cancelled")
    assert "Annulée" in banner.inner_text()
    assert "incident technique" in banner.inner_text()
    data = [
        json.loads(text)
        for text in page.locator("script[type='application/ld+json']").all_text_contents()
    ]
    event = next(d for d in data if d.get("@type") == "Event")
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert [s["eventStatus"] for s in event["subEvent"]] == ["https://schema.org/EventCancelled"]

    page.goto(f"{live_server.url}/fr/2018/programme/")
    card = page.locator(".session-card")
    assert "Annulée" in card.locator(".badge--cancelled").inner_text()
    assert page.get_by_text("Ajouter le programme à mon agenda").count() == 0
    save_screenshot(page, "cancelled-edition-programme")

    page.get_by_role("link", name="Atelier coopération et climat").click()
    status = page.locator("article.session p.status--cancelled")
    assert "Cette séance est annulée." in status.inner_text()
    data = [
        json.loads(text)
        for text in page.locator("script[type='application/ld+json']").all_text_contents()
    ]
    session_event = next(d for d in data if d.get("superEvent"))
    assert session_event["eventStatus"] == "https://schema.org/EventCancelled"

    calendar = page.request.get(f"{live_server.url}/fr/2018/programme/calendar.ics")
    events = Calendar.from_ical(calendar.body()).walk("VEVENT")
    assert [str(e["status"]) for e in events] == ["CANCELLED"]

    pdf = page.request.get(f"{live_server.url}/fr/2018/programme/programme.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.body()))
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "ANNULÉE" in cover and "incident technique" in cover
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Atelier coopération et climat" in text and "Annulée" in text


def test_on_a_phone_a_past_editions_page_title_is_on_the_first_screen(
    phone, live_server, demo_site
):
    for url in ("/fr/2022/programme/", "/fr/2020/programme/", "/fr/2022/"):
        phone.goto(f"{live_server.url}{url}")
        title = phone.locator("main h1").first.bounding_box()
        assert title is not None and title["y"] + title["height"] <= 844, (url, title)
    save_screenshot(phone, "past-edition-on-a-phone")
