"""The programme offline in Chromium (issue 16, 2): a visitor opens the programme once, the
network goes, and the programme, a session, « Mon programme » still open, saying when they
were saved; a page never kept says so in the visitor's language; a publication reaches the
kept copy at the next visit with a network."""

import re
import time

import pytest

pytestmark = pytest.mark.browser

KEPT = """() => caches.open('rencontres-offline-v1')
    .then(cache => cache.match('/fr/hors-ligne.json'))
    .then(found => found ? found.json() : null)
    .then(list => list ? list.version : null)"""


def kept_version(page):
    return page.evaluate(KEPT)


def wait_until_kept(page, other_than=None):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        version = kept_version(page)
        if version and version != other_than:
            return version
        page.wait_for_timeout(200)
    raise AssertionError("the service worker did not keep the list")


def test_the_programme_a_session_and_my_programme_open_offline(browser, live_server, demo_site):
    from sessions.models import SessionPage

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="fr-FR", service_workers="allow"
    )
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}/fr/2025/programme/")
    page.locator(".session-card:has(a[href$='/ateliers-matin/']) button.star").click()
    first = wait_until_kept(page)

    context.set_offline(True)
    started = time.perf_counter()
    page.goto(f"{base}/fr/2025/programme/")
    opened = time.perf_counter() - started
    print(f"\nprogramme opened offline in {opened * 1000:.0f} ms")
    assert page.locator("h1").inner_text() == "Programme"
    note = page.locator(".offline-note")
    assert re.match(
        r"Hors ligne : cette page a été enregistrée le \d+ \w+ 20\d\d", note.inner_text()
    )
    assert page.locator(".session-card").count() == 14

    page.goto(f"{base}/fr/2025/programme/seance-ouverture/")
    assert page.locator("h1").inner_text() == "Séance d’ouverture officielle des Rencontres"
    page.goto(f"{base}/fr/2025/programme/mon-programme/")
    shown = page.locator("[data-my-programme] > li:visible")
    assert shown.count() == 1 and "Ateliers" in shown.inner_text()
    page.goto(f"{base}/fr/2025/infos-pratiques/")
    assert page.locator(".offline-note").is_visible()
    page.goto(f"{base}/fr/2025/intervenants/")
    assert page.locator("h1").inner_text() == "Intervenants"
    assert page.locator(".offline-note").is_visible()

    # A page that was never kept: said in the visitor's language.
    page.goto(f"{base}/en/2024/")
    assert page.locator("h1").inner_text() == "Not available offline"
    page.goto(f"{base}/fr/2024/")
    assert page.locator("h1").inner_text() == "Indisponible hors ligne"

    # Back online: a publication reaches the kept copy at the next visit.
    context.set_offline(False)
    session = SessionPage.objects.get(slug="seance-ouverture", locale__language_code="fr")
    session.title = "Séance d’ouverture, nouvelle formule"
    session.save_revision().publish()
    page.wait_for_timeout(15_500)  # the worker asks for the list at most every 15 s
    page.goto(f"{base}/fr/2025/")
    wait_until_kept(page, other_than=first)
    context.set_offline(True)
    page.goto(f"{base}/fr/2025/programme/seance-ouverture/")
    assert page.locator("h1").inner_text() == "Séance d’ouverture, nouvelle formule"
    context.close()
