"""A visitor reading a session in French switches to English and lands on the same session."""

import pytest

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def test_switch_language_on_a_session_page(phone, live_server, demo_site):
    phone.goto(f"{live_server.url}/fr/2025/programme/ateliers-matin/")
    assert phone.locator("html").get_attribute("lang") == "fr"
    assert phone.locator("h1").inner_text() == "Ateliers"

    phone.locator(".language-switcher").get_by_role("link", name="English").click()
    phone.wait_for_url(f"{live_server.url}/en/2025/programme/morning-workshops/")
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.locator("h1").inner_text() == "Workshops"
    main = phone.locator("main").inner_text()
    assert "Friday 4 July 2025" in main
    assert "9:30 – 11:00" in main
    assert phone.locator(".language-switcher [aria-current]").inner_text() == "English"
    save_screenshot(phone, "session-phone-english")

    # Back in Spanish, then French: always the same session.
    phone.locator(".language-switcher").get_by_role("link", name="Español").click()
    phone.wait_for_url(f"{live_server.url}/es/2025/programa/talleres-manana/")
    assert phone.locator("h1").inner_text() == "Talleres"
    assert "viernes 4 de julio de 2025" in phone.locator("main").inner_text()
