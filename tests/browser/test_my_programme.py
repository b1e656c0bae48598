"""« Mon programme » in Chromium: a visitor stars two sessions at the same time on the French
programme, finds them by time with the clash flagged, subscribes with the address that
carries them, and finds the same stars on the English pages; nothing is sent to the server."""

import re

import pytest

from .conftest import save_screenshot

pytestmark = pytest.mark.browser


def card(page, slug):
    return page.locator(f".session-card:has(a[href$='/{slug}/'])")


def test_star_sessions_find_them_by_time_and_subscribe(phone, live_server, demo_site):
    phone.goto(f"{live_server.url}/fr/2025/programme/")
    codes = {}
    for slug in ("reunions-regionales-matin", "ateliers-matin", "conference-pleniere"):
        star = card(phone, slug).get_by_role("button", name=re.compile("^Mon programme"))
        codes[slug] = star.get_attribute("data-star")
        assert star.get_attribute("aria-pressed") == "false"
        star.click()
        assert star.get_attribute("aria-pressed") == "true"

    phone.locator(".programme-links").get_by_role("link", name="Mon programme").click()
    phone.wait_for_url(re.compile(r"/fr/2025/programme/mon-programme/$"))
    shown = phone.locator("[data-my-programme] > li:visible")
    assert shown.count() == 3
    titles = [shown.nth(n).locator(".my-session__title a").inner_text() for n in range(3)]
    assert titles == ["Ateliers", "Réunions régionales", "Conférence plénière"]
    # The two 9 h 30 sessions clash; the plenary at 11 h 30 does not.
    assert shown.nth(0).locator(".my-session__conflict").inner_text() == (
        "En même temps que : Réunions régionales"
    )
    assert shown.nth(1).locator(".my-session__conflict").inner_text() == (
        "En même temps que : Ateliers"
    )
    assert not shown.nth(2).locator(".my-session__conflict").is_visible()
    save_screenshot(phone, "my-programme-phone")

    webcal = phone.locator("[data-subscribe-link=webcal]").get_attribute("href")
    https = phone.locator("[data-subscribe-link=https]").get_attribute("href")
    assert re.fullmatch(
        r"webcal://[^/]+/fr/2025/programme/mon-programme\.ics\?s=[0-9a-f]{8}(\.[0-9a-f]{8}){2}",
        webcal,
    )
    assert https == webcal.replace("webcal:", "http:", 1)
    calendar = phone.request.get(https).text()
    assert calendar.count("BEGIN:VEVENT") == 3 and "SUMMARY:Conférence plénière" in calendar

    # Kept in this browser only: no cookie, nothing stored by the server.
    assert phone.context.cookies() == []

    # The same stars in English; one taken off there is gone from the French list.
    phone.goto(f"{live_server.url}/en/2025/programme/")
    star = phone.locator(f".session-card button.star[data-star='{codes['conference-pleniere']}']")
    assert star.inner_text().startswith("My programme")
    assert star.get_attribute("aria-pressed") == "true"
    star.click()
    phone.goto(f"{live_server.url}/fr/2025/programme/mon-programme/")
    assert phone.locator("[data-my-programme] > li:visible").count() == 2


def test_without_javascript_the_page_says_how_to_add_sessions_one_by_one(
    browser, live_server, demo_site
):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_server.url}/fr/2025/programme/mon-programme/")
    assert "ajoutez les séances à votre agenda une par une" in page.locator("main").inner_text()
    page.goto(f"{live_server.url}/fr/2025/programme/ateliers-matin/")
    assert page.locator("button.star").is_hidden()
    assert page.get_by_role("link", name="Ajouter à mon agenda").is_visible()
    context.close()
