"""A visitor on a phone finds a workshop in the programme and reads it."""

import re
from pathlib import Path

import pytest

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def test_find_and_read_a_workshop_on_a_phone(phone, live_server, demo_site):

    phone.goto(f"{live_server.url}/fr/2025/programme/")
    assert phone.locator("h1").inner_text() == "Programme"
    assert "Europe/Paris" in phone.locator(".tz-note").first.inner_text()

    # The page fits the phone: nothing scrolls sideways, text is at a readable size.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    title_size = phone.locator(".session-card__title").first.evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert title_size >= 16

    # Filter by type with the form (a plain GET form: no script needed).
    phone.select_option("#filter-type", "workshop")
    phone.get_by_role("button", name="Filtrer").click()
    phone.wait_for_url(re.compile(r"type=workshop"))
    cards = phone.locator(".session-card")
    assert cards.count() == 2
    assert phone.locator("text=Effacer les filtres").is_visible()
    save_screenshot(phone, "programme-phone-filtered")

    # Open the morning workshop and read when and where it is.
    cards.first.get_by_role("link", name="Ateliers").click()
    phone.wait_for_url(re.compile(r"/fr/2025/programme/ateliers-matin/$"))
    main = phone.locator("main").inner_text()
    assert "vendredi 4 juillet 2025" in main
    assert "9\u00a0h\u00a030 – 11\u00a0h\u00a000" in main
    assert "Salons de l’Hôtel des Arts & Métiers" in main
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(phone, "session-phone")

    # « Ajouter à mon agenda » downloads the session as an iCalendar file.
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Ajouter à mon agenda").click()
    assert download.value.suggested_filename == "ateliers-matin.ics"
    content = Path(download.value.path()).read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR")
    assert "SUMMARY:Ateliers" in content
    assert "DTSTART;TZID=Europe/Paris:20250704T093000" in content


def test_a_visitor_reads_a_cancelled_edition_in_the_archive(phone, live_server, demo_site):
    from editions.models import EditionPage

    edition = EditionPage.objects.get(year=2023, locale__language_code="fr")
    edition.status = "cancelled"
    edition.status_note = "Annulée le jour même."
    edition.save_revision().publish()

    phone.goto(f"{live_server.url}/fr/")
    card = phone.locator(".archive .edition-card", has_text="2023")
    assert "Annulée" in card.inner_text()
    card.get_by_role("link").click()
    phone.wait_for_url(f"{live_server.url}/fr/2023/")
    status = phone.locator("main .status--cancelled")
    assert "Annulée" in status.inner_text()
    assert "Annulée le jour même." in status.inner_text()


def test_keyboard_user_can_skip_to_the_content(phone, live_server, demo_site):
    phone.goto(f"{live_server.url}/fr/2025/programme/")
    phone.keyboard.press("Tab")
    skip = phone.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main"
